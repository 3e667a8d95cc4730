package dev.kanal.catalog;

import static dev.kanal.db.schema.Tables.CATALOG_EPISODE;
import static dev.kanal.db.schema.Tables.CATALOG_RELEASE;
import static dev.kanal.db.schema.Tables.CATALOG_TITLE;
import static dev.kanal.db.schema.Tables.CATALOG_TITLE_NAME;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kanal.db.Database;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;

/**
 * The catalog's read side for searches: releases of given titles (filtered in Sonarr's numbering),
 * the newest releases for RSS (paged in SQL over the {@code first_seen} index), titles by outside
 * id, and the names the {@link TitleResolver} indexes. Reads only; never blocks the writer (WAL).
 */
public final class ReleaseQueries {
    /** At most this many releases are kept in memory (about 350 bytes each: 35 MB when full). */
    private static final long CACHED_RELEASES = 100_000;
    private static final Comparator<Release> EPISODE_ORDER = Comparator.comparingInt(Release::tvdbSeason)
            .thenComparingInt(Release::tvdbEpisode).thenComparingInt(Release::titleId)
            .thenComparing(r -> r.language().label());

    private final Database db;
    private final CatalogChanges changes;
    /** Per title: whether its details were fetched and its searchable releases, as of a {@link CatalogChanges} version. */
    private final Cache<Integer, TitleReleases> cache;

    private record TitleReleases(long version, boolean detailed, List<Release> releases) {}

    /** Reads straight from SQLite on every call. */
    public ReleaseQueries(Database db) {
        this(db, null);
    }

    /**
     * Keeps recently searched titles' releases in memory until the next catalog change, so a repeated
     * search (Sonarr asks for a season's episodes one by one) reads no rows.
     *
     * @param changes bumped by every catalog writer; null keeps nothing in memory
     */
    public ReleaseQueries(Database db, CatalogChanges changes) {
        this.db = db;
        this.changes = changes;
        this.cache = changes == null ? null : Caffeine.newBuilder().maximumWeight(CACHED_RELEASES)
                .weigher((Integer id, TitleReleases t) -> 1 + t.releases().size()).build();
    }

    /**
     * The {@link CatalogChanges} version the answers are read as of: equal versions mean equal answers
     * (for the same question and the same {@link TitleResolver#generation()}); -1 when this read side
     * keeps no version (every call reads SQLite), so nothing built on its answers may be kept.
     */
    public long version() {
        return changes == null ? -1 : changes.version();
    }

    /** Which episodes of a title a search wants, in Sonarr's numbering. */
    public sealed interface EpisodeFilter {
        record All() implements EpisodeFilter {}

        record Season(int season) implements EpisodeFilter {}

        record Episode(int season, int episode) implements EpisodeFilter {}

        record Absolute(int absolute) implements EpisodeFilter {}
    }

