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
}
