package dev.kanal.catalog;

import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable in-memory snapshot of every title name (about a hundred bytes per name with its
 * bigrams: 20,000 titles with their alternative titles take a few MB): an exact-key map plus an inverted token index, so that
 * resolving a query never scans the database. Names that name a season or sequel are also found under
 * their canonical form ("Overlord III" under {@code overlord season 3}). Rebuilt from the catalog after each stage and swapped
 * in atomically by {@link TitleResolver}.
 */
final class TitleIndex {
    /**
     * One name of one title.
     *
     * @param searchText the name is a site's search text (s.to's {@code data-search}: the title and its
     *     alternatives run together), matched where a query's words appear in it as one run
     */
    record Entry(int titleId, SiteId site, TitleKind kind, Integer year, String key, boolean searchText,
            Integer tvdb) {
        Entry(int titleId, SiteId site, TitleKind kind, Integer year, String key) {
            this(titleId, site, kind, year, key, false, null);
        }

        Entry(int titleId, SiteId site, TitleKind kind, Integer year, String key, boolean searchText) {
            this(titleId, site, kind, year, key, searchText, null);
        }
    }

    static final TitleIndex EMPTY = new TitleIndex(List.of());

    private final List<Entry> entries;
    /** Each entry's key as {@link TitleSimilarity#bigrams}, computed once instead of per query. */
    private final int[][] grams;
    private final Map<String, int[]> exact;
    private final Map<String, int[]> tokens;
    private final Map<String, int[]> compact;
    private final Map<String, int[]> tokenPrefixes;
    /** Per title tied to a work: every title of that work (sure TVDB ties), the title included. */
    private final Map<Integer, List<Entry>> works;
    /** Leading letters of a word under which one-word names are found for typo matching. */
    static final int PREFIX = 3;

    TitleIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.grams = new int[this.entries.size()][];
        Map<String, List<Integer>> exactLists = new HashMap<>();
        Map<String, List<Integer>> tokenLists = new HashMap<>();
        Map<String, List<Integer>> compactLists = new HashMap<>();
        Map<String, List<Integer>> prefixLists = new HashMap<>();
        for (int i = 0; i < this.entries.size(); i++) {
            String key = this.entries.get(i).key();
            grams[i] = TitleSimilarity.bigrams(key);
            exactLists.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            String canonical = TitleQuery.canonicalOf(key);
            if (canonical != null) exactLists.computeIfAbsent(canonical, k -> new ArrayList<>()).add(i);
            compactLists.computeIfAbsent(compactKey(key), k -> new ArrayList<>()).add(i);
            if (key.indexOf(' ') < 0 && key.length() >= 7) {
                prefixLists.computeIfAbsent(key.substring(0, PREFIX), k -> new ArrayList<>()).add(i);
            }
            for (String token : new java.util.HashSet<>(List.of(key.split(" ")))) {
                if (!token.isEmpty()) tokenLists.computeIfAbsent(token, k -> new ArrayList<>()).add(i);
            }
        }
        this.exact = freeze(exactLists);
        this.tokens = freeze(tokenLists);
        this.compact = freeze(compactLists);
        this.tokenPrefixes = freeze(prefixLists);
        Map<Integer, Map<Integer, Entry>> byTvdb = new HashMap<>();
        for (Entry e : this.entries) {
            if (e.tvdb() != null) byTvdb.computeIfAbsent(e.tvdb(), k -> new java.util.TreeMap<>()).putIfAbsent(e.titleId(), e);
        }
        Map<Integer, List<Entry>> works = new HashMap<>();
        for (Map<Integer, Entry> titles : byTvdb.values()) {
            List<Entry> list = List.copyOf(titles.values());
            for (Integer id : titles.keySet()) works.put(id, list);
        }
        this.works = works;
    }

    private static Map<String, int[]> freeze(Map<String, List<Integer>> lists) {
        Map<String, int[]> out = new HashMap<>(lists.size() * 2);
        lists.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    Entry entry(int index) {
        return entries.get(index);
    }

    /** The bigrams of entry {@code index}'s key. */
    int[] grams(int index) {
        return grams[index];
    }

    int size() {
        return entries.size();
    }

    /** Entries whose key, or its canonical sequel form ({@link TitleQuery#canonical}), equals {@code key}. */
    int[] exact(String key) {
        return exact.getOrDefault(key, new int[0]);
    }

    /**
     * Entries whose {@link #compactKey} equals the key's ("SteinsGate" and "Steins Gate", "Law Order
     * SVU" and "Law and Order: SVU").
     */
    int[] compact(String key) {
        return compact.getOrDefault(compactKey(key), new int[0]);
    }

    private static final java.util.Set<String> INNER_STOP_WORDS = java.util.Set.of("a", "an", "the", "and", "or", "of");

    /**
     * A key the way Sonarr's {@code CleanSeriesTitle} compares titles: without spaces, and without
     * "a", "an", "the", "and", "or", "of" after the first word.
     */
    static String compactKey(String key) {
        String[] words = key.split(" ");
        StringBuilder sb = new StringBuilder(key.length());
        for (int w = 0; w < words.length; w++) {
            if (w > 0 && INNER_STOP_WORDS.contains(words[w])) continue;
            sb.append(words[w]);
        }
        return sb.toString();
    }

    /** One entry of each title of {@code titleId}'s work, ordered by title id; empty when it has no tie. */
    List<Entry> work(int titleId) {
        return works.getOrDefault(titleId, List.of());
    }

    /** One-word entries of at least seven letters starting with the same {@link #PREFIX} letters as {@code word}. */
    int[] withTokenPrefix(String word) {
        return word.length() < PREFIX ? new int[0] : tokenPrefixes.getOrDefault(word.substring(0, PREFIX), new int[0]);
    }

    /** Entries containing {@code token}. */
    int[] withToken(String token) {
        return tokens.getOrDefault(token, new int[0]);
    }
}