    /** Every name of every title, for the in-memory index, with the names of the same work shared ({@link WorkNames}). */
    public List<TitleIndex.Entry> indexEntries() {
        List<WorkNames.Name> names = db.read().select(CATALOG_TITLE_NAME.TITLE_ID, CATALOG_TITLE.SITE, CATALOG_TITLE.KIND,
                        CATALOG_TITLE.YEAR, CATALOG_TITLE_NAME.NAME, CATALOG_TITLE.TITLE, CATALOG_TITLE.TVDB,
                        CATALOG_TITLE.WORK_SEASON)
                .from(CATALOG_TITLE_NAME).join(CATALOG_TITLE).on(CATALOG_TITLE.ID.eq(CATALOG_TITLE_NAME.TITLE_ID))
                .fetch(r -> WorkNames.Name.of(r.value1(), SiteId.fromId(r.value2()).orElseThrow(),
                        CatalogRows.kindOf(r.value3()), r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
        return WorkNames.entries(names);
    }

    /** One catalog title of a work, with the TVDB season its first site season is (null: same numbering). */
    public record WorkTitle(int titleId, SiteId site, String slug, TitleKind kind, Integer workSeason) {}

    /**
     * Every title on every site that is the same work as {@code titleId} (sure ties only: the same
     * TVDB series, else the same IMDb film), the title itself included; just the title when it has no
     * tie. A sequel entry or per-season page carries the TVDB season it starts at.
     */
    public List<WorkTitle> workTitles(int titleId) {
        var t = db.read().select(CATALOG_TITLE.TVDB, CATALOG_TITLE.IMDB).from(CATALOG_TITLE)
                .where(CATALOG_TITLE.ID.eq(titleId)).fetchOne();
        if (t == null) return List.of();
        Condition same = CATALOG_TITLE.ID.eq(titleId);
        if (t.value1() != null) same = same.or(CATALOG_TITLE.TVDB.eq(t.value1()));
        else if (t.value2() != null) same = same.or(CATALOG_TITLE.IMDB.eq(t.value2()));
        return db.read().select(CATALOG_TITLE.ID, CATALOG_TITLE.SITE, CATALOG_TITLE.SLUG, CATALOG_TITLE.KIND,
                        CATALOG_TITLE.WORK_SEASON)
                .from(CATALOG_TITLE).where(same).orderBy(CATALOG_TITLE.ID)
                .fetch(r -> new WorkTitle(r.value1(), SiteId.fromId(r.value2()).orElseThrow(), r.value3(),
                        CatalogRows.kindOf(r.value4()), r.value5()));
    }

    /** Titles carrying any of the given outside ids (nulls ignored), limited to {@code sites}. */
    public List<Integer> titlesByIds(Integer tvdb, String imdb, Integer tmdb, Integer tvmaze, Set<SiteId> sites,
            TitleKind kind) {
        Condition any = DSL.falseCondition();
        if (tvdb != null) any = any.or(CATALOG_TITLE.TVDB.eq(tvdb));
        if (imdb != null) any = any.or(CATALOG_TITLE.IMDB.eq(imdb));
        if (tmdb != null) any = any.or(CATALOG_TITLE.TMDB.eq(tmdb));
        if (tvmaze != null) any = any.or(CATALOG_TITLE.TVMAZE.eq(tvmaze));
        Condition where = any.and(CATALOG_TITLE.SITE.in(ids(sites)));
        if (kind != null) where = where.and(CATALOG_TITLE.KIND.eq(CatalogRows.kindTag(kind)));
        return db.read().select(CATALOG_TITLE.ID).from(CATALOG_TITLE).where(where).orderBy(CATALOG_TITLE.ID)
                .fetch(r -> r.value1());
    }

    /** Of the given titles, those whose details were never fetched, in the given order (one query). */
    public List<Integer> withoutDetails(List<Integer> titleIds) {
        if (titleIds.isEmpty()) return List.of();
        if (cache != null) return titleIds.stream().filter(id -> !cached(id).detailed()).toList();
        Set<Integer> missing = new HashSet<>(db.read().select(CATALOG_TITLE.ID).from(CATALOG_TITLE)
                .where(CATALOG_TITLE.ID.in(titleIds), CATALOG_TITLE.DETAILS_AT.isNull())
                .fetch(r -> r.value1()));
        return titleIds.stream().filter(missing::contains).toList();
    }

    /** The releases of some titles matching {@code filter}, in episode order. */
    public List<Release> releases(Collection<Integer> titleIds, EpisodeFilter filter) {
        if (cache != null) {
            List<Release> out = new ArrayList<>();
            for (Integer id : new LinkedHashSet<>(titleIds)) {
                for (Release r : cached(id).releases()) if (wanted(r, filter)) out.add(r);
            }
            if (titleIds.size() > 1) out.sort(EPISODE_ORDER);
            return out;
        }
        Condition where = CATALOG_TITLE.ID.in(titleIds).and(switch (filter) {
            case EpisodeFilter.All a -> DSL.trueCondition();
            case EpisodeFilter.Season s -> CATALOG_EPISODE.TVDB_SEASON.eq(s.season());
            case EpisodeFilter.Episode e -> CATALOG_EPISODE.TVDB_SEASON.eq(e.season())
                    .and(CATALOG_EPISODE.TVDB_EPISODE.eq(e.episode()));
            case EpisodeFilter.Absolute a -> CATALOG_EPISODE.ABSOLUTE.eq(a.absolute());
        });
        return select().where(where)
                .orderBy(CATALOG_EPISODE.TVDB_SEASON, CATALOG_EPISODE.TVDB_EPISODE, CATALOG_TITLE.ID,
                        CATALOG_RELEASE.LANGUAGE)
                .fetch(ReleaseQueries::toRelease);
    }

    private static boolean wanted(Release r, EpisodeFilter filter) {
        return switch (filter) {
            case EpisodeFilter.All a -> true;
            case EpisodeFilter.Season s -> r.tvdbSeason() == s.season();
            case EpisodeFilter.Episode e -> r.tvdbSeason() == e.season() && r.tvdbEpisode() == e.episode();
            case EpisodeFilter.Absolute a -> r.absolute() != null && r.absolute() == a.absolute();
        };
    }

    /** One title's entry, reloaded when the catalog changed since it was read. */
    private TitleReleases cached(int titleId) {
        TitleReleases t = cache.getIfPresent(titleId);
        long version = changes.version();
        if (t != null && t.version() == version) return t;
        t = db.read().connectionResult(c -> load(c, titleId, version));
        cache.put(titleId, t);
        return t;
    }

    /** The title's own columns a release carries, and whether its details were fetched. */
    private static final String TITLE_SQL = "SELECT details_at IS NOT NULL, site, slug, kind, title, mapped_title, year,"
            + " tvdb, imdb, tmdb, runtime_minutes FROM catalog_title WHERE id = ?";
    /**
     * A title's searchable releases (episodes held for stage 3 left out) as ONE value: a JSON array of
     * rows, each an array of the columns in {@link #readRows}'s order, built by SQLite (which escapes
     * every string, whatever a site put in an episode title). Reading 13 columns of ~25 rows through
     * sqlite-jdbc cost a native call per value, most of a title's first read; this is one call and one
     * parse. In the table's key order: sorted in Java (SQLite sorted them in a temporary b-tree).
     */
    private static final String RELEASES_SQL = "SELECT json_group_array(json_array(e.season, e.episode, e.tvdb_season,"
            + " e.tvdb_episode, e.absolute, r.language, r.first_seen, r.height, r.codec, e.title_de, e.title_en,"
            + " r.hosters, r.hosters_paired))"
            + " FROM catalog_release r JOIN catalog_episode e ON e.title_id = r.title_id AND e.season = r.season"
            + " AND e.episode = r.episode AND e.awaiting_mapping = 0"
            + " WHERE r.title_id = ?";
    private static final JsonFactory JSON = new JsonFactory();

    /** The title's own columns every one of its releases carries. */
    private record TitleColumns(int id, SiteId site, String slug, TitleKind kind, String shown, Integer year,
            Integer tvdb, String imdb, Integer tmdb, Integer runtime) {}

    /** Both statements, prepared once per pooled read connection (only the thread holding it uses them). */
    private record Statements(PreparedStatement title, PreparedStatement releases) {}

    private final Cache<Connection, Statements> statements = Caffeine.newBuilder().weakKeys().build();

    /**
     * One title's releases by plain JDBC on statements prepared once per connection, the title's own
     * columns read once instead of on every row: a search's first look at a title is its costliest
     * step, and preparing, and reading 26 columns per row through jOOQ, took most of it.
     */
    private TitleReleases load(Connection c, int titleId, long version) throws SQLException {
        Statements st = statements.getIfPresent(c);
        if (st == null) {
            st = new Statements(c.prepareStatement(TITLE_SQL), c.prepareStatement(RELEASES_SQL));
            statements.put(c, st);
        }
        boolean detailed;
        SiteId site;
        String slug;
        TitleKind kind;
        String shown;
        Integer year;
        Integer tvdb;
        String imdb;
        Integer tmdb;
        Integer runtime;
        st.title().setInt(1, titleId);
        try (ResultSet t = st.title().executeQuery()) {
            if (!t.next()) return new TitleReleases(version, false, List.of());
            detailed = t.getInt(1) == 1;
            site = SiteId.fromId(t.getString(2)).orElseThrow();
            slug = t.getString(3);
            kind = CatalogRows.kindOf(t.getString(4));
            String mapped = t.getString(6);
            shown = mapped != null ? mapped : t.getString(5);
            year = integer(t, 7);
            tvdb = integer(t, 8);
            imdb = t.getString(9);
            tmdb = integer(t, 10);
            runtime = integer(t, 11);
        }
        List<Release> releases = new ArrayList<>();
        st.releases().setInt(1, titleId);
        byte[] rows;
        try (ResultSet r = st.releases().executeQuery()) {
            rows = r.next() ? r.getBytes(1) : null;
        }
        if (rows != null) {
            TitleColumns title = new TitleColumns(titleId, site, slug, kind, shown, year, tvdb, imdb, tmdb, runtime);
            try {
                readRows(rows, title, releases);
            } catch (IOException e) {
                throw new SQLException("unreadable releases of title " + titleId, e);
            }
        }
        releases.sort(TITLE_ORDER);
        return new TitleReleases(version, detailed, List.copyOf(releases));
    }

    /**
     * Parses {@link #RELEASES_SQL}'s array: per row season, episode, TVDB season, TVDB episode,
     * absolute, language, first seen, height, codec, German and English title, hosters, paired.
     */
    private static void readRows(byte[] json, TitleColumns t, List<Release> out) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            String seenText = null;
            Instant seen = null;
            String languageText = null;
            Language language = null;
            while (p.nextToken() == JsonToken.START_ARRAY) {
                int season = number(p);
                int episode = number(p);
                int tvdbSeason = number(p);
                int tvdbEpisode = number(p);
                Integer absolute = optionalNumber(p);
                String label = text(p);
                String text = text(p);
                Integer height = optionalNumber(p);
                String codec = text(p);
                String titleDe = text(p);
                String titleEn = text(p);
                String hosters = text(p);
                boolean paired = number(p) == 1;
                expect(p.nextToken(), JsonToken.END_ARRAY);
                if (!text.equals(seenText)) { // a title's releases mostly share the moment they were first seen
                    seenText = text;
                    seen = Instant.parse(text);
                }
                if (!label.equals(languageText)) {
                    languageText = label;
                    language = Language.fromLabel(label).orElse(Language.GERMAN_DUB);
                }
                out.add(new Release(t.id(), t.site(), t.slug(), t.kind(), t.shown(), t.year(), t.tvdb(), t.imdb(),
                        t.tmdb(), season, episode, tvdbSeason, tvdbEpisode, absolute, language, seen, height, codec,
                        t.runtime(), titleDe, titleEn, StoredHosters.split(hosters), paired));
            }
        }
    }

