package dev.kanal.torznab;

import dev.kanal.catalog.Catalog;
import dev.kanal.catalog.Release;
import dev.kanal.catalog.ReleaseQueries.EpisodeFilter;
import dev.kanal.catalog.ReleaseScope;
import dev.kanal.catalog.TitleNormalizer;
import dev.kanal.catalog.TitleQuery;
import dev.kanal.catalog.TitleResolver;
import dev.kanal.catalog.TitleSimilarity;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers Torznab searches from the catalog only: ids first, else the resolved title; Sonarr's
 * numbering for season/episode filters; absolute numbers for anime; the newest releases for an
 * empty query (RSS). Pages exactly by {@code offset}/{@code limit}. The only upstream work it may
 * trigger is the priority lane for a title whose details were never fetched.
 */
public final class TorznabSearch {
    private static final Pattern SXXEYY = Pattern.compile("(?i)^(?<title>.+?)[ .]+s(?<s>\\d{1,2})e(?<e>\\d{1,4})$");
    private static final Pattern SXX = Pattern.compile("(?i)^(?<title>.+?)[ .]+s(?<s>\\d{1,2})$");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("^(?<title>.+?)[ .]+(?<n>\\d{1,4})$");
    private static final int MAX_TITLES = 5;
    private static final int MAX_PRIORITY_FETCHES = 2;
    private static final TorznabRequest.Paging FIRST = new TorznabRequest.Paging(0, 1);

    private final Catalog catalog;
    private final ItemFactory items;
    /** Set on the searching thread when an answer asked for upstream work (a detail fetch, an IMDb lookup). */
    private final ThreadLocal<boolean[]> askedUpstream = ThreadLocal.withInitial(() -> new boolean[1]);

    public TorznabSearch(Catalog catalog, ItemFactory items) {
        this.catalog = catalog;
        this.items = items;
    }

    /**
     * Starts noting whether the searches this thread makes next ask for upstream work; {@link
     * #askedUpstream()} tells. Such an answer may change without a catalog change (a fetch that did not
     * fit the budget is asked again next time), so it is not one to keep.
     */
    void watch() {
        askedUpstream.get()[0] = false;
    }

    /** True when a search since {@link #watch()} on this thread asked for upstream work. */
    boolean askedUpstream() {
        return askedUpstream.get()[0];
    }

    /** {@code t=search}: the RSS feed when {@code q} is empty, else a text search across kinds. */
    List<TorznabItem> search(TorznabRequest.Search s) {
        Set<SiteId> sites = searchableSites();
        List<ReleaseScope> scopes = Categories.scopes(s.categories(), sites, null);
        if (s.q() == null) return rss(scopes, s.paging());
        return text(s.q(), sites, null, scopes, s.paging());
    }

    /** {@code t=tvsearch}. */
    List<TorznabItem> tv(TorznabRequest.TvSearch t) {
        Set<SiteId> sites = searchableSites();
        if (t.daily()) return List.of(); // no daily (date-numbered) shows on these sites
        List<ReleaseScope> scopes = Categories.scopes(t.categories(), sites, TitleKind.SERIES);
        if (t.isFeed()) return rss(scopes, t.paging());
        if (!t.hasIds() && t.q() == null) return List.of(); // an episode of no series Kanal can identify
        boolean numericQ = t.q() != null && t.q().matches("\\d{1,4}");
        List<Integer> titles = List.of();
        if (t.hasIds()) {
            titles = catalog.queries().titlesByIds(t.tvdb(), t.imdb(), t.tmdb(), t.tvmaze(), sites, TitleKind.SERIES);
        }
        if (titles.isEmpty() && t.q() != null && !numericQ) {
            if (t.season() == null && t.episode() == null) return text(t.q(), sites, TitleKind.SERIES, scopes, t.paging());
            titles = work(t.q(), t.season(), sites, TitleKind.SERIES);
        }
        EpisodeFilter filter;
        if (numericQ && t.hasIds()) filter = new EpisodeFilter.Absolute(Integer.parseInt(t.q()));
        else if (t.season() != null && t.episode() != null) filter = new EpisodeFilter.Episode(t.season(), t.episode());
        else if (t.season() != null) filter = new EpisodeFilter.Season(t.season());
        else if (t.episode() != null) filter = new EpisodeFilter.Absolute(t.episode());
        else filter = new EpisodeFilter.All();
        return releases(titles, filter, scopes, t.paging());
    }

