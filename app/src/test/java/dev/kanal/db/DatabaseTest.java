package dev.kanal.db;

import static dev.kanal.db.schema.Tables.APP_STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void an_empty_file_is_migrated_to_the_current_schema() {
        try (Database db = Database.open(dir.resolve("kanal.sqlite"))) {
            db.writeVoid(ctx -> ctx.insertInto(APP_STATE, APP_STATE.KEY, APP_STATE.VALUE).values("k", "v").execute());
            assertThat(db.read().fetchValue(APP_STATE.VALUE, APP_STATE.KEY.eq("k"))).isEqualTo("v");
            assertThat(db.read().fetchValue("pragma journal_mode")).isEqualTo("wal");
            assertThat(db.read().fetchValue("pragma foreign_keys")).hasToString("1");
        }
    }

    @Test
    void reopening_keeps_data_and_runs_nothing_twice() {
        Path file = dir.resolve("kanal.sqlite");
        try (Database db = Database.open(file)) {
            db.writeVoid(ctx -> ctx.insertInto(APP_STATE, APP_STATE.KEY, APP_STATE.VALUE).values("k", "v").execute());
        }
        try (Database db = Database.open(file)) {
            assertThat(db.read().fetchCount(APP_STATE)).isEqualTo(1);
        }
    }

    @Test
    void a_failed_migration_stops_with_a_clear_message_and_leaves_the_file_untouched() throws Exception {
        Path file = dir.resolve("kanal.sqlite");
        Database.open(file, "classpath:db/good").close();
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> Database.open(file, "classpath:db/broken"))
                .isInstanceOf(Database.MigrationFailed.class)
                .hasMessageContaining("database migration failed")
                .hasMessageContaining("left as it was");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Database db = Database.open(file, "classpath:db/good")) {
            assertThat(db.read().fetchValue("select name from kept where id = 1"))
                    .isEqualTo("survives");
        }
    }

    @Test
    void concurrent_writers_never_see_sqlite_busy() throws Exception {
        try (Database db = Database.open(dir.resolve("kanal.sqlite"));
                var pool = Executors.newFixedThreadPool(8)) {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(() -> {
                    for (int i = 0; i < 50; i++) {
                        String key = thread + "-" + i;
                        db.writeVoid(ctx -> ctx.insertInto(APP_STATE, APP_STATE.KEY, APP_STATE.VALUE)
                                .values(key, "x").execute());
                        db.read().fetchCount(APP_STATE);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) f.get();
            assertThat(db.read().fetchCount(APP_STATE)).isEqualTo(400);
        }
    }

    private static Path filled(Path file) {
        try (Database db = Database.open(file)) {
            db.writeVoid(ctx -> {
                for (int i = 0; i < 3000; i++) {
                    ctx.insertInto(APP_STATE, APP_STATE.KEY, APP_STATE.VALUE).values("key-" + i, "value " + "x".repeat(40))
                            .execute();
                }
            });
        }
        return file;
    }

    @Test
    void a_good_file_is_backed_up_at_start_and_a_damaged_header_refuses_naming_that_backup() throws Exception {
        Path file = filled(dir.resolve("kanal.sqlite"));
        Database.open(file).close();
        Path backup = Database.backupOf(file);
        assertThat(backup).isRegularFile();

        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < 16; i++) bytes[i] = 'X';
        Files.write(file, bytes);
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(Database.Damaged.class)
                .hasMessageContaining("is damaged")
                .hasMessageContaining("restore the backup " + backup)
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("migration"));
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);

        Files.copy(backup, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Database db = Database.open(file)) {
            assertThat(db.read().fetchCount(APP_STATE)).isEqualTo(3000);
        }
    }

    @Test
    void a_damaged_page_is_found_by_quick_check_before_start() throws Exception {
        Path file = filled(dir.resolve("kanal.sqlite"));
        byte[] bytes = Files.readAllBytes(file);
        int pageSize = ((bytes[16] & 0xff) << 8) | (bytes[17] & 0xff);
        int pages = bytes.length / pageSize;
        assertThat(pages).isGreaterThan(6);
        for (int p = pages - 4; p < pages; p++) {
            for (int i = 0; i < 64; i++) bytes[p * pageSize + i] = (byte) 0xA5;
        }
        Files.write(file, bytes);
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(Database.Damaged.class)
                .hasMessageContaining("is damaged")
                .hasMessageContaining("restore your own backup");
    }
}
