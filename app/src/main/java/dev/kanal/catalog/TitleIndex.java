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
 * resolving a query never scans the database. Rebuilt from the catalog after each stage and swapped
 * in atomically by {@link TitleResolver}.
 */
final class TitleIndex {
    /** One name of one title. */
    record Entry(int titleId, SiteId site, TitleKind kind, Integer year, String key) {}

    static final TitleIndex EMPTY = new TitleIndex(List.of());

    private final List<Entry> entries;
    /** Each entry's key as {@link TitleSimilarity#bigrams}, computed once instead of per query. */
    private final int[][] grams;
    private final Map<String, int[]> exact;
    private final Map<String, int[]> tokens;
    private final Map<String, int[]> compact;

    TitleIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.grams = new int[this.entries.size()][];
        Map<String, List<Integer>> exactLists = new HashMap<>();
        Map<String, List<Integer>> tokenLists = new HashMap<>();
        Map<String, List<Integer>> compactLists = new HashMap<>();
        for (int i = 0; i < this.entries.size(); i++) {
            String key = this.entries.get(i).key();
            grams[i] = TitleSimilarity.bigrams(key);
            exactLists.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            compactLists.computeIfAbsent(key.replace(" ", ""), k -> new ArrayList<>()).add(i);
            for (String token : new java.util.HashSet<>(List.of(key.split(" ")))) {
                if (!token.isEmpty()) tokenLists.computeIfAbsent(token, k -> new ArrayList<>()).add(i);
            }
        }
        this.exact = freeze(exactLists);
        this.tokens = freeze(tokenLists);
        this.compact = freeze(compactLists);
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

    /** Entries whose key equals {@code key}. */
    int[] exact(String key) {
        return exact.getOrDefault(key, new int[0]);
    }

    /** Entries whose key without spaces equals {@code key} without spaces ("SteinsGate", "Steins Gate"). */
    int[] compact(String key) {
        return compact.getOrDefault(key.replace(" ", ""), new int[0]);
    }

    /** Entries containing {@code token}. */
    int[] withToken(String token) {
        return tokens.getOrDefault(token, new int[0]);
    }
}