    private static void expect(JsonToken got, JsonToken wanted)
            throws IOException {
        if (got != wanted) throw new IOException("expected " + wanted + ", found " + got);
    }

    private static int number(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
        return p.getIntValue();
    }

    private static Integer optionalNumber(JsonParser p) throws IOException {
        var token = p.nextToken();
        if (token == JsonToken.VALUE_NULL) return null;
        expect(token, JsonToken.VALUE_NUMBER_INT);
        return p.getIntValue();
    }

    private static String text(JsonParser p) throws IOException {
        var token = p.nextToken();
        if (token == JsonToken.VALUE_NULL) return null;
        expect(token, JsonToken.VALUE_STRING);
        return p.getText();
    }

    /** One title's releases in episode order: Sonarr's season and episode, then the language. */
    private static final Comparator<Release> TITLE_ORDER = Comparator.comparingInt(Release::tvdbSeason)
            .thenComparingInt(Release::tvdbEpisode).thenComparing(r -> r.language().label());

    private static Integer integer(ResultSet r, int column) throws SQLException {
        int v = r.getInt(column);
        return r.wasNull() ? null : v;
    }

    /** The newest releases within the scopes, newest first, paged exactly. */
    public List<Release> newest(List<ReleaseScope> scopes, int offset, int limit) {
        if (scopes.isEmpty() || limit <= 0) return List.of();
        Condition any = DSL.falseCondition();
        for (ReleaseScope s : scopes) {
            Condition c = CATALOG_TITLE.SITE.eq(s.site().id()).and(CATALOG_TITLE.KIND.eq(CatalogRows.kindTag(s.kind())));
            if (s.minHeight() > 0 || s.maxHeight() < Integer.MAX_VALUE) {
                c = c.and(CATALOG_RELEASE.HEIGHT.isNull().or(CATALOG_RELEASE.HEIGHT.between(s.minHeight(), s.maxHeight())));
            }
            any = any.or(c);
        }
        return select().where(any)
                .orderBy(CATALOG_RELEASE.FIRST_SEEN.desc(), CATALOG_RELEASE.TITLE_ID, CATALOG_RELEASE.SEASON,
                        CATALOG_RELEASE.EPISODE, CATALOG_RELEASE.LANGUAGE)
                .limit(limit).offset(offset)
                .fetch(ReleaseQueries::toRelease);
    }

