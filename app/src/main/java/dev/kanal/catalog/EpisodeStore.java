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
 * Writes each title's episodes and releases from its detail page (stage 2). Every change to one
 * title happens in one transaction, and nothing is deleted before its replacement is written, so a
 * concurrent search sees either the old or the new state of a title, never a gap. Title-list writes
 * are in {@link TitleStore}, the detail queue in {@link DetailQueue}, mapping writes in
 * {@link MappingStore}, what downloads learn in {@link ReleaseFacts}, reads for searches in
 * {@link ReleaseQueries}.
 */
public final class EpisodeStore {
    private static final int ROWS_PER_INSERT = 400;

    private final Database db;
    private final CatalogWriter writer;

    public EpisodeStore(Database db) {
        this(db, new CatalogChanges());
    }

    /** @param changes bumped after every write, so searches' in-memory copies are reloaded */
    public EpisodeStore(Database db, CatalogChanges changes) {
        this.db = db;
        this.writer = new CatalogWriter(db, changes);
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
        writer.writeVoid(ctx -> {
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

    /** One episode row as stored: movies are season 0, episode 0. */
    record EpisodeRow(int season, int episode, String titleDe, String titleEn, Set<Language> languages,
            Integer absolute, HosterHints hosters) {
        long key() {
            return CatalogRows.key(season, episode);
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
                        r.episode(), r.absolute(), CatalogRows.stamp(now), awaitingMapping ? 1 : 0);
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
                            .set(CATALOG_RELEASE.HOSTERS_AT, CatalogRows.stamp(now))
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
                insert = insert.values(titleId, (Integer) a[0], (Integer) a[1], (String) a[2], CatalogRows.stamp(now),
                        h.names(), h.paired() ? 1 : 0, h.names() == null ? null : CatalogRows.stamp(now));
            }
            insert.execute();
        }
    }
}