    /** {@code t=movie}. */
    List<TorznabItem> movie(TorznabRequest.MovieSearch m) {
        Set<SiteId> sites = searchableSites();
        List<ReleaseScope> scopes = Categories.scopes(m.categories(), sites, TitleKind.MOVIE);
        List<Integer> titles = List.of();
        if (m.hasIds()) titles = catalog.queries().titlesByIds(null, m.imdb(), m.tmdb(), null, sites, TitleKind.MOVIE);
        // a film the catalog knows only by name: Megakino's search takes the IMDb id (asked once, within the budget)
        if (titles.isEmpty() && m.imdb() != null) {
            askedUpstream.get()[0] = true;
            titles = catalog.imdbLookup().find(m.imdb(), sites);
        }
        if (titles.isEmpty() && m.q() != null) titles = resolve(m.q(), sites, TitleKind.MOVIE);
        else if (!m.hasIds() && m.q() == null) return rss(scopes, m.paging());
        return releases(titles, new EpisodeFilter.All(), scopes, m.paging());
    }

    private List<TorznabItem> text(String q, Set<SiteId> sites, TitleKind kind, List<ReleaseScope> scopes,
            TorznabRequest.Paging paging) {
        Matcher se = SXXEYY.matcher(q);
        if (se.matches()) {
            int season = Integer.parseInt(se.group("s"));
            return releases(work(se.group("title"), season, sites, kind), new EpisodeFilter.Episode(
                    season, Integer.parseInt(se.group("e"))), scopes, paging);
        }
        Matcher s = SXX.matcher(q);
        TitleQuery parsed = TitleQuery.parse(q);
        if (s.matches() || parsed.season() != null) {
            // "X S2", "X Season 2", "X 2nd Season", "X II": that season of the work first
            String title = s.matches() ? s.group("title") : parsed.variants().getLast();
            int season = s.matches() ? Integer.parseInt(s.group("s")) : parsed.season();
            List<Integer> titles = work(title, season, sites, kind);
            EpisodeFilter filter = new EpisodeFilter.Season(season);
            // decided on the first item, not on the requested page, so every page answers the same question
            if (!releases(titles, filter, scopes, FIRST).isEmpty()) return releases(titles, filter, scopes, paging);
            if (s.matches()) {
                // the season's own entry, not yet numbered as TVDB numbers it
                return releases(ids(catalog.resolver().seasonEntries(title, season, sites)), new EpisodeFilter.All(),
                        scopes, paging);
            }
        }
        TitleResolver resolver = catalog.resolver();
        Matcher n = TRAILING_NUMBER.matcher(q);
        if (n.matches()) {
            // "Title 12": episode 12 of Title, unless the whole text names a title at least as well (a
            // year-like number: unless it names one at all)
            int number = Integer.parseInt(n.group("n"));
            boolean yearLike = number >= 1900 && number <= 2099;
            var prefix = resolver.closest(n.group("title"), sites, kind);
            if (!prefix.isEmpty() && resolver.closest(q, sites, kind, yearLike ? TitleResolver.THRESHOLD
                    : prefix.getFirst().score()).isEmpty()) {
                return releases(catalog.resolver().sameWork(sameTitle(prefix), sites), new EpisodeFilter.Absolute(number),
                        scopes, paging);
            }
        }
        var whole = resolver.closest(q, sites, kind);
        if (whole.isEmpty()) return episodeByTitle(q, sites, kind, scopes, paging);
        return releases(catalog.resolver().sameWork(sameTitle(whole), sites), new EpisodeFilter.All(), scopes, paging);
    }

    /**
     * Sonarr's special search, {@code q=<Series Title> <Episode Title>}: the longest leading words
     * that name a title, then the episodes whose German or English title matches the rest.
     */
    private List<TorznabItem> episodeByTitle(String q, Set<SiteId> sites, TitleKind kind, List<ReleaseScope> scopes,
            TorznabRequest.Paging paging) {
        String[] words = q.trim().split("\\s+");
        for (int n = words.length - 1; n >= 1; n--) {
            String head = String.join(" ", java.util.Arrays.copyOfRange(words, 0, n));
            List<Integer> titles = resolve(head, sites, kind);
            if (titles.isEmpty()) continue;
            String rest = TitleNormalizer.key(String.join(" ", java.util.Arrays.copyOfRange(words, n, words.length)));
            if (rest.isEmpty()) return List.of();
            List<TorznabItem> all = new ArrayList<>();
            for (Release r : catalog.queries().releases(titles, new EpisodeFilter.All())) {
                if (Categories.admitted(scopes, r) && (similar(rest, r.episodeTitleEn()) || similar(rest, r.episodeTitleDe()))) {
                    all.addAll(items.items(r, false));
                }
            }
            return page(all, paging);
        }
        return List.of();
    }

