package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TorznabReleasesTest {
    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:torznab="http://torznab.com/schemas/2015/feed"><channel>
            <item><title>[KANAL] Frieren - 12 [WEB-DL][GER.SUB]</title>
              <enclosure url="magnet:?xt=urn:btih:abc&amp;dn=x" length="0" type="application/x-bittorrent"/>
              <torznab:attr name="category" value="5070"/><torznab:attr name="language" value="Japanese"/>
              <torznab:attr name="subs" value="German"/></item>
            <item><title>Some.Movie.2019.WEB-DL.ENG-KANAL</title>
              <enclosure url="http://kanal/dl/1" length="123" type="application/x-bittorrent"/>
              <torznab:attr name="category" value="2000"/><torznab:attr name="size" value="456"/>
              <torznab:attr name="magneturl" value="magnet:?xt=urn:btih:def"/></item>
            <item><title>Untagged.Show.S01E01</title><enclosure url="http://kanal/dl/2" length="9" type="x"/>
              <torznab:attr name="language" value="German"/><torznab:attr name="subs" value="English"/></item>
            </channel></rss>""";

    @Test
    void items_read_like_sonarr_reads_them() {
        List<Release> r = TorznabReleases.parse(FEED);
        assertThat(r).hasSize(3);
        assertThat(r.get(0)).isEqualTo(new Release("[KANAL] Frieren - 12 [WEB-DL][GER.SUB]", List.of(5070), 0,
                "German Sub", "magnet:?xt=urn:btih:abc&dn=x", null));
        assertThat(r.get(1).size()).isEqualTo(456);
        assertThat(r.get(1).magnet()).isEqualTo("magnet:?xt=urn:btih:def");
        assertThat(r.get(1).language()).isEqualTo("English Dub");
        assertThat(r.get(2).language()).isEqualTo("German (subtitles: English)");
        assertThat(r.get(2).size()).isEqualTo(9);
        assertThat(r.get(2).magnet()).isNull();
    }

    @Test
    void release_tags_pick_the_longest_match() {
        assertThat(TorznabReleases.languageOf("Show.S01E01.WEB-DL.GER.SUB-KANAL")).isEqualTo("German Sub");
        assertThat(TorznabReleases.languageOf("Show.S01E01.WEB-DL.GER-KANAL")).isEqualTo("German Dub");
        assertThat(TorznabReleases.languageOf("Show.S01E01.WEB-DL.ENG.SUB-KANAL")).isEqualTo("English Sub");
        assertThat(TorznabReleases.languageOf("Germany.S01E01.WEB-DL-KANAL")).isNull();
    }

    @Test
    void a_torznab_error_and_broken_xml_become_failures_with_the_reason() {
        assertThatThrownBy(() -> TorznabReleases.parse("<error code=\"100\" description=\"Incorrect user credentials\"/>"))
                .hasMessageContaining("Incorrect user credentials");
        assertThatThrownBy(() -> TorznabReleases.parse("<rss><channel>")).hasMessageContaining("not valid Torznab XML");
        assertThatThrownBy(() -> TorznabReleases.parse("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><rss>&e;</rss>"))
                .isInstanceOf(TorznabReleases.Failure.class);
    }
}