    /** Everything stored about one title, or empty when the catalog does not list it. */
    public Optional<TitleReport> report(SiteId site, String slug) {
        var t = db.read().selectFrom(CATALOG_TITLE)
                .where(CATALOG_TITLE.SITE.eq(site.id()), CATALOG_TITLE.SLUG.eq(slug)).fetchOne();
        if (t == null) return Optional.empty();
        List<String> names = db.read().select(CATALOG_TITLE_NAME.NAME).from(CATALOG_TITLE_NAME)
                .where(CATALOG_TITLE_NAME.TITLE_ID.eq(t.getId())).orderBy(CATALOG_TITLE_NAME.NAME)
                .fetch(r -> r.value1());
        List<TitleReport.Episode> episodes = new ArrayList<>();
        List<Record> rows = select(false).where(CATALOG_TITLE.ID.eq(t.getId()))
                .orderBy(CATALOG_EPISODE.SEASON, CATALOG_EPISODE.EPISODE, CATALOG_RELEASE.LANGUAGE)
                .fetch();
        for (int i = 0; i < rows.size(); ) {
            Record firstRow = rows.get(i);
            Release first = toRelease(firstRow);
            List<TitleReport.Offer> offers = new ArrayList<>();
            for (; i < rows.size() && rows.get(i).get(CATALOG_EPISODE.SEASON) == first.season()
                    && rows.get(i).get(CATALOG_EPISODE.EPISODE) == first.episode(); i++) {
                Release r = toRelease(rows.get(i));
                offers.add(new TitleReport.Offer(r.language().label(), r.firstSeen(), r.height(), r.codec(),
                        r.hosters(), r.hostersPaired(), instant(rows.get(i).get(CATALOG_RELEASE.HOSTERS_AT))));
            }
            episodes.add(new TitleReport.Episode(first.season(), first.episode(), first.tvdbSeason(),
                    first.tvdbEpisode(), first.absolute(), firstRow.get(CATALOG_EPISODE.AWAITING_MAPPING) == 1,
                    first.episodeTitleDe(), first.episodeTitleEn(), offers));
        }
        return Optional.of(new TitleReport(site.id(), slug, t.getTitle(), t.getKind(), t.getYear(),
                new TitleReport.Ids(t.getTvdb(), t.getImdb(), t.getTmdb(), t.getTvmaze()), names,
                instant(t.getFirstSeen()),
                new TitleReport.Stage(t.getDetailsState(), instant(t.getDetailsAt()), t.getDetailsError()),
                new TitleReport.Stage(t.getMappingState(), instant(t.getMappingAt()), t.getMappingError()),
                t.getMappedTitle(), work(t), episodes));
    }

