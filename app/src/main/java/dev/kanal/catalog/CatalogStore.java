package dev.kanal.catalog;

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
 * Writes each title's episodes and releases (stage 2) and the media info downloads learn. Every
 * change to one title happens in one transaction, and nothing is deleted before its replacement is
 * written, so a concurrent search sees either the old or the new state of a title, never a gap.
 * Title-list writes are in {@link TitleStore}, mapping writes in {@link MappingStore}, reads for
 * searches in {@link ReleaseQueries}.
 */
public final class CatalogStore {
    static final String PENDING = "pending";
    static final String READY = "ready";
    static final String FAILED = "failed";
    /** Mapping does not apply (movies) or found nothing. */
    static final String NONE = "none";
    private static final int ROWS_PER_INSERT = 400;

    private final Database db;
    private final CatalogChanges changes;

    public CatalogStore(Database db) {
        this(db, new CatalogChanges());
    }

    /** @param changes bumped after every write, so searches' in-memory copies are reloaded */
    public CatalogStore(Database db, CatalogChanges changes) {
        this.db = db;
        this.changes = changes;
    }

    /** A title that needs its details fetched. */
    public record DueTitle(int id, SiteId site, String slug, TitleKind kind, boolean everFetched) {}

    // ---- stage 2: details

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
     * Replaces one title's episodes and releases with what its detail page says, in one transaction.
     * Episodes keep their first-seen time and their mapped numbering; new episodes start with the
     * site's numbering until stage 3 maps them.
     *
     * @return the episodes this save added whose hosters are not yet paired with their languages,
     *     in site order
     */
    public List<EpisodeAddress> saveDetail(int titleId, TitleDetail detail, Instant now) {
        List<EpisodeRow> rows = rowsOf(detail);
        List<EpisodeAddress> unpaired = new ArrayList<>();
        writeVoid(ctx -> {
            unpaired.clear(); // the writer may run the transaction again
            TitleRef t = detail.title();
            Map<Long, Boolean> existing = new HashMap<>();
            ctx.select(CATALOG_EPISODE.SEASON, CATALOG_EPISODE.EPISODE).from(CATALOG_EPISODE)
                    .where(CATALOG_EPISODE.TITLE_ID.eq(titleId))
                    .forEach(r -> existing.put(key(r.value1(), r.value2()), Boolean.TRUE));
            Map<Long, Map<String, StoredHosters>> releases = new HashMap<>();
            ctx.select(CATALOG_RELEASE.SEASON, CATALOG_RELEASE.EPISODE, CATALOG_RELEASE.LANGUAGE,
                            CATALOG_RELEASE.HOSTERS, CATALOG_RELEASE.HOSTERS_PAIRED)
                    .from(CATALOG_RELEASE)
                    .where(CATALOG_RELEASE.TITLE_ID.eq(titleId))
                    .forEach(r -> releases.computeIfAbsent(key(r.value1(), r.value2()), k -> new HashMap<>())
                            .put(r.value3(), new StoredHosters(r.value4(), r.value5() != null && r.value5() == 1)));
            Set<Long> seen = new HashSet<>();
            List<EpisodeRow> added = new ArrayList<>();
            for (EpisodeRow row : rows) {
                seen.add(row.key());
                if (existing.containsKey(row.key())) {
                    ctx.update(CATALOG_EPISODE)
                            .set(CATALOG_EPISODE.TITLE_DE, row.titleDe())
                            .set(CATALOG_EPISODE.TITLE_EN, row.titleEn())
                            .where(CATALOG_EPISODE.TITLE_ID.eq(titleId), CATALOG_EPISODE.SEASON.eq(row.season()),
                                    CATALOG_EPISODE.EPISODE.eq(row.episode()))
                            .execute();
                } else {
                    added.add(row);
                }
            }
            insertEpisodes(ctx, titleId, added, !added.isEmpty() && renumbered(ctx, titleId), now);
            for (EpisodeRow row : added) {
                if (row.episode() > 0 && !row.hosters().paired()) {
                    unpaired.add(new EpisodeAddress(t.site(), t.slug(), row.season(), row.episode()));
                }
            }
            for (Long gone : existing.keySet()) {
                if (seen.contains(gone)) continue;
                ctx.deleteFrom(CATALOG_EPISODE).where(CATALOG_EPISODE.TITLE_ID.eq(titleId),
                        CATALOG_EPISODE.SEASON.eq((int) (gone >> 32)), CATALOG_EPISODE.EPISODE.eq((int) (long) gone))
                        .execute();
            }
            syncReleases(ctx, titleId, rows, releases, now);
            boolean newEpisodes = !added.isEmpty();
            ctx.update(CATALOG_TITLE)
                    .set(CATALOG_TITLE.TITLE, t.title())
                    .set(CATALOG_TITLE.YEAR, coalesce(org.jooq.impl.DSL.val(t.year()), CATALOG_TITLE.YEAR))
                    .set(CATALOG_TITLE.IMDB, coalesce(org.jooq.impl.DSL.val(t.ids().imdb()), CATALOG_TITLE.IMDB))
                    .set(CATALOG_TITLE.TMDB, coalesce(org.jooq.impl.DSL.val(t.ids().tmdb()), CATALOG_TITLE.TMDB))
                    .set(CATALOG_TITLE.TVDB, coalesce(org.jooq.impl.DSL.val(t.ids().tvdb()), CATALOG_TITLE.TVDB))
                    .set(CATALOG_TITLE.DETAILS_STATE, READY)
                    .set(CATALOG_TITLE.DETAILS_AT, now.toString())
                    .set(CATALOG_TITLE.DETAILS_ERROR, (String) null)
                    .set(CATALOG_TITLE.DETAILS_RETRY_AT, (String) null)
                    .set(CATALOG_TITLE.DETAILS_CHANGED_AT, newEpisodes ? inline(now.toString())
                            : CATALOG_TITLE.DETAILS_CHANGED_AT)
                    .set(CATALOG_TITLE.MAPPING_STATE, t.kind() == TitleKind.MOVIE ? inline(NONE)
                            : newEpisodes ? inline(PENDING) : CATALOG_TITLE.MAPPING_STATE)
                    .where(CATALOG_TITLE.ID.eq(titleId))
                    .execute();
            TitleNames.add(ctx, titleId, t.title(), t.altTitles());
        });
        return List.copyOf(unpaired);
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
        return write(ctx -> {
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
        writeVoid(ctx -> ctx.update(CATALOG_TITLE).set(CATALOG_TITLE.DETAILS_RETRY_AT, now.toString())
                .where(CATALOG_TITLE.SITE.eq(site.id()), CATALOG_TITLE.DETAILS_STATE.eq(FAILED),
                        CATALOG_TITLE.DETAILS_RETRY_AT.gt(now.toString()))
                .execute());
    }

    /** Records a failed detail fetch; the title's live rows stay. */
    public void failDetail(int titleId, String error, Instant retryAt) {
        writeVoid(ctx -> ctx.update(CATALOG_TITLE)
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

    // ---- media info learned by downloads and probes

    /**
     * Records the real height and codec of a release once a download or probe learned them; release
     * titles then carry the resolution and codec. Unknown releases are ignored.
     */
    public void recordMediaInfo(EpisodeAddress address, Language language, int height, String codec) {
        String normalized = codec == null || codec.isBlank() ? null : codec.trim().toLowerCase(Locale.ROOT);
        writeVoid(ctx -> ctx.update(CATALOG_RELEASE)
                .set(CATALOG_RELEASE.HEIGHT, height > 0 ? height : null)
                .set(CATALOG_RELEASE.CODEC, normalized)
                .where(CATALOG_RELEASE.TITLE_ID.eq(select(CATALOG_TITLE.ID).from(CATALOG_TITLE)
                        .where(CATALOG_TITLE.SITE.eq(address.site().id()), CATALOG_TITLE.SLUG.eq(address.slug()))))
                .and(CATALOG_RELEASE.SEASON.eq(address.season()))
                .and(CATALOG_RELEASE.EPISODE.eq(address.episode()))
                .and(CATALOG_RELEASE.LANGUAGE.eq(language.label()))
                .execute());
    }

    // ---- hosters per language learned from episode pages

    /**
     * Records which hosters an episode page offers in each language, exactly (a download or stream
     * read the page). Every stored language of the episode gets its list, empty when the page
     * offers none in it; languages the catalog does not list for the episode are left alone.
     * Nothing is recorded when the page offered no links at all (it may not have been read).
     */
    public void recordHosters(EpisodeAddress address, List<HosterLink> links, Instant now) {
        if (links.isEmpty()) return;
        HosterHints hints = HosterHints.ofLinks(links);
        writeVoid(ctx -> {
            Integer titleId = ctx.select(CATALOG_TITLE.ID).from(CATALOG_TITLE)
                    .where(CATALOG_TITLE.SITE.eq(address.site().id()), CATALOG_TITLE.SLUG.eq(address.slug()))
                    .fetchOne(r -> r.value1());
            if (titleId == null) return;
            var languages = ctx.select(CATALOG_RELEASE.LANGUAGE).from(CATALOG_RELEASE)
                    .where(CATALOG_RELEASE.TITLE_ID.eq(titleId), CATALOG_RELEASE.SEASON.eq(address.season()),
                            CATALOG_RELEASE.EPISODE.eq(address.episode()))
                    .fetch(r -> r.value1());
            for (String label : languages) {
                List<String> names = Language.fromLabel(label).map(hints::forLanguage).orElse(List.of());
                ctx.update(CATALOG_RELEASE)
                        .set(CATALOG_RELEASE.HOSTERS, StoredHosters.join(names))
                        .set(CATALOG_RELEASE.HOSTERS_PAIRED, 1)
                        .set(CATALOG_RELEASE.HOSTERS_AT, now.toString())
                        .where(CATALOG_RELEASE.TITLE_ID.eq(titleId), CATALOG_RELEASE.SEASON.eq(address.season()),
                                CATALOG_RELEASE.EPISODE.eq(address.episode()), CATALOG_RELEASE.LANGUAGE.eq(label))
                        .execute();
            }
        });
    }

    /**
     * A release's stored hoster names (comma-separated, site order; null when never shown) and
     * whether they are known to serve that language.
     */
    record StoredHosters(String names, boolean paired) {
        private static final StoredHosters UNKNOWN = new StoredHosters(null, false);

        /**
         * What a detail fetch leaves stored. A page that shows no hosters changes nothing. A paired
         * list wins. An unpaired season-table list keeps an earlier exact pairing for the hosters the
         * table still shows, so a refresh does not throw away what an episode page taught.
         */
        static StoredHosters merge(StoredHosters had, List<String> shown, boolean shownPaired) {
            StoredHosters before = had == null ? UNKNOWN : had;
            if (shown.isEmpty()) return before;
            if (shownPaired) return new StoredHosters(join(shown), true);
            if (before.paired() && before.names() != null) {
                List<String> kept = split(before.names()).stream().filter(shown::contains).toList();
                if (!kept.isEmpty()) return new StoredHosters(join(kept), true);
            }
            return new StoredHosters(join(shown), false);
        }

        static String join(List<String> names) {
            return String.join(",", names.stream().map(n -> n.replace(",", " ").strip()).toList());
        }

        static List<String> split(String names) {
            if (names == null || names.isBlank()) return List.of();
            return List.of(names.split(","));
        }
    }

    // ---- helpers

    /** One episode row as stored: movies are season 0, episode 0. */
    record EpisodeRow(int season, int episode, String titleDe, String titleEn, Set<Language> languages,
            Integer absolute, HosterHints hosters) {
        long key() {
            return CatalogStore.key(season, episode);
        }
    }

    static List<EpisodeRow> rowsOf(TitleDetail detail) {
        List<EpisodeRow> rows = new ArrayList<>();
        if (detail.title().kind() == TitleKind.MOVIE && detail.seasons().isEmpty()) {
            rows.add(new EpisodeRow(0, 0, null, null, DEFAULT_LANGUAGES, null, detail.movieHosters()));
            return rows;
        }
        int absolute = 0;
        for (SeasonRef s : detail.seasons()) {
            for (EpisodeRef e : s.episodes()) {
                Integer abs = s.number() > 0 ? ++absolute : null;
                Set<Language> langs = e.languages().isEmpty() ? DEFAULT_LANGUAGES : e.languages();
                rows.add(new EpisodeRow(s.number(), e.episode(), e.titleDe(), e.titleEn(), langs, abs, e.hosters()));
            }
        }
        return rows;
    }

    /** What a site offers when its page does not say: German audio, the common case on all three. */
    static final Set<Language> DEFAULT_LANGUAGES = EnumSet.of(Language.GERMAN_DUB);

    /**
     * @param awaitingMapping true to keep the rows out of searches until stage 3 numbers them (new
     *     episodes of a series mapped onto different numbers)
     */
    private static void insertEpisodes(DSLContext ctx, int titleId, List<EpisodeRow> rows, boolean awaitingMapping,
            Instant now) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            var insert = ctx.insertInto(CATALOG_EPISODE, CATALOG_EPISODE.TITLE_ID, CATALOG_EPISODE.SEASON,
                    CATALOG_EPISODE.EPISODE, CATALOG_EPISODE.TITLE_DE, CATALOG_EPISODE.TITLE_EN,
                    CATALOG_EPISODE.TVDB_SEASON, CATALOG_EPISODE.TVDB_EPISODE, CATALOG_EPISODE.ABSOLUTE,
                    CATALOG_EPISODE.FIRST_SEEN, CATALOG_EPISODE.AWAITING_MAPPING);
            for (EpisodeRow r : rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT))) {
                insert = insert.values(titleId, r.season(), r.episode(), r.titleDe(), r.titleEn(), r.season(),
                        r.episode(), r.absolute(), now.toString(), awaitingMapping ? 1 : 0);
            }
            insert.execute();
        }
    }

