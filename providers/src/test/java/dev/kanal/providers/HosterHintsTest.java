package dev.kanal.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HosterHintsTest {
    @Test
    void a_row_with_several_flags_lists_every_hoster_under_each_language_unpaired() {
        HosterHints hints = HosterHints.ofRow(Set.of(Language.GERMAN_DUB, Language.GERMAN_SUB),
                List.of("VOE", "Filemoon", "VOE", " "));
        assertThat(hints.paired()).isFalse();
        assertThat(hints.forLanguage(Language.GERMAN_DUB)).containsExactly("VOE", "Filemoon");
        assertThat(hints.forLanguage(Language.GERMAN_SUB)).containsExactly("VOE", "Filemoon");
        assertThat(hints.forLanguage(Language.ENGLISH_SUB)).isEmpty();
    }

    @Test
    void a_row_with_one_flag_is_paired() {
        assertThat(HosterHints.ofRow(Set.of(Language.GERMAN_SUB), List.of("VOE")).paired()).isTrue();
    }

    @Test
    void a_row_without_flags_or_icons_shows_nothing() {
        assertThat(HosterHints.ofRow(Set.of(), List.of("VOE"))).isEqualTo(HosterHints.NONE);
        assertThat(HosterHints.ofRow(Set.of(Language.GERMAN_DUB), List.of())).isEqualTo(HosterHints.NONE);
    }

    @Test
    void episode_page_links_group_by_their_own_language() {
        URI u = URI.create("https://example.invalid/redirect/1");
        HosterHints hints = HosterHints.ofLinks(List.of(new HosterLink("VOE", Language.GERMAN_DUB, u),
                new HosterLink("Doodstream", Language.GERMAN_SUB, u), new HosterLink("Filemoon", Language.GERMAN_DUB, u)));
        assertThat(hints).isEqualTo(new HosterHints(Map.of(Language.GERMAN_DUB, List.of("VOE", "Filemoon"),
                Language.GERMAN_SUB, List.of("Doodstream")), true));
        assertThat(HosterHints.ofLinks(List.of())).isEqualTo(HosterHints.NONE);
    }

    @Test
    void languages_without_names_are_dropped() {
        assertThat(new HosterHints(Map.of(Language.GERMAN_DUB, List.of()), true).isEmpty()).isTrue();
    }
}
