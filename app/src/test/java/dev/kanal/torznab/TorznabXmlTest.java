package dev.kanal.torznab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TorznabXmlTest {
    @Test
    void an_error_description_with_characters_xml_cannot_carry_is_still_well_formed() {
        Feed f = Feed.parse(TorznabXml.error(900, "upstream said \u0001\u0008 \"<&>\" \uFFFE"));
        assertThat(f.errorCode()).isEqualTo("900");
        assertThat(f.errorDescription()).isEqualTo("upstream said  \"<&>\" ");
    }

    @Test
    void clean_keeps_every_character_xml_allows_and_drops_the_rest() {
        String ok = "Shingeki no Kyojin \u00e4\u00df \u30a2\u30cb\u30e1 \uD83C\uDFAC\t\n";
        assertThat(TorznabXml.clean(ok)).isSameAs(ok); // nothing to drop: not copied
        assertThat(TorznabXml.clean("a\u0000b\u001Fc\uD800d\uFFFFe\uD83C\uDFACf")).isEqualTo("abcde\uD83C\uDFACf");
        assertThat(TorznabXml.clean(null)).isEmpty();
    }
}
