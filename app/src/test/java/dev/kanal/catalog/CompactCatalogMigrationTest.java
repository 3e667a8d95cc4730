package dev.kanal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.db.Database;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An existing catalog upgrades in place to the compact one: every row kept, times to the second. */
class CompactCatalogMigrationTest {
    @TempDir
    Path dir;

    @Test
    void upgradingKeepsEveryRowAndShortensTimes() throws Exception {
        Path file = dir.resolve("kanal.sqlite");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration")
                .target("202612080040").load().migrate();
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.execute("INSERT INTO catalog_title (id, site, slug, title, kind, first_seen, listed_run) "
                    + "VALUES (1, 'sto', 'dark', 'Dark', 'series', '2026-01-02T03:04:05.123456789Z', 1)");
            s.execute("INSERT INTO catalog_episode (title_id, season, episode, tvdb_season, tvdb_episode, absolute, "
                    + "first_seen) VALUES (1, 1, 2, 1, 2, 2, '2026-01-02T03:04:05.123456789Z')");
            s.execute("INSERT INTO catalog_release (title_id, season, episode, language, first_seen, hosters, "
                    + "hosters_paired, hosters_at) VALUES (1, 1, 2, 'German Dub', '2026-01-02T03:04:05.123456789Z', "
                    + "'VOE', 1, '2026-01-03T00:00:00.5Z')");
        }

        try (Database db = Database.open(file)) {
            var queries = new ReleaseQueries(db);
            var releases = queries.releases(List.of(1), new ReleaseQueries.EpisodeFilter.Episode(1, 2));
            assertThat(releases).singleElement().satisfies(r -> {
                assertThat(r.firstSeen()).hasToString("2026-01-02T03:04:05Z");
                assertThat(r.hosters()).containsExactly("VOE");
                assertThat(r.absolute()).isEqualTo(2);
            });
        }
        try (var c = DriverManager.getConnection(url); var s = c.createStatement();
                var rs = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN "
                        + "('catalog_release', 'catalog_episode') AND sql IS NOT NULL ORDER BY name")) {
            List<String> indexes = new ArrayList<>();
            while (rs.next()) indexes.add(rs.getString(1));
            assertThat(indexes).containsExactly("catalog_release_newest");
        }
    }
}
