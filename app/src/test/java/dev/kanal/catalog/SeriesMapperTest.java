package dev.kanal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesMapperTest {
    private static SkyHookShow show(List<SkyHookShow.Episode> episodes) {
        return new SkyHookShow(1, "Show", "2020-01-01", 24, null, null, List.of(), episodes);
    }

    @Test
    void seasons_that_line_up_keep_their_numbers() {
        List<SkyHookShow.Episode> tvdb = List.of(new SkyHookShow.Episode(1, 1, 1, "a"), new SkyHookShow.Episode(1, 2, 2, "b"),
                new SkyHookShow.Episode(2, 1, 3, "c"));
        var site = List.of(new SeriesMapper.SiteEpisode(1, 1, null, null, 1), new SeriesMapper.SiteEpisode(1, 2, null, null, 2),
                new SeriesMapper.SiteEpisode(2, 1, null, null, 3));
        var map = SeriesMapper.map(site, show(tvdb), true);
        assertThat(map.get(CatalogRows.key(2, 1))).isEqualTo(new SeriesMapper.Numbering(2, 1, 3));
    }

    @Test
    void anime_split_differently_maps_through_the_absolute_number() {
        List<SkyHookShow.Episode> tvdb = new ArrayList<>();
        for (int e = 1; e <= 24; e++) tvdb.add(new SkyHookShow.Episode(1, e, e, "e" + e));
        List<SeriesMapper.SiteEpisode> site = new ArrayList<>();
        for (int e = 1; e <= 12; e++) site.add(new SeriesMapper.SiteEpisode(1, e, null, null, e));
        for (int e = 1; e <= 12; e++) site.add(new SeriesMapper.SiteEpisode(2, e, null, null, 12 + e));
        var map = SeriesMapper.map(site, show(tvdb), true);
        assertThat(map.get(CatalogRows.key(2, 3))).isEqualTo(new SeriesMapper.Numbering(1, 15, 15));
        // a non-anime site never renumbers through absolutes
        assertThat(SeriesMapper.map(site, show(tvdb), false).get(CatalogRows.key(2, 3)))
                .isEqualTo(new SeriesMapper.Numbering(2, 3, 15));
    }

    @Test
    void site_specials_map_to_the_tvdb_special_with_the_same_title() {
        var tvdb = List.of(new SkyHookShow.Episode(0, 3, null, "Mugen Train"), new SkyHookShow.Episode(0, 4, null, "Other"));
        var site = List.of(new SeriesMapper.SiteEpisode(0, 1, "Der Film: Mugen Train", "The Movie: Mugen Train", null),
                new SeriesMapper.SiteEpisode(0, 2, "Unbekannt", "Unknown Special", null));
        var map = SeriesMapper.map(site, show(tvdb), true);
        assertThat(map.get(CatalogRows.key(0, 1))).isEqualTo(new SeriesMapper.Numbering(0, 3, null));
        // no TVDB special like it: numbered after the show's last special, so it takes nobody's number
        assertThat(map.get(CatalogRows.key(0, 2))).isEqualTo(new SeriesMapper.Numbering(0, 5, null));
    }

    @Test
    void each_film_takes_at_most_one_special_and_no_two_films_the_same() {
        var tvdb = List.of(new SkyHookShow.Episode(0, 1, null, "Mugen Train"),
                new SkyHookShow.Episode(0, 2, null, "Recap"));
        // both films resemble special 1; only the closer one gets it
        var site = List.of(new SeriesMapper.SiteEpisode(0, 1, "Mugen Train", "Mugen Train", null),
                new SeriesMapper.SiteEpisode(0, 2, "Mugen Train Arc", "Mugen Train Arc", null),
                new SeriesMapper.SiteEpisode(0, 3, null, null, null));
        var map = SeriesMapper.map(site, show(tvdb), true);
        assertThat(map.get(CatalogRows.key(0, 1))).isEqualTo(new SeriesMapper.Numbering(0, 1, null));
        assertThat(map.get(CatalogRows.key(0, 2)).episode()).isNotEqualTo(1).isGreaterThan(2);
        assertThat(map.get(CatalogRows.key(0, 3)).episode()).isGreaterThan(2);
        assertThat(map.values().stream().map(SeriesMapper.Numbering::episode).distinct().count()).isEqualTo(3);
    }

    @Test
    void a_sequel_entry_lands_in_its_tvdb_season_with_tvdb_absolute_numbers() {
        List<SkyHookShow.Episode> tvdb = new ArrayList<>();
        for (int e = 1; e <= 12; e++) tvdb.add(new SkyHookShow.Episode(1, e, e, "a" + e));
        for (int e = 1; e <= 13; e++) tvdb.add(new SkyHookShow.Episode(2, e, 12 + e, "b" + e));
        List<SeriesMapper.SiteEpisode> site = new ArrayList<>();
        for (int e = 1; e <= 13; e++) site.add(new SeriesMapper.SiteEpisode(1, e, null, null, e));
        var map = SeriesMapper.map(site, show(tvdb), true, 1);
        assertThat(map.get(CatalogRows.key(1, 1))).isEqualTo(new SeriesMapper.Numbering(2, 1, 13));
        assertThat(map.get(CatalogRows.key(1, 13))).isEqualTo(new SeriesMapper.Numbering(2, 13, 25));
    }

    @Test
    void search_hits_need_a_close_title_and_prefer_the_right_year() {
        var hits = List.of(new SkyHookShow(10, "Dune", "1984-01-01", null, null, null, List.of(), List.of()),
                new SkyHookShow(11, "Dune", "2021-01-01", null, null, null, List.of(), List.of()),
                new SkyHookShow(12, "Something Else", "2021-01-01", null, null, null, List.of(), List.of()));
        assertThat(SeriesMapper.bestMatch(List.of("Dune"), 2021, hits).tvdbId()).isEqualTo(11);
        assertThat(SeriesMapper.bestMatch(List.of("Completely Different"), 2021, hits)).isNull();
    }
}
