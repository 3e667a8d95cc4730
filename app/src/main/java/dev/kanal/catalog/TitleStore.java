package dev.kanal.catalog;

import static dev.kanal.catalog.CatalogRows.NONE;
import static dev.kanal.catalog.CatalogRows.PENDING;
import static dev.kanal.catalog.CatalogRows.READY;
import static dev.kanal.catalog.CatalogRows.kindTag;
import static dev.kanal.catalog.StageStore.text;
import static dev.kanal.db.schema.Tables.CATALOG_TITLE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.when;

import dev.kanal.db.Database;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes stage 1 (the title list) of the catalog: titles are upserted in place in batches, titles
 * the site stopped listing are removed only after a complete listing, and details are re-queued by
 * age. Nothing a search reads is ever emptied in between.
 */
public final class TitleStore {
    /** A listing shorter than this share of the previous one is treated as broken, not as deletions. */
    private static final double MIN_LISTING_SHARE = 0.5;

    private final Database db;
    private final CatalogWriter writer;

    public TitleStore(Database db) {
        this(db, new CatalogChanges());
    }

    /** @param changes bumped after every write, so searches' in-memory copies are reloaded */
    public TitleStore(Database db, CatalogChanges changes) {
        this.db = db;
        this.writer = new CatalogWriter(db, changes);
    }

    /** Upserts one batch of listed titles in one transaction; a changed lastModified re-queues details. */
    public void upsertTitles(SiteId site, int run, List<TitleRef> batch, Instant now) {
        writer.writeVoid(ctx -> {
            for (TitleRef t : batch) {
                ctx.insertInto(CATALOG_TITLE)
                        .set(CATALOG_TITLE.SITE, site.id())
                        .set(CATALOG_TITLE.SLUG, t.slug())
                        .set(CATALOG_TITLE.TITLE, t.title())
                        .set(CATALOG_TITLE.KIND, kindTag(t.kind()))
                        .set(CATALOG_TITLE.YEAR, t.year())
                        .set(CATALOG_TITLE.IMDB, t.ids().imdb())
                        .set(CATALOG_TITLE.TMDB, t.ids().tmdb())
                        .set(CATALOG_TITLE.TVDB, t.ids().tvdb())
                        .set(CATALOG_TITLE.LAST_MODIFIED, text(t.lastModified()))
                        .set(CATALOG_TITLE.FIRST_SEEN, now.toString())
                        .set(CATALOG_TITLE.LISTED_RUN, run)
                        .set(CATALOG_TITLE.MAPPING_STATE, t.kind() == TitleKind.MOVIE ? NONE : PENDING)
                        .onConflict(CATALOG_TITLE.SITE, CATALOG_TITLE.SLUG)
                        .doUpdate()
                        .set(CATALOG_TITLE.TITLE, excluded(CATALOG_TITLE.TITLE))
                        .set(CATALOG_TITLE.KIND, excluded(CATALOG_TITLE.KIND))
                        .set(CATALOG_TITLE.YEAR, coalesce(excluded(CATALOG_TITLE.YEAR), CATALOG_TITLE.YEAR))
                        .set(CATALOG_TITLE.IMDB, coalesce(excluded(CATALOG_TITLE.IMDB), CATALOG_TITLE.IMDB))
                        .set(CATALOG_TITLE.TMDB, coalesce(excluded(CATALOG_TITLE.TMDB), CATALOG_TITLE.TMDB))
                        .set(CATALOG_TITLE.TVDB, coalesce(excluded(CATALOG_TITLE.TVDB), CATALOG_TITLE.TVDB))
                        .set(CATALOG_TITLE.DETAILS_STATE, when(excluded(CATALOG_TITLE.LAST_MODIFIED).isNotNull()
                                .and(excluded(CATALOG_TITLE.LAST_MODIFIED).isDistinctFrom(CATALOG_TITLE.LAST_MODIFIED)),
                                inline(PENDING)).otherwise(CATALOG_TITLE.DETAILS_STATE))
                        .set(CATALOG_TITLE.LAST_MODIFIED, excluded(CATALOG_TITLE.LAST_MODIFIED))
                        .set(CATALOG_TITLE.LISTED_RUN, run)
                        .execute();
                // read the id back: SQLite's RETURNING emulation reports a stale rowid after DO UPDATE
                Integer id = ctx.select(CATALOG_TITLE.ID).from(CATALOG_TITLE)
                        .where(CATALOG_TITLE.SITE.eq(site.id()), CATALOG_TITLE.SLUG.eq(t.slug()))
                        .fetchOne().value1();
                TitleNames.add(ctx, id, t.title(), t.altTitles());
            }
        });
    }

    /**
     * Ends a complete listing: titles the site no longer lists are removed in one transaction, unless
     * the listing is suspiciously short (a broken page must not empty the catalog). Returns how many
     * titles were removed.
     */
    public int finishListing(SiteId site, int run, int listed) {
        return writer.write(ctx -> {
            int before = ctx.fetchCount(CATALOG_TITLE, CATALOG_TITLE.SITE.eq(site.id()));
            int stale = ctx.fetchCount(CATALOG_TITLE, CATALOG_TITLE.SITE.eq(site.id()),
                    CATALOG_TITLE.LISTED_RUN.lt(run));
            if (stale == 0) return 0;
            if (listed < before * MIN_LISTING_SHARE) throw new SuspiciousListing(listed, before);
            return ctx.deleteFrom(CATALOG_TITLE)
                    .where(CATALOG_TITLE.SITE.eq(site.id()), CATALOG_TITLE.LISTED_RUN.lt(run))
                    .execute();
        });
    }

    /** A listing far shorter than the catalog: kept as a failure instead of deleting titles. */
    public static final class SuspiciousListing extends RuntimeException {
        SuspiciousListing(int listed, int known) {
            super("the site listed " + listed + " titles, far fewer than the " + known
                    + " known; keeping the catalog as it was (a broken catalogue page?)", null, false, false);
        }
    }

    /**
     * Re-queues details by age: titles that gained episodes within {@code activeWindow} after
     * {@code refresh}, every other title after {@code fullRefresh}. The live rows stay until the new
     * details replace them.
     */
    public int scheduleRefresh(SiteId site, Instant now, Duration refresh, Duration fullRefresh,
            Duration activeWindow) {
        String activeSince = now.minus(activeWindow).toString();
        String refreshBefore = now.minus(refresh).toString();
        String fullBefore = now.minus(fullRefresh).toString();
        return writer.write(ctx -> ctx.update(CATALOG_TITLE)
                .set(CATALOG_TITLE.DETAILS_STATE, PENDING)
                .where(CATALOG_TITLE.SITE.eq(site.id()), CATALOG_TITLE.DETAILS_STATE.eq(READY))
                .and(CATALOG_TITLE.DETAILS_CHANGED_AT.gt(activeSince).and(CATALOG_TITLE.DETAILS_AT.lt(refreshBefore))
                        .or(CATALOG_TITLE.DETAILS_AT.lt(fullBefore)))
                .execute());
    }
}
