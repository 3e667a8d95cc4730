package dev.kanal.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Resolves a search text to catalog titles, ranked by score: exact normalized names first, then the
 * closest names (character-bigram similarity) among titles sharing the query's words, with a small
 * bonus for a matching year and a penalty for a wrong one or the wrong kind. Scores below
 * {@link #THRESHOLD} are not matches. Equal scores across sites follow {@code KANAL_SITE_ORDER}.
 */
public final class TitleResolver {
    /** Least score that counts as a match. */
    public static final double THRESHOLD = 0.8;
    /** Titles within this distance of the best one are the same title on other sites. */
    public static final double SAME_TITLE = 0.02;
    private static final int COMMON_TOKEN = 4000;
    private static final int MAX_WORDS = 100;
    /** A query found as one run of words in a site's search text: below an exact name, above a fuzzy one. */
    static final double IN_SEARCH_TEXT = 0.95;
    /** A one-word query must be this long to be looked for inside search texts ("Haus" is too short). */
    private static final int MIN_RUN = 5;
    /** A query one or two typing mistakes away from a name (longer names allow two). */
    static final double TYPO = 0.85;
    private static final int MIN_TYPO_LENGTH = 8;
    /** Two typos in eight letters still leave this much bigram similarity: below it, no edit distance is computed. */
    private static final double TYPO_FLOOR = 0.5;
    /** A name that is the query plus more words is usually another title of the same family. */
    private static final double LONGER_NAME = 0.07;
    /** The most {@link #consider} adds to a similarity (a matching year). */
    private static final double MAX_BONUS = 0.03;
    /** A year that differs by more than one: for a film another film; for a series most likely another one. */
    private static final double WRONG_YEAR = 0.25;

    private final Supplier<List<TitleIndex.Entry>> loader;
    private final List<SiteId> siteOrder;
    private volatile Snapshot snapshot = new Snapshot(TitleIndex.EMPTY, 0);

    /** One index with the cache of answers computed from it; {@code generation} counts rebuilds. */
    private record Snapshot(TitleIndex index, Cache<String, List<Match>> cache, long generation) {
        Snapshot(TitleIndex index, long generation) {
            this(index, Caffeine.newBuilder().maximumSize(4096).build(), generation);
        }
    }

    /** A title the text names, with how sure the resolver is. */
    public record Match(int titleId, SiteId site, TitleKind kind, double score) {}

    /** Resolves over the names {@code queries} stores, preferring sites in {@code siteOrder}. */
    public TitleResolver(ReleaseQueries queries, List<SiteId> siteOrder) {
        this(queries::indexEntries, siteOrder);
    }

    TitleResolver(Supplier<List<TitleIndex.Entry>> loader, List<SiteId> siteOrder) {
        this.loader = loader;
        this.siteOrder = List.copyOf(siteOrder);
    }

    /**
     * Reloads every name from the catalog and swaps the new index in. Serialized, so a slow rebuild
     * started earlier can never replace a newer index with older data.
     */
    public synchronized void rebuild() {
        snapshot = new Snapshot(new TitleIndex(loader.get()), snapshot.generation() + 1);
    }

    /** Which index answers now: changes with every {@link #rebuild()}, so answers kept from an older one can be told apart. */
    public long generation() {
        return snapshot.generation();
    }

    /** Names in the index (for tests and health). */
    public int size() {
        return snapshot.index().size();
    }

    /**
     * Every title {@code text} names with a score of at least {@link #THRESHOLD}, best first.
     *
     * @param sites only titles of these sites
     * @param kind prefer this kind (null: any)
     */
    public List<Match> resolve(String text, Set<SiteId> sites, TitleKind kind) {
        TitleQuery query = TitleQuery.parse(text);
        if (query.key().isEmpty()) return List.of();
        Snapshot s = snapshot;
        String cacheKey = query.key() + "|" + sites + "|" + kind;
        return s.cache().get(cacheKey, k -> compute(s.index(), query, sites, kind, THRESHOLD, false));
    }

    /**
     * The best title {@code text} names and the titles within {@link #SAME_TITLE} of it (the same title
     * on other sites), best first: what {@link #resolve} gives cut to those, computed without scoring
     * the names that cannot be among them.
     */
    public List<Match> closest(String text, Set<SiteId> sites, TitleKind kind) {
        return closest(text, sites, kind, THRESHOLD);
    }

    /**
     * {@link #closest(String, Set, TitleKind)} among the matches scoring at least {@code floor}: empty
     * when {@code text} names nothing that well (a search asking whether a longer reading beats a
     * shorter one it already scored skips every name that cannot).
     */
    public List<Match> closest(String text, Set<SiteId> sites, TitleKind kind, double floor) {
        TitleQuery query = TitleQuery.parse(text);
        if (query.key().isEmpty()) return List.of();
        Snapshot s = snapshot;
        double least = Math.max(THRESHOLD, floor);
        String cacheKey = query.key() + "|" + sites + "|" + kind + "|closest " + least;
        return s.cache().get(cacheKey, k -> compute(s.index(), query, sites, kind, least, true));
    }

    /**
     * Titles that are one season of the work {@code text} names and are listed as their own entry
     * ("Stranger Things 4. Staffel", "Mob Psycho 100 II" for season 2): exact names only.
     */
    public List<Match> seasonEntries(String text, int season, Set<SiteId> sites) {
        TitleQuery query = TitleQuery.parse(text);
        if (query.key().isEmpty()) return List.of();
        TitleIndex index = snapshot.index();
        List<Match> out = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i : index.exact(TitleQuery.canonical(query.variants().getLast(), season))) {
            TitleIndex.Entry e = index.entry(i);
            if (sites.contains(e.site()) && seen.add(e.titleId())) out.add(new Match(e.titleId(), e.site(), e.kind(), 1.0));
        }
        return out;
    }

    /**
     * The given titles and every title of the same work (a sure TVDB tie) on {@code sites}, in the
     * given order then by id: what a search by one name of a work answers from. From memory.
     */
    public List<Integer> sameWork(List<Integer> titleIds, Set<SiteId> sites) {
        if (titleIds.isEmpty()) return List.of();
        TitleIndex index = snapshot.index();
        java.util.LinkedHashSet<Integer> out = new java.util.LinkedHashSet<>(titleIds);
        for (int id : titleIds) {
            for (TitleIndex.Entry e : index.work(id)) if (sites.contains(e.site())) out.add(e.titleId());
        }
        return List.copyOf(out);
    }

    /** The single best title, if any. */
    public java.util.Optional<Match> best(String text, Set<SiteId> sites, TitleKind kind) {
        return resolve(text, sites, kind).stream().findFirst();
    }

    /**
     * @param least the least score worth keeping ({@link #THRESHOLD} or more)
     * @param closest keep only the best and those within {@link #SAME_TITLE} of it: a name whose score
     *     cannot reach the best found so far minus that is not scored at all
     */
    private List<Match> compute(TitleIndex index, TitleQuery query, Set<SiteId> sites, TitleKind kind, double least,
            boolean closest) {
        Map<Integer, Match> best = new HashMap<>();
        double[] top = {Double.NEGATIVE_INFINITY}; // the best score so far
        int variants = query.variants().size();
        double[] penalties = new double[variants];
        boolean[] fuzzy = new boolean[variants];
        int steps = 0; // the canonical sequel form is the query itself, spelled the index's way: no penalty
        // every variant's exact and compact names first (cheap lookups that find the best scores early)
        for (int v = 0; v < variants; v++) {
            String variant = query.variants().get(v);
            if (v > 0 && !variant.endsWith(" season " + query.season())) steps++;
            double variantPenalty = 0.01 * steps;
            penalties[v] = variantPenalty;
            int[] exact = index.exact(variant);
            for (int i : exact) consider(best, top, index.entry(i), 1.0 - variantPenalty, query, sites, kind);
            if (anyOfTheYear(index, exact, query)) continue;
            int[] compact = index.compact(variant);
            for (int i : compact) consider(best, top, index.entry(i), 0.97 - variantPenalty, query, sites, kind);
            fuzzy[v] = !anyOfTheYear(index, compact, query); // a name of the year found: no fuzzy ones for this variant
        }
        for (int v = 0; v < variants; v++) {
            if (!fuzzy[v]) continue;
            String variant = query.variants().get(v);
            double variantPenalty = penalties[v];
            int[] grams = TitleSimilarity.bigrams(variant);
            boolean runnable = variant.indexOf(' ') > 0 || variant.length() >= MIN_RUN;
            boolean typoLength = variant.length() >= MIN_TYPO_LENGTH;
            int[] candidates = candidates(index, variant);
            // for the closest: search texts first, whose runs score high cheaply and so rule out more of the rest
            for (int pass = closest ? 0 : 1; pass < 2; pass++) for (int i : candidates) {
                TitleIndex.Entry e = index.entry(i);
                if (closest && e.searchText() != (pass == 0)) continue;
                if (!sites.contains(e.site())) continue;
                // Dice can be no higher than this: names of very different lengths are skipped unscored
                int[] other = index.grams(i);
                double bound = 2.0 * Math.min(grams.length, other.length) / Math.max(1, grams.length + other.length);
                boolean reachable = bound + MAX_BONUS >= THRESHOLD
                        || (bound >= TYPO_FLOOR && typoLength && !e.searchText());
                if (!reachable && !(e.searchText() && runnable)) continue;
                // the most this name could score: skipped unscored when that is below what is kept
                double need = closest ? Math.max(least, top[0] - SAME_TITLE) : least;
                double most = Math.max(reachable ? bound : 0.0, e.searchText() && runnable ? IN_SEARCH_TEXT : 0.0);
                if (!e.searchText() && typoLength && bound >= TYPO_FLOOR) most = Math.max(most, TYPO);
                if (ceiling(most - variantPenalty, e, kind) < need) continue;
                // below this the name is skipped whatever follows, so the comparison may stop there
                double stop = need - MAX_BONUS + (kind != null && e.kind() != kind ? 0.3 : 0.0) + variantPenalty - 1e-6;
                if (typoLength && !e.searchText() && ceiling(TYPO - variantPenalty, e, kind) >= need) {
                    stop = Math.min(stop, TYPO_FLOOR);
                }
                double similarity = reachable ? TitleSimilarity.atLeast(grams, other, stop) : 0.0;
                if (e.searchText() && runnable && containsRun(e.key(), variant)) {
                    similarity = Math.max(similarity, IN_SEARCH_TEXT);
                } else if (similarity < TYPO && similarity >= TYPO_FLOOR && variant.length() >= MIN_TYPO_LENGTH
                        && !e.searchText() && ceiling(TYPO - variantPenalty, e, kind) >= need
                        && TitleSimilarity.withinEdits(variant, e.key(), variant.length() >= 14 ? 2 : 1)) {
                    similarity = TYPO; // "Stranger Thigns", "Breaking Bda"
                } else if (!e.searchText() && e.key().length() > variant.length() && e.key().startsWith(variant)
                        && e.key().charAt(variant.length()) == ' ') {
                    similarity -= LONGER_NAME; // "Law & Order" is not "Law & Order: SVU"
                }
                if (ceiling(similarity - variantPenalty, e, kind) < need) continue; // below what is kept
                consider(best, top, e, similarity - variantPenalty, query, sites, kind);
            }
        }
        double keep = closest ? Math.max(least, top[0] - SAME_TITLE) : least;
        List<Match> ranked = new ArrayList<>();
        for (Match m : best.values()) if (m.score() >= keep) ranked.add(m);
        ranked.sort(Comparator.comparingDouble(Match::score).reversed()
                .thenComparingInt(m -> order(m.site()))
                .thenComparingInt(Match::titleId));
        return List.copyOf(ranked);
    }

    /**
     * The most a name of similarity {@code similarity} can score after {@link #consider}'s year and
     * kind adjustments (a hair above, so that rounding never skips a name that would be kept).
     */
    private static double ceiling(double similarity, TitleIndex.Entry e, TitleKind kind) {
        return similarity + MAX_BONUS - (kind != null && e.kind() != kind ? 0.3 : 0.0) + 1e-9;
    }

    private void consider(Map<Integer, Match> best, double[] top, TitleIndex.Entry e, double similarity,
            TitleQuery query, Set<SiteId> sites, TitleKind kind) {
        if (!sites.contains(e.site())) return;
        double score = similarity;
        if (query.year() != null && e.year() != null) {
            score += Math.abs(query.year() - e.year()) <= 1 ? MAX_BONUS : -WRONG_YEAR;
        }
        if (kind != null && e.kind() != kind) score -= 0.3;
        top[0] = Math.max(top[0], score);
        Match old = best.get(e.titleId());
        if (old == null || old.score() < score) best.put(e.titleId(), new Match(e.titleId(), e.site(), e.kind(), score));
    }

    /** True when {@code words} occur in {@code key} as whole words, one contiguous run. */
    static boolean containsRun(String key, String words) {
        for (int at = key.indexOf(words); at >= 0; at = key.indexOf(words, at + 1)) {
            int end = at + words.length();
            if ((at == 0 || key.charAt(at - 1) == ' ') && (end == key.length() || key.charAt(end) == ' ')) return true;
        }
        return false;
    }

    /** True when one of the entries is not ruled out by the query's year (a wrong year lets fuzzy names compete). */
    private static boolean anyOfTheYear(TitleIndex index, int[] entries, TitleQuery query) {
        for (int i : entries) {
            Integer year = index.entry(i).year();
            if (query.year() == null || year == null || Math.abs(query.year() - year) <= 1) return true;
        }
        return false;
    }

    /** Entries sharing the most words with the key (rare words first; very common words only alone). */
    private static int[] candidates(TitleIndex index, String key) {
        String[] words = key.split(" ");
        if (words.length > MAX_WORDS) words = java.util.Arrays.copyOf(words, MAX_WORDS); // no title is longer
        List<int[]> used = new ArrayList<>(words.length);
        List<int[]> common = new ArrayList<>(0);
        int total = 0;
        int commonTotal = 0;
        for (String w : words) {
            int[] postings = index.withToken(w);
            if (postings.length == 0) continue;
            if (postings.length > COMMON_TOKEN && words.length > 1) {
                common.add(postings);
                commonTotal += postings.length;
                continue;
            }
            used.add(postings);
            total += postings.length;
        }
        if (used.isEmpty() && common.size() > 1) {
            // every word is common ("The Last Saga" in a large catalog): the names holding all or all but one of them
            used = common;
            total = commonTotal;
        }
        if (used.isEmpty()) {
            // one unknown word ("Interstelar"): the names with a word of the same first letters may hold it misspelt
            return words.length == 1 && key.length() >= MIN_TYPO_LENGTH ? index.withTokenPrefix(key) : new int[0];
        }
        if (used.size() == 1) return used.getFirst();
        byte[] hits = new byte[index.size()]; // per entry: how many of the words it contains (≤ MAX_WORDS, fits a byte)
        int[] touched = new int[total];
        int count = 0;
        int most = 0;
        for (int[] postings : used) {
            for (int i : postings) {
                if (hits[i]++ == 0) touched[count++] = i;
                most = Math.max(most, hits[i]);
            }
        }
        int least = Math.max(1, most - 1);
        int n = 0;
        for (int t = 0; t < count; t++) if (hits[touched[t]] >= least) touched[n++] = touched[t];
        return java.util.Arrays.copyOf(touched, n);
    }

    private int order(SiteId site) {
        int i = siteOrder.indexOf(site);
        return i < 0 ? siteOrder.size() : i;
    }
}
