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

    @Test
    void a_hand_written_feed_reads_back_as_written_whatever_the_characters() {
        String title = "Tom & Jerry <Kurzfilme> \"Best\" 'of'\tS01E01 \u00e4\u00df \u30a2 \uD83C\uDFAC\u0001";
        String magnet = "magnet:?xt=urn:btih:abc&dn=Tom%20%26%20Jerry&kanal_site=sto&kanal_slug=a\"b<c>";
        TorznabItem item = new TorznabItem(title, "kanal-abc", magnet, "abc", java.time.Instant.parse("2026-03-01T07:08:09Z"),
                123L, java.util.List.of(5000, 5070), 81189, "tt0944947", 1396, "German", "English");
        String xml = new String(TorznabXml.rss(java.util.List.of(item), "http://host/torznab/api?t=search&q=a\"b"),
                java.nio.charset.StandardCharsets.UTF_8);
        Feed f = Feed.parse(xml);
        assertThat(f.items()).hasSize(1);
        Feed.Item i = f.items().getFirst();
        assertThat(i.title()).isEqualTo(TorznabXml.clean(title.replace("\u0001", "")));
        assertThat(i.link()).isEqualTo(magnet);
        assertThat(i.enclosureUrl()).isEqualTo(magnet);
        assertThat(i.attr("magneturl")).isEqualTo(magnet);
        assertThat(i.attrs("category")).containsExactly("5000", "5070");
        assertThat(i.attr("tvdbid")).isEqualTo("81189");
        assertThat(i.attr("imdbid")).isEqualTo("tt0944947");
        assertThat(i.attr("subs")).isEqualTo("English");
        assertThat(i.pubDate()).isEqualTo("Sun, 01 Mar 2026 07:08:09 +0000");
    }

    @Test
    void dates_are_written_as_the_rfc_822_formatter_writes_them() {
        java.util.Random rnd = new java.util.Random(7);
        for (int n = 0; n < 2000; n++) {
            java.time.Instant at = java.time.Instant.ofEpochSecond(rnd.nextLong(-2_000_000_000L, 8_000_000_000L));
            StringBuilder sb = new StringBuilder();
            TorznabXml.rfc822(sb, at);
            assertThat(sb.toString()).isEqualTo(TorznabXml.RFC_822.format(at));
        }
    }
}
