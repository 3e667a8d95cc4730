package dev.kanal.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Owns the SQLite file: migrates it with Flyway at start, then offers a pool of read connections
 * ({@link #read()}) and one serialized writer ({@link #write}). WAL lets readers run beside the
 * writer; the single writer plus {@code busy_timeout} keeps {@code SQLITE_BUSY} from ever reaching a
 * caller.
 *
 * <p>Before anything else an existing file is checked with {@code PRAGMA quick_check}; a damaged one
 * stops start-up with {@link Damaged}, naming the backup to restore. After a good check the file is
 * copied to {@code <file>.backup} ({@code VACUUM INTO}) when that copy is missing or older than
 * {@link #BACKUP_EVERY}, so there is always a recent good copy to name.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int READERS = 4;
    static final java.time.Duration BACKUP_EVERY = java.time.Duration.ofDays(1);

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final DSLContext readContext;

    private Database(Path file) throws SQLException {
        this.file = file;
        this.writer = open(file, false);
        for (int i = 0; i < READERS; i++) readers.add(open(file, true));
        this.readContext = DSL.using(new PoolProvider(readers), SQLDialect.SQLITE, jooqSettings());
    }

    /**
     * Migrates the database at {@code file} (creating it when missing) and opens it. When a migration
     * fails the file is restored to what it was before and {@link MigrationFailed} is thrown.
     */
    public static Database open(Path file) {
        return open(file, "classpath:db/migration");
    }

    /** {@link #open(Path)} with another migration location; tests use it to exercise failures. */
    static Database open(Path file, String migrations) {
        boolean existed = check(file);
        migrate(file, migrations);
        if (existed) backUp(file);
        try {
            return new Database(file);
        } catch (SQLException e) {
            throw new MigrationFailed("cannot open database " + file + ": " + e.getMessage(), e);
        }
    }

    /** The backup {@link #open} keeps of {@code file}. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".backup");
    }

    /**
     * Runs {@code PRAGMA quick_check} on an existing, non-empty file; returns whether there was one.
     * Throws {@link Damaged} when SQLite cannot read it or finds it damaged.
     */
    static boolean check(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) return false;
        } catch (IOException e) {
            return false;
        }
        String problem;
        try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file);
                var statement = c.createStatement();
                var rows = statement.executeQuery("PRAGMA quick_check(3)")) {
            java.util.List<String> found = new java.util.ArrayList<>();
            while (rows.next()) found.add(rows.getString(1));
            if (found.equals(java.util.List.of("ok"))) return true;
            problem = found.isEmpty() ? "quick_check returned nothing" : found.getFirst();
        } catch (SQLException e) {
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        problem = problem.lines().findFirst().orElse("").replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
        Path backup = backupOf(file);
        String restore;
        if (Files.isRegularFile(backup)) {
            String when;
            try {
                when = Files.getLastModifiedTime(backup).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                        .toString();
            } catch (IOException e) {
                when = "unknown time";
            }
            restore = "stop Kanal and restore the backup " + backup + " (made " + when + ") over it";
        } else {
            restore = "stop Kanal and restore your own backup of it";
        }
        throw new Damaged("database " + file + " is damaged (" + problem + "); Kanal will not start on it: " + restore
                + ", or move it away to start empty (the catalog is rebuilt, the job list is lost)");
    }

    /** Keeps {@link #backupOf} at most {@link #BACKUP_EVERY} old; a failure to write it is only logged. */
    private static void backUp(Path file) {
        Path backup = backupOf(file);
        try {
            if (Files.isRegularFile(backup) && Files.getLastModifiedTime(backup).toInstant()
                    .plus(BACKUP_EVERY).isAfter(java.time.Instant.now())) {
                return;
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".backup.tmp");
            Files.deleteIfExists(tmp);
            try (Connection c = new SQLiteConfig().createConnection("jdbc:sqlite:" + file);
                    var statement = c.createStatement()) {
                statement.execute("VACUUM INTO '" + tmp.toString().replace("'", "''") + "'");
            }
            Files.move(tmp, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info("database backed up file={} backup={}", file, backup);
        } catch (IOException | SQLException e) {
            log.warn("database backup failed file={} backup={}: {}", file, backup, e.getMessage());
        }
    }

    private static void migrate(Path file, String migrations) {
        Flyway flyway = Flyway.configure()
                .dataSource("jdbc:sqlite:" + file, null, null)
                .locations(migrations)
                .loggers("slf4j")
                .load();
        Path backup = file.resolveSibling(file.getFileName() + ".pre-migration");
        boolean existed = Files.exists(file);
        try {
            boolean pending = flyway.info().pending().length > 0;
            if (existed && pending) Files.copy(file, backup, StandardCopyOption.REPLACE_EXISTING);
            var result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                log.info("database migrated file={} applied={} version={}", file, result.migrationsExecuted,
                        result.targetSchemaVersion);
            }
            Files.deleteIfExists(backup);
        } catch (FlywayException | IOException e) {
            restore(file, backup, existed);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
            throw new MigrationFailed("database migration failed for " + file + ": " + reason
                    + " — the file was left as it was; check the release notes or restore a backup", e);
        }
    }

    private static void restore(Path file, Path backup, boolean existed) {
        try {
            if (existed && Files.exists(backup)) {
                Files.move(backup, file, StandardCopyOption.REPLACE_EXISTING);
            } else if (!existed) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
        } catch (IOException e) {
            log.error("could not restore database after failed migration file={} backup={}", file, backup, e);
        }
    }

    /** The WAL file is truncated to this after a checkpoint. */
    private static final int WAL_KEPT_BYTES = 16 * 1024 * 1024;

    private static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(10_000);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        cfg.setJournalSizeLimit(WAL_KEPT_BYTES); // a bootstrap's WAL (120 MiB for 60,000 titles) shrinks back after checkpoints
        cfg.setReadOnly(readOnly);
        return cfg.createConnection("jdbc:sqlite:" + file);
    }

    private static Settings jooqSettings() {
        return new Settings().withExecuteLogging(false).withRenderSchema(false);
    }

    /** A context for reads; each query borrows a pooled read connection. Never use it to write. */
    public DSLContext read() {
        return readContext;
    }

    /** Runs {@code work} in one transaction on the single writer connection and returns its result. */
    public <T> T write(Function<DSLContext, T> work) {
        writeLock.lock();
        try {
            return DSL.using(writer, SQLDialect.SQLITE, jooqSettings())
                    .transactionResult(cfg -> work.apply(cfg.dsl()));
        } finally {
            writeLock.unlock();
        }
    }

    /** {@link #write} for work without a result. */
    public void writeVoid(Consumer<DSLContext> work) {
        write(ctx -> {
            work.accept(ctx);
            return null;
        });
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            closeQuietly(writer);
            Connection c;
            while ((c = readers.poll()) != null) closeQuietly(c);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            log.debug("closing connection failed", e);
        }
    }

    /** Hands jOOQ one pooled connection per query. */
    private record PoolProvider(BlockingQueue<Connection> pool) implements ConnectionProvider {
        @Override
        public Connection acquire() {
            try {
                return pool.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.jooq.exception.DataAccessException("interrupted waiting for a read connection", e);
            }
        }

        @Override
        public void release(Connection connection) {
            pool.add(connection);
        }
    }

    /** The file is damaged ({@code quick_check} or SQLite itself says so); start-up stops with this one line. */
    public static final class Damaged extends RuntimeException {
        Damaged(String message) {
            super(message, null, false, false);
        }
    }

    /** The database could not be migrated or opened; start-up stops with this message. */
    public static final class MigrationFailed extends RuntimeException {
        MigrationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
