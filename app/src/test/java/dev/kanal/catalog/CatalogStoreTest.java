package dev.kanal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.kanal.db.Database;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterHints;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's SQLite store against a migrated database file. */
class CatalogStoreTest {
    @TempDir
    static Path dir;

    static Database db;
    static EpisodeStore store;
    static DetailQueue queue;
    static ReleaseFacts facts;
    static TitleStore titles;
    static ReleaseQueries queries;

    @BeforeAll
    static void open() {
        db = Database.open(dir.resolve("kanal.sqlite"));
        store = new EpisodeStore(db);
        queue = new DetailQueue(db);
        facts = new ReleaseFacts(db);
        titles = new TitleStore(db);
        queries = new ReleaseQueries(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static int titleId(SiteId site, String slug) {
        return queries.indexEntries().stream().filter(e -> e.site() == site).map(TitleIndex.Entry::titleId)
                .filter(id -> queue.title(id).orElseThrow().slug().equals(slug)).findFirst().orElseThrow();
    }

    @Test
    void media_info_learned_by_a_download_shows_up_on_the_release() {
        TitleDetail d = FakeSite.series(SiteId.STO, "media", "Media Show", List.of(), 2020, ExternalIds.NONE,
                Set.of(Language.GERMAN_DUB, Language.ENGLISH_DUB), 2);
        titles.upsertTitles(SiteId.STO, 1, List.of(d.title()), Instant.parse("2026-01-01T00:00:00Z"));
        int id = titleId(SiteId.STO, "media");
        store.saveDetail(id, d, Instant.parse("2026-01-02T00:00:00Z"));
        facts.recordMediaInfo(new EpisodeAddress(SiteId.STO, "media", 1, 2), Language.GERMAN_DUB, 1080, "H.264 / AVC");
        var releases = queries.releases(List.of(id), new ReleaseQueries.EpisodeFilter.Episode(1, 2));
        assertThat(releases).hasSize(2);
        Release german = releases.stream().filter(r -> r.language() == Language.GERMAN_DUB).findFirst().orElseThrow();
        Release english = releases.stream().filter(r -> r.language() == Language.ENGLISH_DUB).findFirst().orElseThrow();
        assertThat(german.height()).isEqualTo(1080);
        assertThat(german.codec()).isEqualTo("h.264 / avc");
        assertThat(english.height()).isNull();
        assertThat(german.firstSeen()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    }

    @Test
    void releases_kept_in_memory_equal_the_stored_ones_and_are_read_again_after_any_change() {
        CatalogChanges changes = new CatalogChanges();
        ReleaseQueries kept = new ReleaseQueries(db, changes); // the searches' read side: plain JDBC, kept per title
        ReleaseFacts keptFacts = new ReleaseFacts(db, changes);
        TitleDetail d = FakeSite.series(SiteId.STO, "kept", "Kept Show", List.of(), 2021, ExternalIds.NONE,
                Set.of(Language.GERMAN_DUB, Language.ENGLISH_SUB), 3);
        titles.upsertTitles(SiteId.STO, 1, List.of(d.title()), Instant.parse("2026-01-01T00:00:00Z"));
        int id = titleId(SiteId.STO, "kept");
        var all = new ReleaseQueries.EpisodeFilter.All();
        assertThat(kept.withoutDetails(List.of(id))).containsExactly(id);
        assertThat(kept.releases(List.of(id), all)).isEmpty();
        store.saveDetail(id, d, Instant.parse("2026-01-02T00:00:00Z"));
        changes.changed(); // this test's EpisodeStore bumps no version: as a catalog writer would
        assertThat(kept.withoutDetails(List.of(id))).isEmpty();
        assertThat(kept.releases(List.of(id), all)).isNotEmpty().isEqualTo(queries.releases(List.of(id), all));
        var episode = new ReleaseQueries.EpisodeFilter.Episode(1, 2);
        assertThat(kept.releases(List.of(id), episode)).isEqualTo(queries.releases(List.of(id), episode));

        long before = kept.version();
        keptFacts.recordMediaInfo(new EpisodeAddress(SiteId.STO, "kept", 1, 2), Language.GERMAN_DUB, 720, "hevc");
        assertThat(kept.version()).isGreaterThan(before);
        assertThat(kept.releases(List.of(id), episode)).isEqualTo(queries.releases(List.of(id), episode))
                .anySatisfy(r -> assertThat(r.height()).isEqualTo(720));
        assertThat(new ReleaseQueries(db).version()).as("a read side without versions keeps nothing").isEqualTo(-1);
    }

    @Test
    void kept_releases_read_awkward_episode_titles_codecs_and_hosters_exactly_as_stored() {
        CatalogChanges changes = new CatalogChanges();
        ReleaseQueries kept = new ReleaseQueries(db, changes);
        TitleDetail d = FakeSite.series(SiteId.STO, "awkward", "Awkward Show", List.of(), 2022, ExternalIds.NONE,
                Set.of(Language.GERMAN_DUB), 3);
        titles.upsertTitles(SiteId.STO, 1, List.of(d.title()), Instant.parse("2026-01-01T00:00:00Z"));
        int id = titleId(SiteId.STO, "awkward");
        store.saveDetail(id, d, Instant.parse("2026-01-02T00:00:00Z"));
        // what hostile sites may put in an episode title: quotes, backslashes, JSON and control characters, NUL,
        // emoji (a surrogate pair), a lone surrogate's neighbours, line separators
        String de = "Er sagt \"\\\" [1,\"x\"] {\"a\":null}\u0000\t\n\r\u0001\u001f\u007f \u2028\u2029 \uD83D\uDE00 ü ß 日本";
        String en = "\\u0041 \\\\ \"\" ',\u0000end";
        db.writeVoid(t -> {
            t.execute("UPDATE catalog_episode SET title_de = ?, title_en = ? WHERE title_id = ? AND episode = 1", de, en, id);
            t.execute("UPDATE catalog_episode SET title_de = '', title_en = NULL WHERE title_id = ? AND episode = 2", id);
            t.execute("UPDATE catalog_release SET codec = ?, hosters = ? WHERE title_id = ? AND episode = 1",
                    "h\"264\\\u0000", "VOE\nFilemoon", id);
        });
        changes.changed();
        var all = new ReleaseQueries.EpisodeFilter.All();
        var read = kept.releases(List.of(id), all);
        assertThat(read).isEqualTo(queries.releases(List.of(id), all)).hasSize(3);
        assertThat(read.getFirst().episodeTitleDe()).isEqualTo(de);
        assertThat(read.getFirst().episodeTitleEn()).isEqualTo(en);
        assertThat(read.getFirst().codec()).isEqualTo("h\"264\\\u0000");
        assertThat(read.get(1).episodeTitleDe()).isEmpty();
        assertThat(read.get(1).episodeTitleEn()).isNull();
    }

    @Test
    void a_new_detail_keeps_first_seen_and_mapping_of_known_episodes_and_drops_vanished_ones() {
        TitleDetail v1 = FakeSite.series(SiteId.ANIWORLD, "keep", "Keep Show", List.of(), 2020, ExternalIds.NONE,
                Set.of(Language.GERMAN_SUB), 3);
        titles.upsertTitles(SiteId.ANIWORLD, 1, List.of(v1.title()), Instant.parse("2026-01-01T00:00:00Z"));
        int id = titleId(SiteId.ANIWORLD, "keep");
        store.saveDetail(id, v1, Instant.parse("2026-01-01T00:00:00Z"));
        // episode 3 goes away, episode 4 arrives, episode 1 loses its language and gains another
        TitleDetail v2 = new TitleDetail(v1.title(), null, List.of(new SeasonRef(1, List.of(
                new EpisodeRef(1, 1, null, null, Set.of(Language.GERMAN_DUB)),
                new EpisodeRef(1, 2, null, null, Set.of(Language.GERMAN_SUB)),
                new EpisodeRef(1, 4, null, null, Set.of(Language.GERMAN_SUB))))));
        store.saveDetail(id, v2, Instant.parse("2026-02-01T00:00:00Z"));
        var all = queries.releases(List.of(id), new ReleaseQueries.EpisodeFilter.All());
        assertThat(all).extracting(r -> r.episode() + ":" + r.language().label() + ":" + r.firstSeen())
                .containsExactly("1:German Dub:2026-02-01T00:00:00Z", "2:German Sub:2026-01-01T00:00:00Z",
                        "4:German Sub:2026-02-01T00:00:00Z");
    }

    @Test
    void a_movie_is_one_release_without_season_or_episode() {
        TitleDetail m = FakeSite.movie(SiteId.MEGAKINO, "1-film", "Ein Film", 2020, new ExternalIds("tt1234567", 42, null));
        titles.upsertTitles(SiteId.MEGAKINO, 1, List.of(m.title()), Instant.now());
        int id = titleId(SiteId.MEGAKINO, "1-film");
        store.saveDetail(id, m, Instant.now());
        var all = queries.releases(List.of(id), new ReleaseQueries.EpisodeFilter.All());
        assertThat(all).hasSize(1);
        assertThat(all.getFirst().isMovie()).isTrue();
        assertThat(all.getFirst().address()).isEqualTo(EpisodeAddress.movie(SiteId.MEGAKINO, "1-film"));
        assertThat(queries.titlesByIds(null, "tt1234567", null, null, Set.of(SiteId.MEGAKINO), TitleKind.MOVIE))
                .containsExactly(id);
    }

    @Test
    void lastmodified_changes_requeue_a_titles_details() {
        TitleRef t = new TitleRef(SiteId.MEGAKINO, "2-film", "Zwei", List.of(), 2021, TitleKind.MOVIE, null,
                Instant.parse("2026-01-01T00:00:00Z"));
        titles.upsertTitles(SiteId.MEGAKINO, 1, List.of(t), Instant.now());
        int id = titleId(SiteId.MEGAKINO, "2-film");
        store.saveDetail(id, new TitleDetail(t, null, List.of()), Instant.now());
        assertThat(queue.detailsDue(id, Instant.now())).isFalse();
        titles.upsertTitles(SiteId.MEGAKINO, 2, List.of(t), Instant.now());
        assertThat(queue.detailsDue(id, Instant.now())).isFalse();
        TitleRef changed = new TitleRef(SiteId.MEGAKINO, "2-film", "Zwei", List.of(), 2021, TitleKind.MOVIE, null,
                Instant.parse("2026-03-01T00:00:00Z"));
        titles.upsertTitles(SiteId.MEGAKINO, 3, List.of(changed), Instant.now());
        assertThat(queue.detailsDue(id, Instant.now())).isTrue();
    }

    @Test
    void hosters_per_language_start_as_the_season_tables_hints_and_become_exact_from_an_episode_page() {
        Set<Language> both = Set.of(Language.GERMAN_DUB, Language.GERMAN_SUB);
        TitleRef ref = FakeSite.series(SiteId.ANIWORLD, "hosted", "Hosted Show", List.of(), 2021, ExternalIds.NONE,
                both, 1).title();
        titles.upsertTitles(SiteId.ANIWORLD, 1, List.of(ref), Instant.parse("2026-01-01T00:00:00Z"));
        int id = titleId(SiteId.ANIWORLD, "hosted");
        // the season table: three icons beside two flags, and a second episode with one flag
        var unpaired = store.saveDetail(id, new TitleDetail(ref, null, List.of(new SeasonRef(1, List.of(
                new EpisodeRef(1, 1, null, null, both, HosterHints.ofRow(both, List.of("VOE", "Filemoon", "Vidmoly"))),
                new EpisodeRef(1, 2, null, null, Set.of(Language.GERMAN_SUB),
                        HosterHints.ofRow(Set.of(Language.GERMAN_SUB), List.of("VOE"))))))),
                Instant.parse("2026-01-02T00:00:00Z"));
        // what a refresh would read episode pages for: new episodes whose hosters are not paired
        assertThat(unpaired).containsExactly(new EpisodeAddress(SiteId.ANIWORLD, "hosted", 1, 1));
        assertThat(hosters(id, 1, 1)).containsOnly(
                entry(Language.GERMAN_DUB, new Hosters(List.of("VOE", "Filemoon", "Vidmoly"), false)),
                entry(Language.GERMAN_SUB, new Hosters(List.of("VOE", "Filemoon", "Vidmoly"), false)));
        assertThat(hosters(id, 1, 2)).containsOnly(entry(Language.GERMAN_SUB, new Hosters(List.of("VOE"), true)));

        // a download read episode 1's page: VOE and Filemoon serve the dub, Vidmoly the sub
        URI out = URI.create("https://aniworld.invalid/redirect/1");
        facts.recordHosters(new EpisodeAddress(SiteId.ANIWORLD, "hosted", 1, 1), List.of(
                new HosterLink("VOE", Language.GERMAN_DUB, out), new HosterLink("Vidmoly", Language.GERMAN_SUB, out),
                new HosterLink("Filemoon", Language.GERMAN_DUB, out), new HosterLink("VOE", Language.ENGLISH_SUB, out)),
                Instant.parse("2026-01-03T00:00:00Z"));
        assertThat(hosters(id, 1, 1)).containsOnly(
                entry(Language.GERMAN_DUB, new Hosters(List.of("VOE", "Filemoon"), true)),
                entry(Language.GERMAN_SUB, new Hosters(List.of("Vidmoly"), true)));

        // a refresh whose table dropped Filemoon keeps the exact pairing for what is still shown
        store.saveDetail(id, new TitleDetail(ref, null, List.of(new SeasonRef(1, List.of(
                new EpisodeRef(1, 1, null, null, both, HosterHints.ofRow(both, List.of("VOE", "Vidmoly"))),
                new EpisodeRef(1, 2, null, null, Set.of(Language.GERMAN_SUB), HosterHints.NONE))))),
                Instant.parse("2026-01-04T00:00:00Z"));
        assertThat(hosters(id, 1, 1)).containsOnly(
                entry(Language.GERMAN_DUB, new Hosters(List.of("VOE"), true)),
                entry(Language.GERMAN_SUB, new Hosters(List.of("Vidmoly"), true)));
        // a table that shows no icons (markup change, fallback list) forgets nothing
        assertThat(hosters(id, 1, 2)).containsOnly(entry(Language.GERMAN_SUB, new Hosters(List.of("VOE"), true)));

        // the table now shows only hosters the page never paired: back to hints
        store.saveDetail(id, new TitleDetail(ref, null, List.of(new SeasonRef(1, List.of(
                new EpisodeRef(1, 1, null, null, both, HosterHints.ofRow(both, List.of("Doodstream"))))))),
                Instant.parse("2026-01-05T00:00:00Z"));
        assertThat(hosters(id, 1, 1)).containsOnly(
                entry(Language.GERMAN_DUB, new Hosters(List.of("Doodstream"), false)),
                entry(Language.GERMAN_SUB, new Hosters(List.of("Doodstream"), false)));
    }

    @Test
    void a_movies_player_tabs_are_its_hosters_and_an_unknown_episode_page_is_ignored() {
        TitleRef movie = new TitleRef(SiteId.MEGAKINO, "77-film", "Film", List.of(), 2024, TitleKind.MOVIE,
                ExternalIds.NONE, null);
        titles.upsertTitles(SiteId.MEGAKINO, 1, List.of(movie), Instant.parse("2026-01-01T00:00:00Z"));
        int id = titleId(SiteId.MEGAKINO, "77-film");
        URI embed = URI.create("https://voe.invalid/e/1");
        store.saveDetail(id, new TitleDetail(movie, null, List.of(), HosterHints.ofLinks(List.of(
                new HosterLink("GXPlayer", Language.GERMAN_DUB, embed), new HosterLink("VOE", Language.GERMAN_DUB, embed)))),
                Instant.parse("2026-01-02T00:00:00Z"));
        assertThat(hosters(id, 0, 0)).containsOnly(
                entry(Language.GERMAN_DUB, new Hosters(List.of("GXPlayer", "VOE"), true)));
        // neither an unknown title nor an empty page changes anything
        facts.recordHosters(new EpisodeAddress(SiteId.MEGAKINO, "78-other", 0, 0),
                List.of(new HosterLink("VOE", Language.GERMAN_DUB, embed)), Instant.now());
        facts.recordHosters(EpisodeAddress.movie(SiteId.MEGAKINO, "77-film"), List.of(), Instant.now());
        assertThat(hosters(id, 0, 0)).containsOnly(
                entry(Language.GERMAN_DUB, new Hosters(List.of("GXPlayer", "VOE"), true)));
    }

    @Test
    void new_episodes_of_a_renumbered_series_wait_for_the_mapping_before_searches_see_them() {
        MappingStore mapping = new MappingStore(db);
        Set<Language> sub = Set.of(Language.GERMAN_SUB);
        TitleDetail v1 = FakeSite.series(SiteId.ANIWORLD, "cut", "Cut Anime", List.of(), 2020, ExternalIds.NONE, sub, 2, 2);
        titles.upsertTitles(SiteId.ANIWORLD, 1, List.of(v1.title()), Instant.parse("2026-01-01T00:00:00Z"));
        int id = titleId(SiteId.ANIWORLD, "cut");
        store.saveDetail(id, v1, Instant.parse("2026-01-01T00:00:00Z"));
        SkyHookShow show = new SkyHookShow(4242, "Cut Anime", "2020-01-01", 24, null, null, List.of(), List.of());
        // TVDB has one season: site S02E01-02 are S01E03-04 there
        mapping.save(id, new WorkTie(show.tvdbId(), null, "page-id", 1.0, "test"), show, Map.of(CatalogRows.key(1, 1), new SeriesMapper.Numbering(1, 1, 1),
                CatalogRows.key(1, 2), new SeriesMapper.Numbering(1, 2, 2),
                CatalogRows.key(2, 1), new SeriesMapper.Numbering(1, 3, 3),
                CatalogRows.key(2, 2), new SeriesMapper.Numbering(1, 4, 4)), Instant.parse("2026-01-01T00:00:00Z"));

        // the site adds S02E03: under its own numbers Sonarr would read "season 2 episode 3"
        store.saveDetail(id, FakeSite.series(SiteId.ANIWORLD, "cut", "Cut Anime", List.of(), 2020, ExternalIds.NONE,
                sub, 2, 3), Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(queries.releases(List.of(id), new ReleaseQueries.EpisodeFilter.All()))
                .extracting(r -> r.tvdbSeason() * 100 + r.tvdbEpisode()).containsExactly(101, 102, 103, 104);
        assertThat(queries.newest(List.of(new ReleaseScope(SiteId.ANIWORLD, TitleKind.SERIES, 0, Integer.MAX_VALUE)),
                0, 100)).noneMatch(r -> r.titleId() == id && r.season() == 2 && r.episode() == 3);
        var report = queries.report(SiteId.ANIWORLD, "cut").orElseThrow();
        assertThat(report.episodes()).filteredOn(TitleReport.Episode::awaitingMapping)
                .extracting(e -> e.season() * 100 + e.episode()).containsExactly(203);

        // SkyHook failing keeps it held; the mapping numbers it and releases it
        mapping.failed(id, "SkyHook unreachable", Instant.parse("2026-02-01T00:00:01Z"));
        assertThat(queries.releases(List.of(id), new ReleaseQueries.EpisodeFilter.All())).hasSize(4);
        mapping.save(id, new WorkTie(show.tvdbId(), null, "page-id", 1.0, "test"), show, Map.of(CatalogRows.key(2, 3), new SeriesMapper.Numbering(1, 5, 5)),
                Instant.parse("2026-02-01T00:00:02Z"));
        assertThat(queries.releases(List.of(id), new ReleaseQueries.EpisodeFilter.Episode(1, 5)))
                .extracting(r -> r.season() * 100 + r.episode()).containsExactly(203);
    }

    @Test
    void new_episodes_of_a_series_mapped_onto_its_own_numbers_show_at_once() {
        MappingStore mapping = new MappingStore(db);
        Set<Language> dub = Set.of(Language.GERMAN_DUB);
        TitleDetail v1 = FakeSite.series(SiteId.STO, "straight", "Straight Show", List.of(), 2020, ExternalIds.NONE,
                dub, 2);
        titles.upsertTitles(SiteId.STO, 1, List.of(v1.title()), Instant.parse("2026-01-01T00:00:00Z"));
        int id = titleId(SiteId.STO, "straight");
        store.saveDetail(id, v1, Instant.parse("2026-01-01T00:00:00Z"));
        mapping.save(id, new WorkTie(77, null, "page-id", 1.0, "test"), new SkyHookShow(77, "Straight Show", null, null, null, null, List.of(), List.of()),
                Map.of(CatalogRows.key(1, 1), new SeriesMapper.Numbering(1, 1, null),
                        CatalogRows.key(1, 2), new SeriesMapper.Numbering(1, 2, null)), Instant.now());
        store.saveDetail(id, FakeSite.series(SiteId.STO, "straight", "Straight Show", List.of(), 2020, ExternalIds.NONE,
                dub, 3), Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(queries.releases(List.of(id), new ReleaseQueries.EpisodeFilter.Episode(1, 3))).hasSize(1);
    }

    record Hosters(List<String> names, boolean paired) {}

    private static Map<Language, Hosters> hosters(int titleId, int season, int episode) {
        Map<Language, Hosters> out = new EnumMap<>(Language.class);
        for (Release r : queries.releases(List.of(titleId), new ReleaseQueries.EpisodeFilter.All())) {
            if (r.season() == season && r.episode() == episode) {
                out.put(r.language(), new Hosters(r.hosters(), r.hostersPaired()));
            }
        }
        return out;
    }
}
