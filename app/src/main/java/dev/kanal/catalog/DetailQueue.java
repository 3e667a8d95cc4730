package dev.kanal.catalog;

import static dev.kanal.catalog.CatalogRows.FAILED;
import static dev.kanal.catalog.CatalogRows.NONE;
import static dev.kanal.catalog.CatalogRows.PENDING;
import static dev.kanal.catalog.CatalogRows.READY;
import static dev.kanal.catalog.CatalogRows.key;
import static dev.kanal.catalog.CatalogRows.kindOf;
import static dev.kanal.catalog.StageStore.truncate;
import static dev.kanal.db.schema.Tables.CATALOG_EPISODE;
import static dev.kanal.db.schema.Tables.CATALOG_RELEASE;
import static dev.kanal.db.schema.Tables.CATALOG_TITLE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import dev.kanal.db.Database;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.HosterHints;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.RecentEpisode;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Which titles' detail pages are due (stage 2's queue on {@code catalog_title}): pending or failed
 * past their retry time, re-queued when a site's new-episodes page names something new, and the
 * per-site counts {@code /health/catalog} shows.
 */
public final class DetailQueue {
    private final Database db;
    private final CatalogWriter writer;

    public DetailQueue(Database db) {
        this(db, new CatalogChanges());
    }

    /** @param changes bumped after every write, so searches' in-memory copies are reloaded */
    public DetailQueue(Database db, CatalogChanges changes) {
        this.db = db;
        this.writer = new CatalogWriter(db, changes);
    }

    /** A title that needs its details fetched. */
    public record DueTitle(int id, SiteId site, String slug, TitleKind kind, boolean everFetched) {}

    /** True while the title's details are still due (the priority lane may have fetched them meanwhile). */
    public boolean detailsDue(int titleId, Instant now) {
        return db.read().fetchExists(CATALOG_TITLE, CATALOG_TITLE.ID.eq(titleId),
                CATALOG_TITLE.DETAILS_STATE.eq(PENDING).or(CATALOG_TITLE.DETAILS_STATE.eq(FAILED)
                        .and(CATALOG_TITLE.DETAILS_RETRY_AT.le(now.toString()))));
    }

    /** Titles whose details are due (pending, or failed and past their retry time), never fetched first. */
    public List<DueTitle> dueForDetails(SiteId site, Instant now, int limit) {
        return db.read().select(CATALOG_TITLE.ID, CATALOG_TITLE.SLUG, CATALOG_TITLE.KIND, CATALOG_TITLE.DETAILS_AT)
                .from(CATALOG_TITLE)
                .where(CATALOG_TITLE.SITE.eq(site.id()))
                .and(CATALOG_TITLE.DETAILS_STATE.eq(PENDING).or(CATALOG_TITLE.DETAILS_STATE.eq(FAILED)
                        .and(CATALOG_TITLE.DETAILS_RETRY_AT.le(now.toString()))))
                .orderBy(CATALOG_TITLE.DETAILS_AT.isNull().desc(), CATALOG_TITLE.ID)
                .limit(limit)
                .fetch(r -> new DueTitle(r.value1(), site, r.value2(), kindOf(r.value3()), r.value4() != null));
    }

    /** A title by id, for the priority lane. */
    public java.util.Optional<DueTitle> title(int id) {
        return db.read().select(CATALOG_TITLE.SITE, CATALOG_TITLE.SLUG, CATALOG_TITLE.KIND, CATALOG_TITLE.DETAILS_AT)
                .from(CATALOG_TITLE).where(CATALOG_TITLE.ID.eq(id))
                .fetchOptional(r -> new DueTitle(id, SiteId.fromId(r.value1()).orElseThrow(), r.value2(),
                        kindOf(r.value3()), r.value4() != null));
    }

    /** Counts of titles with details ready and in total, per site. */
    public int[] detailCounts(SiteId site) {
        var r = db.read().select(
                        org.jooq.impl.DSL.count().filterWhere(CATALOG_TITLE.DETAILS_AT.isNotNull()),
                        org.jooq.impl.DSL.count())
                .from(CATALOG_TITLE).where(CATALOG_TITLE.SITE.eq(site.id())).fetchOne();
        return new int[] {r.value1(), r.value2()};
    }

