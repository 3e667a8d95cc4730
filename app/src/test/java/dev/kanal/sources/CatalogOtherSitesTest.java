package dev.kanal.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.db.Database;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same episode on other sites from catalog ids: picked by Sonarr's numbering when the sites
 * number it differently, only in the grabbed language, in KANAL_SITE_ORDER, films matched to films.
 */
class CatalogOtherSitesTest {
    @TempDir
    static Path dir;

    static Database db;

    @BeforeAll
    static void seed() {
        db = Database.open(dir.resolve("kanal.sqlite"));
        // one anime: s.to numbers it as season 2, AniWorld as one long season 1; both map to TVDB 2x1..
        title(1, "sto", "frieren", "series", 9001, null);
        title(2, "aniworld", "frieren-anime", "series", 9001, null);
        title(3, "megakino", "frieren-serial", "series", null, "tt9001");
        title(4, "sto", "other-show", "series", 7, "tt9001x");
        db.writeVoid(ctx -> ctx.execute("UPDATE catalog_title SET imdb = 'tt9001' WHERE id = 1"));
        episode(1, 2, 1, 2, 1, "German Dub", "German Sub");
        episode(2, 1, 14, 2, 1, "German Sub");
        episode(2, 1, 13, 1, 13, "German Dub");
        episode(3, 1, 1, 2, 1, "German Dub");
        episode(4, 2, 1, 2, 1, "German Dub");
        // whole films (episode 0) of the same work on two sites
        title(5, "megakino", "123-frieren-film", "movie", null, "tt5555");
        title(6, "aniworld", "frieren-film", "movie", null, "tt5555");
        episode(5, 0, 0, 0, 0, "German Dub");
        episode(6, 0, 0, 0, 0, "German Dub");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    static void title(int id, String site, String slug, String kind, Integer tvdb, String imdb) {
        db.writeVoid(ctx -> ctx.execute("INSERT INTO catalog_title (id, site, slug, title, kind, tvdb, imdb, first_seen,"
                + " listed_run) VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', 1)", id, site, slug, slug, kind, tvdb,
                imdb));
    }

    static void episode(int title, int season, int episode, int tvdbSeason, int tvdbEpisode, String... languages) {
        db.writeVoid(ctx -> {
            ctx.execute("INSERT INTO catalog_episode (title_id, season, episode, tvdb_season, tvdb_episode, first_seen)"
                    + " VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')", title, season, episode, tvdbSeason, tvdbEpisode);
            for (String l : languages) {
                ctx.execute("INSERT INTO catalog_release (title_id, season, episode, language, first_seen)"
                        + " VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z')", title, season, episode, l);
            }
        });
    }

    static final List<SiteId> ORDER = List.of(SiteId.MEGAKINO, SiteId.ANIWORLD, SiteId.STO);

    @Test
    void the_other_site_episode_is_picked_by_sonarr_numbering_in_the_grabbed_language_in_site_order() {
        var others = new CatalogOtherSites(db, ORDER);
        assertThat(others.of(new EpisodeAddress(SiteId.STO, "frieren", 2, 1), Language.GERMAN_SUB))
                .containsExactly(new EpisodeAddress(SiteId.ANIWORLD, "frieren-anime", 1, 14));
        // German Dub: AniWorld does not have 1x14 dubbed; Megakino (shares the IMDb id) does, and comes first
        assertThat(others.of(new EpisodeAddress(SiteId.STO, "frieren", 2, 1), Language.GERMAN_DUB))
                .containsExactly(new EpisodeAddress(SiteId.MEGAKINO, "frieren-serial", 1, 1));
        assertThat(new CatalogOtherSites(db, List.of(SiteId.STO, SiteId.ANIWORLD))
                .of(new EpisodeAddress(SiteId.STO, "frieren", 2, 1), Language.GERMAN_DUB)).isEmpty();
    }

    @Test
    void a_film_matches_a_film_and_unknown_titles_or_languages_give_nothing() {
        var others = new CatalogOtherSites(db, ORDER);
        assertThat(others.of(EpisodeAddress.movie(SiteId.MEGAKINO, "123-frieren-film"), Language.GERMAN_DUB))
                .containsExactly(new EpisodeAddress(SiteId.ANIWORLD, "frieren-film", 0, 0));
        assertThat(others.of(new EpisodeAddress(SiteId.STO, "unknown", 1, 1), Language.GERMAN_DUB)).isEmpty();
        assertThat(others.of(new EpisodeAddress(SiteId.STO, "frieren", 2, 1), Language.ENGLISH_DUB)).isEmpty();
    }
}
