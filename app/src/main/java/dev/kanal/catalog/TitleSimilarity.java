package dev.kanal.catalog;

import java.util.HashMap;
import java.util.Map;

/**
 * How alike two normalized keys are, from 0 to 1: the Sørensen–Dice coefficient over character
 * bigrams (of the key with its spaces), which tolerates a dropped word, a typo or a different
 * transliteration without preferring short titles.
 */
public final class TitleSimilarity {
    private TitleSimilarity() {}

    /** 1.0 for equal keys, 0.0 when nothing is shared. Both arguments must be normalized keys. */
    public static double of(String a, String b) {
        if (a.equals(b)) return 1.0;
        if (a.length() < 2 || b.length() < 2) return 0.0;
        Map<Integer, Integer> grams = new HashMap<>();
        for (int i = 0; i < a.length() - 1; i++) grams.merge(bigram(a, i), 1, Integer::sum);
        int shared = 0;
        for (int i = 0; i < b.length() - 1; i++) {
            Integer left = grams.get(bigram(b, i));
            if (left != null && left > 0) {
                shared++;
                grams.put(bigram(b, i), left - 1);
            }
        }
        return 2.0 * shared / ((a.length() - 1) + (b.length() - 1));
    }

    private static int bigram(String s, int i) {
        return (s.charAt(i) << 16) | s.charAt(i + 1);
    }
}
