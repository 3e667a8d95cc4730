package dev.kanal.ui;

import dev.kanal.KanalException;
import dev.kanal.catalog.Catalog;
import dev.kanal.catalog.Release;
import dev.kanal.catalog.ReleaseQueries.EpisodeFilter;
import dev.kanal.catalog.TitleNormalizer;
import dev.kanal.catalog.TitleResolver;
import dev.kanal.providers.SiteId;
import dev.kanal.torznab.ReleaseOffers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page's search, read in-process from the catalog through the query objects Torznab uses (the
 * {@link TitleResolver}, {@code ReleaseQueries}, and {@link ReleaseOffers} for the names and magnets
 * Sonarr gets), but forgiving as a person expects: when the resolver finds no title, or only a near
 * one, a {@link Forgiving} match over every name answers and says "did you mean". Results come
 * grouped by episode (Sonarr's numbering) and language, every offer with its magnet.
 */
public final class PageSearch {
    static final int MAX_QUERY = 200;
    /** Releases shown at most (a long anime has thousands); the rest are counted. */
    static final int MAX_RELEASES = 400;
    private static final int MAX_TITLES = 5;
    private static final int MAX_SUGGESTIONS = 5;
    /** Below this resolver score the match was not the typed name itself: say which title it took. */
    private static final double EXACT = 0.97;
    private static final Pattern EPISODE = Pattern.compile(
            "(?i)^(?<title>.+?)[ .]+s(?<s>\\d{1,2})(?:[ .]*e(?<e>\\d{1,4}))?$");

    private final Catalog catalog;
    private final ReleaseOffers offers;
    private final TitleNames names;

    public PageSearch(Catalog catalog, ReleaseOffers offers, TitleNames names) {
        this.catalog = catalog;
        this.offers = offers;
        this.names = names;
    }

    /** A search as typed on the page: trimmed, not blank, not absurdly long. */
    record Query(String text) {
        static Query of(String raw) {
            if (raw == null || raw.isBlank()) throw new KanalException.BadRequest("type a title to search for");
            if (raw.length() > MAX_QUERY) {
                throw new KanalException.BadRequest("the search is longer than " + MAX_QUERY + " characters");
            }
            return new Query(raw.strip());
        }
    }

    /**
     * The answer.
     *
     * @param did_you_mean the title the page searched instead of the typed text, or null when the
     *     text named a title as typed
     * @param suggestions other titles the text may mean (click to search them)
     * @param works the titles the results come from, one per site
     * @param releases how many releases matched; {@code truncated} when more than are shown
     */
    record Result(String query, String did_you_mean, List<String> suggestions, List<Work> works,
            List<Group> groups, int releases, boolean truncated) {}

    record Work(String site, String title, Integer year, String kind) {}

    /** One episode (or film) with its languages. */
    record Group(String label, Integer season, Integer episode, String episode_title, List<LanguageRow> languages) {}

    record LanguageRow(String language, List<Offer> offers) {}

    /** A release on one site: its Torznab title and magnet, and whether grabbing it writes a .strm file. */
    record Offer(String site, String title, String magnet, long size, List<Integer> categories, boolean strm,
            Integer height) {}

    Result search(Query q) {
        Set<SiteId> sites = catalog.searchableSites();
        if (sites.isEmpty()) {
            if (catalog.enabledSites().isEmpty()) throw new KanalException.Unavailable("no site is enabled (KANAL_SITES)");
            throw new KanalException.Unavailable("Kanal's catalog is still being built; searches work as soon as a"
                    + " site's title list is indexed (progress: the Catalog view)");
        }
        String text = q.text();
        EpisodeFilter filter = new EpisodeFilter.All();
        Matcher m = EPISODE.matcher(text);
        if (m.matches()) {
            text = m.group("title");
            int season = Integer.parseInt(m.group("s"));
            filter = m.group("e") == null ? new EpisodeFilter.Season(season)
                    : new EpisodeFilter.Episode(season, Integer.parseInt(m.group("e")));
        }
        String key = TitleNormalizer.key(text);
        Set<String> siteIds = new LinkedHashSet<>();
        for (SiteId s : sites) siteIds.add(s.id());
        List<TitleNames.Name> searchable = names.all().stream().filter(n -> siteIds.contains(n.site())).toList();
        List<Forgiving.Hit> hits = Forgiving.rank(key, searchable, MAX_TITLES + MAX_SUGGESTIONS);

        List<TitleResolver.Match> exact = catalog.resolver().resolve(text, sites, null);
        List<Integer> titles;
        String didYouMean = null;
        if (!exact.isEmpty()) {
            titles = sameTitle(exact);
            if (exact.getFirst().score() < EXACT) {
                didYouMean = nameOf(exact.getFirst().titleId(), hits);
                if (didYouMean == null) didYouMean = text;
            }
        } else if (!hits.isEmpty()) {
            Forgiving.Hit best = hits.getFirst();
            didYouMean = best.name();
            List<TitleResolver.Match> again = catalog.resolver().resolve(best.name(), sites, null);
            titles = again.isEmpty() ? List.of(best.titleId()) : sameTitle(again);
            if (!titles.contains(best.titleId())) titles = List.of(best.titleId());
        } else {
            titles = List.of();
        }
        List<String> suggestions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (didYouMean != null) seen.add(TitleNormalizer.key(didYouMean));
        for (Forgiving.Hit h : hits) {
            if (titles.contains(h.titleId()) || !seen.add(TitleNormalizer.key(h.name()))) continue;
            if (suggestions.size() < MAX_SUGGESTIONS) suggestions.add(h.name());
        }
        if (titles.isEmpty()) return new Result(q.text(), null, suggestions, List.of(), List.of(), 0, false);

        List<Integer> missing = catalog.queries().withoutDetails(titles);
        if (!missing.isEmpty()) catalog.priority().ensureDetails(missing.subList(0, Math.min(2, missing.size())));
        List<Release> releases = catalog.queries().releases(titles, filter);
        if (didYouMean != null) {
            // say it with the work's title (TVDB's once mapped), whichever of its names matched
            int first = titles.getFirst();
            didYouMean = releases.stream().filter(r -> r.titleId() == first).map(Release::displayTitle).findFirst()
                    .orElse(didYouMean);
        }
        return new Result(q.text(), didYouMean, suggestions, works(releases), groups(releases), releases.size(),
                releases.size() > MAX_RELEASES);
    }

    /** The best match and the same work on other sites (scores within {@link TitleResolver#SAME_TITLE}). */
    private static List<Integer> sameTitle(List<TitleResolver.Match> matches) {
        double best = matches.getFirst().score();
        return matches.stream().filter(x -> x.score() >= best - TitleResolver.SAME_TITLE).limit(MAX_TITLES)
                .map(TitleResolver.Match::titleId).toList();
    }

    private static String nameOf(int titleId, List<Forgiving.Hit> hits) {
        return hits.stream().filter(h -> h.titleId() == titleId).map(Forgiving.Hit::name).findFirst().orElse(null);
    }

    private static List<Work> works(List<Release> releases) {
        Map<Integer, Work> out = new LinkedHashMap<>();
        for (Release r : releases) {
            out.putIfAbsent(r.titleId(), new Work(r.site().id(), r.displayTitle(), r.year(),
                    r.kind().name().toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(out.values());
    }

    private List<Group> groups(List<Release> releases) {
        Map<String, Map<String, List<Offer>>> byEpisode = new LinkedHashMap<>();
        Map<String, Release> first = new LinkedHashMap<>();
        for (Release r : releases.subList(0, Math.min(releases.size(), MAX_RELEASES))) {
            String label = r.isMovie() ? r.displayTitle() + (r.year() == null ? "" : " (" + r.year() + ")")
                    : String.format(Locale.ROOT, "S%02dE%02d", r.tvdbSeason(), r.tvdbEpisode());
            first.putIfAbsent(label, r);
            Map<String, List<Offer>> languages = byEpisode.computeIfAbsent(label, k -> new LinkedHashMap<>());
            List<Offer> row = languages.computeIfAbsent(r.language().label(), k -> new ArrayList<>());
            for (ReleaseOffers.Offer o : offers.of(r)) {
                row.add(new Offer(r.site().id(), o.title(), o.magnet(), o.size(), o.categories(), o.strm(), r.height()));
            }
        }
        List<Group> out = new ArrayList<>();
        byEpisode.forEach((label, languages) -> {
            Release r = first.get(label);
            List<LanguageRow> rows = new ArrayList<>();
            languages.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(PageSearch::languageOrder)))
                    .forEach(e -> rows.add(new LanguageRow(e.getKey(), List.copyOf(e.getValue()))));
            String episodeTitle = r.episodeTitleEn() != null ? r.episodeTitleEn() : r.episodeTitleDe();
            out.add(new Group(label, r.isMovie() ? null : r.tvdbSeason(), r.isMovie() ? null : r.tvdbEpisode(),
                    r.isMovie() ? null : episodeTitle, List.copyOf(rows)));
        });
        return out;
    }

    private static int languageOrder(String label) {
        return dev.kanal.providers.Language.fromLabel(label).map(Enum::ordinal).orElse(99);
    }
}
