package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.catalog.TitleNormalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForgivingTest {
    static final List<TitleNames.Name> NAMES = List.of(
            name(1, "Frieren: Beyond Journey's End"), name(1, "Sousou no Frieren"),
            name(2, "Attack on Titan"), name(2, "Shingeki no Kyojin"),
            name(3, "Breaking Bad"), name(4, "Better Call Saul"),
            name(5, "Sword Art Online"), name(6, "Sword Art Online II"));

    static TitleNames.Name name(int id, String name) {
        return new TitleNames.Name(id, "aniworld", name, TitleNormalizer.key(name));
    }

    static List<Integer> ids(String typed) {
        return Forgiving.rank(TitleNormalizer.key(typed), NAMES, 5).stream().map(Forgiving.Hit::titleId).toList();
    }

    @Test
    void a_part_of_a_title_finds_it() {
        assertThat(ids("frieren").getFirst()).isEqualTo(1);
        assertThat(ids("attack tit").getFirst()).isEqualTo(2);
        assertThat(ids("Journey's End").getFirst()).isEqualTo(1);
        assertThat(ids("better call").getFirst()).isEqualTo(4);
    }

    @Test
    void a_small_typo_per_word_finds_it() {
        assertThat(ids("freiren").getFirst()).isEqualTo(1); // swapped letters
        assertThat(ids("Breking Baad").getFirst()).isEqualTo(3);
        assertThat(ids("atack on titen").getFirst()).isEqualTo(2);
        assertThat(ids("shingeki no kyojn").getFirst()).isEqualTo(2);
    }

    @Test
    void the_closer_of_two_related_titles_ranks_first() {
        assertThat(ids("sword art online").getFirst()).isEqualTo(5);
        assertThat(ids("sword art online ii").getFirst()).isEqualTo(6);
    }

    @Test
    void nothing_alike_finds_nothing() {
        assertThat(ids("Qqqxxzz Wvvyy")).isEmpty();
        assertThat(ids("the")).isEmpty();
        assertThat(Forgiving.rank("", NAMES, 5)).isEmpty();
    }

    @Test
    void edit_distance_counts_a_swap_of_neighbours_as_one() {
        assertThat(dev.kanal.config.Spelling.distance("freiren", "frieren", 1)).isEqualTo(1);
        assertThat(dev.kanal.config.Spelling.distance("titen", "titan", 1)).isEqualTo(1);
        assertThat(dev.kanal.config.Spelling.distance("abcdef", "uvwxyz", 2)).isEqualTo(3);
    }
}
