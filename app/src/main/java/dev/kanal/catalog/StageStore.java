package dev.kanal.catalog;

import static dev.kanal.db.schema.Tables.CATALOG_STAGE;

import dev.kanal.db.Database;
import dev.kanal.db.schema.tables.records.CatalogStageRecord;
import dev.kanal.providers.SiteId;
import org.jooq.Field;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Persists each site's stage progress ({@code catalog_stage}) so a restart continues, not restarts.
 * The one writer of that table, so it keeps a write-through copy in memory: every Torznab request
 * asks which sites are searchable, and that answer must not cost a query.
 */
public final class StageStore {
    private static final int MAX_ERROR = 500;
    private final Database db;
    private final Map<String, StageProgress> cache = new ConcurrentHashMap<>();

    public StageStore(Database db) {
        this.db = db;
    }

    /** The stage's progress; {@link StageProgress#initial} when it never ran. */
    public StageProgress get(SiteId site, Stage stage) {
        return cache.computeIfAbsent(key(site, stage), k -> load(site, stage));
    }

    private StageProgress load(SiteId site, Stage stage) {
        return Optional.ofNullable(db.read().selectFrom(CATALOG_STAGE)
                        .where(CATALOG_STAGE.SITE.eq(site.id()), CATALOG_STAGE.STAGE.eq(stage.tag()))
                        .fetchOne())
                .map(r -> toProgress(site, stage, r))
                .orElseGet(() -> StageProgress.initial(site, stage));
    }

    private static String key(SiteId site, Stage stage) {
        return site.id() + "|" + stage.tag();
    }

    /** Marks the stage running; returns the new run number. */
    public int begin(SiteId site, Stage stage, int total, Instant now) {
        StageProgress old = get(site, stage);
        int run = old.run() + 1;
        save(new StageProgress(site, stage, StageState.RUNNING, run, 0, total, now, old.lastSuccess(),
                old.lastError()));
        return run;
    }

    /** Updates the counters of a running stage. */
    public void progress(SiteId site, Stage stage, int done, int total) {
        db.writeVoid(ctx -> ctx.update(CATALOG_STAGE)
                .set(CATALOG_STAGE.DONE, done)
                .set(CATALOG_STAGE.TOTAL, total)
                .where(CATALOG_STAGE.SITE.eq(site.id()), CATALOG_STAGE.STAGE.eq(stage.tag()))
                .execute());
        cache.computeIfPresent(key(site, stage), (k, p) -> new StageProgress(site, stage, p.state(), p.run(), done,
                total, p.startedAt(), p.lastSuccess(), p.lastError()));
    }

    /** The stage completed: ready, with its final counters. */
    public void succeed(SiteId site, Stage stage, int done, int total, Instant now) {
        StageProgress old = get(site, stage);
        save(new StageProgress(site, stage, StageState.READY, old.run(), done, total, old.startedAt(), now, null));
    }

    /** The stage failed; the live data stays as it was. */
    public void fail(SiteId site, Stage stage, String error) {
        StageProgress old = get(site, stage);
        save(new StageProgress(site, stage, StageState.FAILED, old.run(), old.done(), old.total(), old.startedAt(),
                old.lastSuccess(), truncate(error)));
    }

    /** Sets a state without touching counters (e.g. pending again when new work appears). */
    public void state(SiteId site, Stage stage, StageState state) {
        StageProgress old = get(site, stage);
        save(new StageProgress(site, stage, state, old.run(), old.done(), old.total(), old.startedAt(),
                old.lastSuccess(), old.lastError()));
    }

    private void save(StageProgress p) {
        Map<Field<?>, Object> values = new LinkedHashMap<>(); // the columns an upsert sets, listed once
        values.put(CATALOG_STAGE.STATE, p.state().tag());
        values.put(CATALOG_STAGE.RUN, p.run());
        values.put(CATALOG_STAGE.DONE, p.done());
        values.put(CATALOG_STAGE.TOTAL, p.total());
        values.put(CATALOG_STAGE.STARTED_AT, text(p.startedAt()));
        values.put(CATALOG_STAGE.LAST_SUCCESS, text(p.lastSuccess()));
        values.put(CATALOG_STAGE.LAST_ERROR, p.lastError());
        db.writeVoid(ctx -> ctx.insertInto(CATALOG_STAGE)
                .set(CATALOG_STAGE.SITE, p.site().id())
                .set(CATALOG_STAGE.STAGE, p.stage().tag())
                .set(values)
                .onConflict(CATALOG_STAGE.SITE, CATALOG_STAGE.STAGE)
                .doUpdate()
                .set(values)
                .execute());
        cache.put(key(p.site(), p.stage()), p);
    }

    private static StageProgress toProgress(SiteId site, Stage stage, CatalogStageRecord r) {
        return new StageProgress(site, stage, StageState.fromTag(r.getState()), r.getRun(), r.getDone(),
                r.getTotal(), instant(r.getStartedAt()), instant(r.getLastSuccess()), r.getLastError());
    }

    static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    static String truncate(String s) {
        if (s == null) return null;
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR) + "…";
    }
}
