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
        return atLeast(a, b, Double.NEGATIVE_INFINITY); // nothing is below that: the comparison always finishes
    }

    /**
     * {@link #of(int[], int[])} when it is at least {@code least}; otherwise some value below
     * {@code least} (no lower than the true one), found without finishing the comparison once the
     * bigrams left cannot lift it that high.
     */
    public static double atLeast(int[] a, int[] b, double least) {
        if (a.length == 0 || b.length == 0) return 0.0;
        int total = a.length + b.length;
        int shared = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else {
                if (a[i] < b[j]) i++;
                else j++;
                double most = 2.0 * (shared + Math.min(a.length - i, b.length - j)) / total;
                if (most < least) return most;
            }
        }
        return 2.0 * shared / total;
    }

    /** The key's character bigrams, packed and sorted; empty for keys shorter than two characters. */
    public static int[] bigrams(String key) {
        if (key.length() < 2) return NONE;
        int[] grams = new int[key.length() - 1];
        for (int i = 0; i < grams.length; i++) grams[i] = (key.charAt(i) << 16) | key.charAt(i + 1);
        Arrays.sort(grams);
        return grams;
    }

    /**
     * True when {@code a} becomes {@code b} with at most {@code max} single-character edits (insert,
     * delete, replace, or swap of neighbours: the typos people make). Stops as soon as a row exceeds it.
     */
    public static boolean withinEdits(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) return false;
        int[] before = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, before[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) return false;
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[m] <= max;
    }
}
