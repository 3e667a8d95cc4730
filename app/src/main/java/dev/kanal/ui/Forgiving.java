package dev.kanal.ui;

import dev.kanal.catalog.TitleSimilarity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page's forgiving title match, for what a person types rather than what Sonarr sends: a part
 * of a title ("frieren" for "Frieren: Beyond Journey's End", "attack tit"), a small typo per word
 * ("atack on titen"), or a loose spelling (character-bigram similarity). Works on normalized keys.
 */
final class Forgiving {
    /** Least score that is offered as "did you mean". */
    static final double THRESHOLD = 0.6;

    private Forgiving() {}

    /** A title the query may have meant, with the name that matched. */
    record Hit(int titleId, String name, double score) {}

    /** The best-scoring titles for {@code query} (a normalized key), best first, at most {@code limit}. */
    static List<Hit> rank(String query, List<TitleNames.Name> names, int limit) {
        if (query.isEmpty()) return List.of();
        String[] words = query.split(" ");
        int[] grams = TitleSimilarity.bigrams(query);
        Map<Integer, Hit> best = new HashMap<>();
        for (TitleNames.Name n : names) {
            double s = score(query, words, grams, n);
            if (s < THRESHOLD) continue;
            Hit old = best.get(n.titleId());
            if (old == null || old.score() < s) best.put(n.titleId(), new Hit(n.titleId(), n.name(), s));
        }
        List<Hit> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.name().length())
                .thenComparingInt(Hit::titleId));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    static double score(String query, String[] words, int[] grams, TitleNames.Name n) {
        String key = n.key();
        if (key.isEmpty()) return 0;
        if (key.equals(query)) return 1.0;
        double coverage = (double) query.length() / key.length();
        // a part of the title: its start, whole words, or the start of a word (someone still typing)
        int at = key.indexOf(query);
        if (at >= 0) {
            boolean wordStart = at == 0 || key.charAt(at - 1) == ' ';
            int end = at + query.length();
            boolean wordEnd = end == key.length() || key.charAt(end) == ' ';
            if (at == 0 && query.length() >= 3) return 0.9 + 0.08 * coverage;
            if (wordStart && wordEnd) return 0.88 + 0.08 * coverage;
            if (wordStart && query.length() >= 3) return 0.85 + 0.08 * coverage;
        }
        double byWord = wordScore(words, n.words());
        double loose = TitleSimilarity.of(grams, n.grams());
        return Math.max(byWord, loose);
    }

    /** Each typed word matched to its closest title word (exact, prefix, or one or two typos). */
    private static double wordScore(String[] typed, String[] title) {
        double sum = 0;
        int matched = 0;
        for (int i = 0; i < typed.length; i++) {
            String w = typed[i];
            double bestWord = 0;
            for (String t : title) {
                double s;
                if (t.equals(w)) s = 1.0;
                else if (w.length() >= 3 && t.startsWith(w)) s = 0.9;
                else {
                    int allowed = w.length() >= 8 ? 2 : w.length() >= 4 ? 1 : 0;
                    s = allowed > 0 && dev.kanal.config.Spelling.distance(w, t, allowed) <= allowed ? 0.85 : 0;
                }
                bestWord = Math.max(bestWord, s);
            }
            if (bestWord > 0) matched++;
            sum += bestWord;
        }
        if (matched == 0) return 0;
        double typedShare = sum / typed.length;
        double titleShare = Math.min(1.0, (double) matched / title.length);
        return typedShare * (0.8 + 0.2 * titleShare) * (matched == typed.length ? 1.0 : 0.7);
    }
}