    /** Counts of series titles mapped (or found unmappable) and in total, per site. */
    public int[] mappingCounts(SiteId site) {
        var r = db.read().select(
                        org.jooq.impl.DSL.count().filterWhere(CATALOG_TITLE.MAPPING_STATE.in(READY, NONE)),
                        org.jooq.impl.DSL.count())
                .from(CATALOG_TITLE).where(CATALOG_TITLE.SITE.eq(site.id())).fetchOne();
        return new int[] {r.value1(), r.value2()};
    }

    /**
     * Queues for a detail fetch every listed title that a site's new-episodes page names with an
     * episode (or, where the page says, a language) the catalog does not have yet. Titles the
     * catalog does not list are left to the next title listing.
     *
     * @return how many titles were queued
     */
    public int requeueForRecent(SiteId site, List<RecentEpisode> recent) {
        if (recent.isEmpty()) return 0;
        return writer.write(ctx -> {
            Map<String, Integer> ids = new HashMap<>();
            Set<Integer> queued = new HashSet<>();
            for (RecentEpisode r : recent) {
                Integer id = ids.computeIfAbsent(r.episode().slug(), slug -> ctx.select(CATALOG_TITLE.ID)
                        .from(CATALOG_TITLE).where(CATALOG_TITLE.SITE.eq(site.id()), CATALOG_TITLE.SLUG.eq(slug))
                        .fetchOne(x -> x.value1()));
                if (id == null || queued.contains(id)) continue;
                var where = CATALOG_RELEASE.TITLE_ID.eq(id).and(CATALOG_RELEASE.SEASON.eq(r.episode().season()))
                        .and(CATALOG_RELEASE.EPISODE.eq(r.episode().episode()));
                if (r.language() != null) where = where.and(CATALOG_RELEASE.LANGUAGE.eq(r.language().label()));
                if (ctx.fetchExists(CATALOG_RELEASE, where)) continue;
                int changed = ctx.update(CATALOG_TITLE)
                        .set(CATALOG_TITLE.DETAILS_STATE, PENDING)
                        .set(CATALOG_TITLE.DETAILS_RETRY_AT, (String) null)
                        .where(CATALOG_TITLE.ID.eq(id), CATALOG_TITLE.DETAILS_STATE.ne(PENDING))
                        .execute();
                if (changed > 0) queued.add(id);
            }
            return queued.size();
        });
    }

    /** Failed detail pages of a site waiting for a later retry become due now (a start, "Retry now"). */
    public void retryFailedDetailsNow(SiteId site, Instant now) {
        writer.writeVoid(ctx -> ctx.update(CATALOG_TITLE).set(CATALOG_TITLE.DETAILS_RETRY_AT, now.toString())
                .where(CATALOG_TITLE.SITE.eq(site.id()), CATALOG_TITLE.DETAILS_STATE.eq(FAILED),
                        CATALOG_TITLE.DETAILS_RETRY_AT.gt(now.toString()))
                .execute());
    }

    /** Records a failed detail fetch; the title's live rows stay. */
    public void failDetail(int titleId, String error, Instant retryAt) {
        writer.writeVoid(ctx -> ctx.update(CATALOG_TITLE)
                .set(CATALOG_TITLE.DETAILS_STATE, FAILED)
                .set(CATALOG_TITLE.DETAILS_ERROR, truncate(error))
                .set(CATALOG_TITLE.DETAILS_RETRY_AT, retryAt.toString())
                .where(CATALOG_TITLE.ID.eq(titleId))
                .execute());
    }

    /** The earliest retry time of a failed detail fetch, or null. */
    public Instant nextDetailRetry(SiteId site) {
        String next = db.read().select(org.jooq.impl.DSL.min(CATALOG_TITLE.DETAILS_RETRY_AT)).from(CATALOG_TITLE)
                .where(CATALOG_TITLE.SITE.eq(site.id()), CATALOG_TITLE.DETAILS_STATE.eq(FAILED))
                .fetchOne().value1();
        return next == null ? null : Instant.parse(next);
    }
}
