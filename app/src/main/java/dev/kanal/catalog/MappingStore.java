package dev.kanal.catalog;

import static dev.kanal.catalog.CatalogRows.FAILED;
import static dev.kanal.catalog.CatalogRows.NONE;
import static dev.kanal.catalog.CatalogRows.PENDING;
import static dev.kanal.catalog.CatalogRows.READY;
import static dev.kanal.catalog.StageStore.truncate;
import static dev.kanal.db.schema.Tables.CATALOG_EPISODE;
import static dev.kanal.db.schema.Tables.CATALOG_TITLE;
import static dev.kanal.db.schema.Tables.CATALOG_TITLE_NAME;

import dev.kanal.db.Database;
import dev.kanal.providers.SiteId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads and writes stage 3 (mapping onto Sonarr's numbering) of the catalog aggregate. */
public final class MappingStore {
    private final Database db;
    private final CatalogWriter writer;

    public MappingStore(Database db) {
        this(db, new CatalogChanges());
    }

    /** @param changes bumped after every write, so searches' in-memory copies are reloaded */
    public MappingStore(Database db, CatalogChanges changes) {
        this.db = db;
        this.writer = new CatalogWriter(db, changes);
    }

    /**
     * A series whose details are known and whose numbering is not mapped yet.
     *
     * @param tvdb the id the site's page printed, or a sure tie made earlier
     * @param kept the tie made earlier (sure or not), or null
     */
    public record MappingTarget(int id, SiteId site, String title, List<String> names, Integer year, Integer tvdb,
            WorkTie kept) {}

    public List<MappingTarget> due(SiteId site, int limit) {
        return db.read().select(CATALOG_TITLE.ID, CATALOG_TITLE.TITLE, CATALOG_TITLE.YEAR, CATALOG_TITLE.TVDB,
                        CATALOG_TITLE.WORK_TVDB, CATALOG_TITLE.WORK_SEASON, CATALOG_TITLE.WORK_METHOD,
                        CATALOG_TITLE.WORK_CONFIDENCE, CATALOG_TITLE.WORK_EVIDENCE)
                .from(CATALOG_TITLE)
                .where(CATALOG_TITLE.SITE.eq(site.id()), CATALOG_TITLE.MAPPING_STATE.eq(PENDING),
                        CATALOG_TITLE.DETAILS_AT.isNotNull(), CATALOG_TITLE.KIND.eq("series"))
                .orderBy(CATALOG_TITLE.ID)
                .limit(limit)
                .fetch(r -> {
                    WorkTie kept = r.value5() == null ? null : new WorkTie(r.value5(), r.value6(), r.value7(),
                            r.value8() == null ? 0 : r.value8().doubleValue(), r.value9());
                    // a sure tie's tvdb is stored like a printed id; the printed one is told apart by the method
                    Integer printed = kept != null && kept.sure() && !"page-id".equals(kept.method()) ? null : r.value4();
                    return new MappingTarget(r.value1(), site, r.value2(), names(r.value1()), r.value3(), printed, kept);
                });
    }

    private List<String> names(int titleId) {
        return db.read().select(CATALOG_TITLE_NAME.NAME).from(CATALOG_TITLE_NAME)
                .where(CATALOG_TITLE_NAME.TITLE_ID.eq(titleId)).fetch(r -> r.value1());
    }

    /** The title's episodes in the site's numbering, in order, with the site's running number. */
    public List<SeriesMapper.SiteEpisode> episodes(int titleId) {
        int[] absolute = {0};
        return db.read().select(CATALOG_EPISODE.SEASON, CATALOG_EPISODE.EPISODE, CATALOG_EPISODE.TITLE_DE,
                        CATALOG_EPISODE.TITLE_EN)
                .from(CATALOG_EPISODE).where(CATALOG_EPISODE.TITLE_ID.eq(titleId))
                .orderBy(CATALOG_EPISODE.SEASON, CATALOG_EPISODE.EPISODE)
                .fetch(r -> new SeriesMapper.SiteEpisode(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value1() > 0 ? ++absolute[0] : null));
    }

    /** Stores a sure tie: the mapped ids, title, the tie and every episode's numbering in one transaction. */
    public void save(int titleId, WorkTie tie, SkyHookShow show, Map<Long, SeriesMapper.Numbering> numbering,
            Instant now) {
        writer.writeVoid(ctx -> {
            work(ctx, titleId, tie);
            for (var e : numbering.entrySet()) {
                int season = (int) (e.getKey() >> 32);
                int episode = (int) (long) e.getKey();
                ctx.update(CATALOG_EPISODE)
                        .set(CATALOG_EPISODE.TVDB_SEASON, e.getValue().season())
                        .set(CATALOG_EPISODE.TVDB_EPISODE, e.getValue().episode())
                        .set(CATALOG_EPISODE.ABSOLUTE, e.getValue().absolute())
                        .set(CATALOG_EPISODE.AWAITING_MAPPING, 0)
                        .where(CATALOG_EPISODE.TITLE_ID.eq(titleId), CATALOG_EPISODE.SEASON.eq(season),
                                CATALOG_EPISODE.EPISODE.eq(episode))
                        .execute();
            }
            TitleNames.add(ctx, titleId, show.title(),
                    show.alternateTitles().stream().map(SkyHookShow.AlternateTitle::title).toList());
            ctx.update(CATALOG_TITLE)
                    .set(CATALOG_TITLE.TVDB, show.tvdbId())
                    .set(CATALOG_TITLE.IMDB, org.jooq.impl.DSL.coalesce(
                            org.jooq.impl.DSL.val(show.imdbId()), CATALOG_TITLE.IMDB))
                    .set(CATALOG_TITLE.TVMAZE, show.tvMazeId())
                    .set(CATALOG_TITLE.MAPPED_TITLE, show.title())
                    .set(CATALOG_TITLE.RUNTIME_MINUTES, show.runtime())
                    .set(CATALOG_TITLE.MAPPING_STATE, READY)
                    .set(CATALOG_TITLE.MAPPING_AT, now.toString())
                    .set(CATALOG_TITLE.MAPPING_ERROR, (String) null)
                    .where(CATALOG_TITLE.ID.eq(titleId))
                    .execute();
        });
    }

    /** A tie not sure enough to use: recorded for people, the site's numbering and ids stay. */
    public void unsure(int titleId, WorkTie tie, Instant now) {
        writer.writeVoid(ctx -> work(ctx, titleId, tie));
        finish(titleId, NONE, String.format(java.util.Locale.ROOT, "unsure tie to TVDB %d (%.2f < %.2f): not used",
                tie.tvdb(), tie.confidence(), WorkTie.SURE), now);
    }

    private static void work(org.jooq.DSLContext ctx, int titleId, WorkTie tie) {
        ctx.update(CATALOG_TITLE)
                .set(CATALOG_TITLE.WORK_TVDB, tie.tvdb())
                .set(CATALOG_TITLE.WORK_SEASON, tie.season())
                .set(CATALOG_TITLE.WORK_METHOD, tie.method())
                .set(CATALOG_TITLE.WORK_CONFIDENCE, (float) tie.confidence())
                .set(CATALOG_TITLE.WORK_EVIDENCE, truncate(tie.evidence()))
                .where(CATALOG_TITLE.ID.eq(titleId))
                .execute();
    }

    /** SkyHook knows no series like this one: the site's numbering stays. */
    public void unmatched(int titleId, Instant now) {
        finish(titleId, NONE, "no TVDB series matched", now);
    }

    /** SkyHook failed; retried on the next refresh. */
    public void failed(int titleId, String error, Instant now) {
        finish(titleId, FAILED, error, now);
    }

    /** Puts failed mappings back in the queue (called at each refresh). */
    public int retryFailed(SiteId site) {
        return writer.write(ctx -> ctx.update(CATALOG_TITLE).set(CATALOG_TITLE.MAPPING_STATE, PENDING)
                .where(CATALOG_TITLE.SITE.eq(site.id()), CATALOG_TITLE.MAPPING_STATE.eq(FAILED)).execute());
    }

    private void finish(int titleId, String state, String error, Instant now) {
        writer.writeVoid(ctx -> {
            ctx.update(CATALOG_TITLE)
                    .set(CATALOG_TITLE.MAPPING_STATE, state)
                    .set(CATALOG_TITLE.MAPPING_AT, now.toString())
                    .set(CATALOG_TITLE.MAPPING_ERROR, truncate(error))
                    .where(CATALOG_TITLE.ID.eq(titleId))
                    .execute();
            // SkyHook no longer knows the series: its episodes keep the site's numbering, held ones too.
            // A failure (SkyHook down) keeps them held until a later mapping succeeds.
            if (!state.equals(FAILED)) {
                ctx.update(CATALOG_EPISODE).set(CATALOG_EPISODE.AWAITING_MAPPING, 0)
                        .where(CATALOG_EPISODE.TITLE_ID.eq(titleId), CATALOG_EPISODE.AWAITING_MAPPING.eq(1))
                        .execute();
            }
        });
    }
}
