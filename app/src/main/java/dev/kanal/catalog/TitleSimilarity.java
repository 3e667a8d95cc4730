package dev.kanal.catalog;

import java.util.Arrays;

/**
 * How alike two normalized keys are, from 0 to 1: the Sørensen–Dice coefficient over character
 * bigrams (of the key with its spaces), which tolerates a dropped word, a typo or a different
 * transliteration without preferring short titles. Bigrams are packed into sorted {@code int}
 * arrays and intersected as multisets, so a comparison allocates two small arrays and boxes nothing.
 */
public final class TitleSimilarity {
    private static final int[] NONE = new int[0];

    private TitleSimilarity() {}

    /** 1.0 for equal keys, 0.0 when nothing is shared. Both arguments must be normalized keys. */
    public static double of(String a, String b) {
        if (a.equals(b)) return 1.0;
        return of(bigrams(a), bigrams(b));
    }

    /** {@link #of(String, String)} for keys already turned into {@link #bigrams}. */
    public static double of(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) return 0.0;
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * shared / (a.length + b.length);
    }

    /** The key's character bigrams, packed and sorted; empty for keys shorter than two characters. */
    public static int[] bigrams(String key) {
        if (key.length() < 2) return NONE;
        int[] grams = new int[key.length() - 1];
        for (int i = 0; i < grams.length; i++) grams[i] = (key.charAt(i) << 16) | key.charAt(i + 1);
        Arrays.sort(grams);
        return grams;
    }
}