    private static TitleReport.Work work(dev.kanal.db.schema.tables.records.CatalogTitleRecord t) {
        if (t.getWorkTvdb() == null) return null;
        WorkTie tie = new WorkTie(t.getWorkTvdb(), t.getWorkSeason(), t.getWorkMethod(),
                t.getWorkConfidence() == null ? 0 : Math.round(t.getWorkConfidence() * 1000) / 1000.0, t.getWorkEvidence());
        return new TitleReport.Work(tie.tvdb(), tie.season(), tie.method(), tie.confidence(), tie.sure(),
                tie.evidence());
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private SelectOnConditionStep<Record> select() {
        return select(true);
    }

    /** @param searchable leave out episodes held until stage 3 numbers them (every search does) */
    private SelectOnConditionStep<Record> select(boolean searchable) {
        return db.read().select(List.<SelectFieldOrAsterisk>of(CATALOG_TITLE.ID, CATALOG_TITLE.SITE, CATALOG_TITLE.SLUG, CATALOG_TITLE.KIND,
                        CATALOG_TITLE.TITLE, CATALOG_TITLE.MAPPED_TITLE, CATALOG_TITLE.YEAR, CATALOG_TITLE.TVDB,
                        CATALOG_TITLE.IMDB, CATALOG_TITLE.TMDB, CATALOG_TITLE.RUNTIME_MINUTES,
                        CATALOG_EPISODE.SEASON, CATALOG_EPISODE.EPISODE, CATALOG_EPISODE.TVDB_SEASON,
                        CATALOG_EPISODE.TVDB_EPISODE, CATALOG_EPISODE.ABSOLUTE, CATALOG_RELEASE.LANGUAGE,
                        CATALOG_RELEASE.FIRST_SEEN, CATALOG_RELEASE.HEIGHT, CATALOG_RELEASE.CODEC,
                        CATALOG_EPISODE.TITLE_DE, CATALOG_EPISODE.TITLE_EN, CATALOG_RELEASE.HOSTERS,
                        CATALOG_RELEASE.HOSTERS_PAIRED, CATALOG_RELEASE.HOSTERS_AT, CATALOG_EPISODE.AWAITING_MAPPING))
                .from(CATALOG_RELEASE)
                .join(CATALOG_EPISODE).on(CATALOG_EPISODE.TITLE_ID.eq(CATALOG_RELEASE.TITLE_ID),
                        CATALOG_EPISODE.SEASON.eq(CATALOG_RELEASE.SEASON),
                        CATALOG_EPISODE.EPISODE.eq(CATALOG_RELEASE.EPISODE),
                        searchable ? CATALOG_EPISODE.AWAITING_MAPPING.eq(0) : DSL.trueCondition())
                .join(CATALOG_TITLE).on(CATALOG_TITLE.ID.eq(CATALOG_RELEASE.TITLE_ID));
    }

    private static Release toRelease(Record r) {
        String mapped = r.get(CATALOG_TITLE.MAPPED_TITLE);
        return new Release(r.get(CATALOG_TITLE.ID), SiteId.fromId(r.get(CATALOG_TITLE.SITE)).orElseThrow(),
                r.get(CATALOG_TITLE.SLUG), CatalogRows.kindOf(r.get(CATALOG_TITLE.KIND)),
                mapped != null ? mapped : r.get(CATALOG_TITLE.TITLE), r.get(CATALOG_TITLE.YEAR),
                r.get(CATALOG_TITLE.TVDB), r.get(CATALOG_TITLE.IMDB), r.get(CATALOG_TITLE.TMDB),
                r.get(CATALOG_EPISODE.SEASON), r.get(CATALOG_EPISODE.EPISODE), r.get(CATALOG_EPISODE.TVDB_SEASON),
                r.get(CATALOG_EPISODE.TVDB_EPISODE), r.get(CATALOG_EPISODE.ABSOLUTE),
                Language.fromLabel(r.get(CATALOG_RELEASE.LANGUAGE)).orElse(Language.GERMAN_DUB),
                Instant.parse(r.get(CATALOG_RELEASE.FIRST_SEEN)), r.get(CATALOG_RELEASE.HEIGHT),
                r.get(CATALOG_RELEASE.CODEC), r.get(CATALOG_TITLE.RUNTIME_MINUTES), r.get(CATALOG_EPISODE.TITLE_DE),
                r.get(CATALOG_EPISODE.TITLE_EN), StoredHosters.split(r.get(CATALOG_RELEASE.HOSTERS)),
                Integer.valueOf(1).equals(r.get(CATALOG_RELEASE.HOSTERS_PAIRED)));
    }

    private static List<String> ids(Set<SiteId> sites) {
        return sites.stream().map(SiteId::id).toList();
    }
}
