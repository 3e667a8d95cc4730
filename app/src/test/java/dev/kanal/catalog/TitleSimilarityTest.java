package dev.kanal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bigram similarity and its early-stopping form. */
class TitleSimilarityTest {
    private static final String[] WORDS = {"shadow", "blade", "the", "of", "moon", "mond", "academy", "akademie", "2",
        "ii", "season", "hero", "heros", "a", "ab", "stranger", "things", "thigns", "ü", "日本"};

    private static String key(Random random) {
        int n = 1 + random.nextInt(5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        return sb.toString();
    }

    @Test
    void at_least_is_the_similarity_whenever_that_reaches_the_floor_and_below_the_floor_otherwise() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int[] a = TitleSimilarity.bigrams(key(random));
            int[] b = TitleSimilarity.bigrams(key(random));
            double exact = TitleSimilarity.of(a, b);
            double least = random.nextInt(4) == 0 ? exact : random.nextDouble() * 1.1 - 0.05;
            double early = TitleSimilarity.atLeast(a, b, least);
            if (exact >= least) assertThat(early).isEqualTo(exact);
            else assertThat(early).isLessThan(least).isGreaterThanOrEqualTo(exact);
        }
    }

    @Test
    void similarity_of_equal_disjoint_and_empty_keys() {
        assertThat(TitleSimilarity.of("shadow blade", "shadow blade")).isEqualTo(1.0);
        assertThat(TitleSimilarity.of("abc", "xyz")).isEqualTo(0.0);
        assertThat(TitleSimilarity.atLeast(TitleSimilarity.bigrams("a"), TitleSimilarity.bigrams("ab"), 0.5)).isEqualTo(0.0);
    }
}