    /**
     * True when stage 3 mapped this series onto numbers that differ from the site's (anime seasons cut
     * differently, specials matched by title): a new episode's site numbers would then name another
     * episode in Sonarr's eyes, so it waits for the mapping.
     */
    private static boolean renumbered(DSLContext ctx, int titleId) {
        return ctx.fetchExists(ctx.selectOne().from(CATALOG_TITLE).where(CATALOG_TITLE.ID.eq(titleId),
                CATALOG_TITLE.MAPPING_STATE.eq(READY)))
                && ctx.fetchExists(ctx.selectOne().from(CATALOG_EPISODE).where(CATALOG_EPISODE.TITLE_ID.eq(titleId),
                        CATALOG_EPISODE.TVDB_SEASON.ne(CATALOG_EPISODE.SEASON)
                                .or(CATALOG_EPISODE.TVDB_EPISODE.ne(CATALOG_EPISODE.EPISODE))));
    }

    private static void syncReleases(DSLContext ctx, int titleId, List<EpisodeRow> rows,
            Map<Long, Map<String, StoredHosters>> existing, Instant now) {
        List<Object[]> added = new ArrayList<>();
        for (EpisodeRow r : rows) {
            Map<String, StoredHosters> had = existing.getOrDefault(r.key(), Map.of());
            Map<String, Language> wanted = new LinkedHashMap<>();
            for (Language l : r.languages()) wanted.put(l.label(), l);
            for (Map.Entry<String, Language> w : wanted.entrySet()) {
                StoredHosters before = had.get(w.getKey());
                StoredHosters after = StoredHosters.merge(before, r.hosters().forLanguage(w.getValue()),
                        r.hosters().paired());
                if (!had.containsKey(w.getKey())) {
                    added.add(new Object[] {r.season(), r.episode(), w.getKey(), after});
                } else if (!after.equals(before)) {
                    ctx.update(CATALOG_RELEASE)
                            .set(CATALOG_RELEASE.HOSTERS, after.names())
                            .set(CATALOG_RELEASE.HOSTERS_PAIRED, after.paired() ? 1 : 0)
                            .set(CATALOG_RELEASE.HOSTERS_AT, now.toString())
                            .where(CATALOG_RELEASE.TITLE_ID.eq(titleId), CATALOG_RELEASE.SEASON.eq(r.season()),
                                    CATALOG_RELEASE.EPISODE.eq(r.episode()), CATALOG_RELEASE.LANGUAGE.eq(w.getKey()))
                            .execute();
                }
            }
            for (String l : had.keySet()) {
                if (wanted.containsKey(l)) continue;
                ctx.deleteFrom(CATALOG_RELEASE).where(CATALOG_RELEASE.TITLE_ID.eq(titleId),
                        CATALOG_RELEASE.SEASON.eq(r.season()), CATALOG_RELEASE.EPISODE.eq(r.episode()),
                        CATALOG_RELEASE.LANGUAGE.eq(l)).execute();
            }
        }
        for (int from = 0; from < added.size(); from += ROWS_PER_INSERT) {
            var insert = ctx.insertInto(CATALOG_RELEASE, CATALOG_RELEASE.TITLE_ID, CATALOG_RELEASE.SEASON,
                    CATALOG_RELEASE.EPISODE, CATALOG_RELEASE.LANGUAGE, CATALOG_RELEASE.FIRST_SEEN,
                    CATALOG_RELEASE.HOSTERS, CATALOG_RELEASE.HOSTERS_PAIRED, CATALOG_RELEASE.HOSTERS_AT);
            for (Object[] a : added.subList(from, Math.min(added.size(), from + ROWS_PER_INSERT))) {
                StoredHosters h = (StoredHosters) a[3];
                insert = insert.values(titleId, (Integer) a[0], (Integer) a[1], (String) a[2], now.toString(),
                        h.names(), h.paired() ? 1 : 0, h.names() == null ? null : now.toString());
            }
            insert.execute();
        }
    }

    static long key(int season, int episode) {
        return ((long) season << 32) | (episode & 0xffffffffL);
    }

    static String kindTag(TitleKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static TitleKind kindOf(String tag) {
        return TitleKind.valueOf(tag.toUpperCase(Locale.ROOT));
    }

    private <T> T write(java.util.function.Function<org.jooq.DSLContext, T> work) {
        try {
            return db.write(work);
        } finally {
            changes.changed();
        }
    }

    private void writeVoid(java.util.function.Consumer<org.jooq.DSLContext> work) {
        try {
            db.writeVoid(work);
        } finally {
            changes.changed();
        }
    }
}
