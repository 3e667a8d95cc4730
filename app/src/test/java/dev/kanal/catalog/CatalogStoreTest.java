package dev.kanal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.db.Database;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.Language;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
    static CatalogStore store;
    static TitleStore titles;
    static ReleaseQueries queries;

    @BeforeAll
    static void open() {
        db = Database.open(dir.resolve("kanal.sqlite"));
        store = new CatalogStore(db);
        titles = new TitleStore(db);
        queries = new ReleaseQueries(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static int titleId(SiteId site, String slug) {
        return queries.indexEntries().stream().filter(e -> e.site() == site).map(TitleIndex.Entry::titleId)
                .filter(id -> store.title(id).orElseThrow().slug().equals(slug)).findFirst().orElseThrow();
    }

    @Test
    void media_info_learned_by_a_download_shows_up_on_the_release() {
        TitleDetail d = FakeSite.series(SiteId.STO, "media", "Media Show", List.of(), 2020, ExternalIds.NONE,
                Set.of(Language.GERMAN_DUB, Language.ENGLISH_DUB), 2);
        titles.upsertTitles(SiteId.STO, 1, List.of(d.title()), Instant.parse("2026-01-01T00:00:00Z"));
        int id = titleId(SiteId.STO, "media");
        store.saveDetail(id, d, Instant.parse("2026-01-02T00:00:00Z"));
        store.recordMediaInfo(new EpisodeAddress(SiteId.STO, "media", 1, 2), Language.GERMAN_DUB, 1080, "H.264 / AVC");
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
        assertThat(store.detailsDue(id, Instant.now())).isFalse();
        titles.upsertTitles(SiteId.MEGAKINO, 2, List.of(t), Instant.now());
        assertThat(store.detailsDue(id, Instant.now())).isFalse();
        TitleRef changed = new TitleRef(SiteId.MEGAKINO, "2-film", "Zwei", List.of(), 2021, TitleKind.MOVIE, null,
                Instant.parse("2026-03-01T00:00:00Z"));
        titles.upsertTitles(SiteId.MEGAKINO, 3, List.of(changed), Instant.now());
        assertThat(store.detailsDue(id, Instant.now())).isTrue();
    }
}