    private static boolean similar(String key, String episodeTitle) {
        return episodeTitle != null
                && TitleSimilarity.of(key, TitleNormalizer.key(episodeTitle)) >= TitleResolver.THRESHOLD;
    }

    private static List<TorznabItem> page(List<TorznabItem> all, TorznabRequest.Paging paging) {
        int from = Math.min(all.size(), paging.offset());
        return all.subList(from, Math.min(all.size(), from + paging.limit()));
    }

    private List<Integer> resolve(String text, Set<SiteId> sites, TitleKind kind) {
        return sameTitle(catalog.resolver().closest(text, sites, kind));
    }

    /**
     * The titles a name of a work stands for on every site: the resolved title, every title tied to
     * the same TVDB series, and for a season the pages or sequel entries that are that season.
     */
    private List<Integer> work(String text, Integer season, Set<SiteId> sites, TitleKind kind) {
        List<Integer> titles = new ArrayList<>(resolve(text, sites, kind));
        if (season != null) {
            for (Integer id : ids(catalog.resolver().seasonEntries(text, season, sites))) {
                if (!titles.contains(id)) titles.add(id);
            }
        }
        return catalog.resolver().sameWork(titles, sites);
    }

    private static List<Integer> ids(List<TitleResolver.Match> matches) {
        return matches.stream().map(TitleResolver.Match::titleId).toList();
    }

    /** The best match and the same title on other sites (scores within {@link TitleResolver#SAME_TITLE}). */
    private static List<Integer> sameTitle(List<TitleResolver.Match> matches) {
        if (matches.isEmpty()) return List.of();
        double best = matches.getFirst().score();
        return matches.stream().filter(m -> m.score() >= best - TitleResolver.SAME_TITLE).limit(MAX_TITLES)
                .map(TitleResolver.Match::titleId).toList();
    }

    private List<TorznabItem> releases(List<Integer> titles, EpisodeFilter filter, List<ReleaseScope> scopes,
            TorznabRequest.Paging paging) {
        if (titles.isEmpty() || scopes.isEmpty()) return List.of();
        List<Integer> missing = catalog.queries().withoutDetails(titles);
        if (!missing.isEmpty()) {
            askedUpstream.get()[0] = true;
            catalog.priority().ensureDetails(missing.subList(0, Math.min(missing.size(), MAX_PRIORITY_FETCHES)));
        }
        boolean absolute = filter instanceof EpisodeFilter.Absolute;
        List<TorznabItem> all = new ArrayList<>();
        for (Release r : catalog.queries().releases(titles, filter)) {
            if (Categories.admitted(scopes, r)) all.addAll(items.items(r, absolute));
        }
        int from = Math.min(all.size(), paging.offset());
        int to = Math.min(all.size(), from + paging.limit());
        return all.subList(from, to);
    }

    private List<TorznabItem> rss(List<ReleaseScope> scopes, TorznabRequest.Paging paging) {
        int per = items.itemsPerRelease();
        int skip = paging.offset() % per;
        int need = (skip + paging.limit() + per - 1) / per;
        List<TorznabItem> all = new ArrayList<>();
        for (Release r : catalog.queries().newest(scopes, paging.offset() / per, need)) all.addAll(items.items(r, false));
        int from = Math.min(all.size(), skip);
        return all.subList(from, Math.min(all.size(), from + paging.limit()));
    }

    private Set<SiteId> searchableSites() {
        Set<SiteId> sites = catalog.searchableSites();
        if (sites.isEmpty() && !catalog.enabledSites().isEmpty()) {
            var conditions = new dev.kanal.health.SiteConditions(catalog).all();
            if (conditions.values().stream().anyMatch(dev.kanal.health.UpstreamCondition::broken)) {
                throw new TorznabFailure(TorznabFailure.OTHER, "Kanal has no searchable site: " + conditions.entrySet()
                        .stream().map(e -> e.getKey().id() + " " + e.getValue().words()).collect(
                                java.util.stream.Collectors.joining("; "))
                        + ". " + conditions.values().stream().filter(dev.kanal.health.UpstreamCondition::broken)
                                .findFirst().map(dev.kanal.health.UpstreamCondition::hint).orElse("")
                        + " Status: /health/catalog");
            }
            throw new TorznabFailure(TorznabFailure.OTHER, "Kanal's catalog is still being built for every site ("
                    + String.join(", ", catalog.enabledSites().stream().map(SiteId::id).toList())
                    + "); searches work as soon as a site's title list is indexed. Progress: /health/catalog");
        }
        return sites;
    }
}
