package dev.kanal.magnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MagnetCodecTest {
    private final MagnetCodec codec = new MagnetCodec();

    @Test
    void a_magnet_round_trips() {
        var ep = new EpisodeAddress(SiteId.ANIWORLD, "one-piece", 2, 13);
        var m = codec.create("One.Piece.S02E13.WEB-DL.German.Sub-KANAL", ep, Language.GERMAN_SUB, KanalMagnet.Mode.DOWNLOAD);
        String uri = codec.format(m);
        assertThat(uri).startsWith("magnet:?xt=urn:btih:" + m.infoHash() + "&dn=One.Piece.S02E13");
        assertThat(uri).contains("&kanal_site=aniworld&kanal_slug=one-piece&kanal_s=2&kanal_e=13&kanal_lang=German%20Sub");
        assertThat(codec.parse(uri)).isEqualTo(m);
    }

    @Test
    void the_hash_includes_site_and_mode() {
        var aw = new EpisodeAddress(SiteId.ANIWORLD, "x", 1, 1);
        var sto = new EpisodeAddress(SiteId.STO, "x", 1, 1);
        assertThat(codec.hashOf(aw, Language.GERMAN_DUB, KanalMagnet.Mode.DOWNLOAD))
                .isNotEqualTo(codec.hashOf(sto, Language.GERMAN_DUB, KanalMagnet.Mode.DOWNLOAD))
                .isNotEqualTo(codec.hashOf(aw, Language.GERMAN_DUB, KanalMagnet.Mode.STRM))
                .matches("[0-9a-f]{40}");
    }

    @Test
    void a_megakino_film_carries_no_season_or_episode() {
        var film = EpisodeAddress.movie(SiteId.MEGAKINO, "1234-inception");
        var m = codec.create("Inception.2010.WEB-DL.German-KANAL", film, Language.GERMAN_DUB, KanalMagnet.Mode.STRM);
        String uri = codec.format(m);
        assertThat(uri).doesNotContain("kanal_s=").endsWith("&kanal_mode=strm");
        assertThat(codec.parse(uri).episode().isMovie()).isTrue();
    }

    @Test
    void anibridge_magnets_are_understood() {
        String aw = "magnet:?xt=urn:btih:0123456789ABCDEF0123456789ABCDEF01234567&dn=Title.S01E02&aw_slug=title"
                + "&aw_s=1&aw_e=2&aw_lang=German+Dub&aw_site=aniworld.to";
        var m = codec.parse(aw);
        assertThat(m.infoHash()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(m.episode()).isEqualTo(new EpisodeAddress(SiteId.ANIWORLD, "title", 1, 2));
        assertThat(m.language()).isEqualTo(Language.GERMAN_DUB);

        String sto = "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=X&sto_slug=9-1-1&sto_s=1"
                + "&sto_e=2&sto_lang=Deutsch&sto_site=s.to&sto_mode=strm";
        assertThat(codec.parse(sto).episode().site()).isEqualTo(SiteId.STO);
        assertThat(codec.parse(sto).mode()).isEqualTo(KanalMagnet.Mode.STRM);
    }

    @Test
    void base32_hashes_become_hex() {
        String b32 = "AERUKZ4JVPG66AJDIVTYTK6N54ASGRLH"; // 0123456789abcdef...
        var m = codec.parse("magnet:?xt=urn:btih:" + b32 + "&kanal_site=sto&kanal_slug=x&kanal_s=1&kanal_e=1"
                + "&kanal_lang=German%20Dub");
        assertThat(m.infoHash()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://example.com/x.torrent",
            "magnet:?xt=urn:btih:abc&kanal_site=sto&kanal_slug=x&kanal_s=1&kanal_e=1&kanal_lang=German%20Dub",
            "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&kanal_slug=x&kanal_s=1&kanal_e=1&kanal_lang=German%20Dub",
            "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&kanal_site=sto&kanal_s=1&kanal_e=1&kanal_lang=German%20Dub",
            "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&kanal_site=sto&kanal_slug=x&kanal_s=1&kanal_e=1",
            "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&kanal_site=nope&kanal_slug=x&kanal_s=1&kanal_e=1&kanal_lang=German%20Dub",
            "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&kanal_site=sto&kanal_slug=x&kanal_s=1&kanal_e=1&kanal_lang=Klingon",
            "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&kanal_site=sto&kanal_slug=x&kanal_s=one&kanal_e=1&kanal_lang=German%20Dub",
            "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&kanal_site=sto&kanal_slug=..%2Fetc&kanal_s=1&kanal_e=1&kanal_lang=German%20Dub",
            "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&kanal_site=sto&kanal_slug=a%00b&kanal_s=1&kanal_e=1&kanal_lang=German%20Dub",
            "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=plain-torrent",
    })
    void magnets_naming_nothing_fetchable_are_refused(String uri) {
        assertThatThrownBy(() -> codec.parse(uri)).isInstanceOf(MagnetCodec.InvalidMagnet.class);
    }

    static final String GOOD = "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=Show%20S01E02"
            + "&kanal_site=aniworld&kanal_slug=show&kanal_s=1&kanal_e=2&kanal_lang=German%20Dub";

    /** Issue 13: control characters, repeated keys and contradicting values are refused, never listed. */
    @ParameterizedTest
    @ValueSource(strings = {
            "kanal_site=aniworld%00", "kanal_lang=German%20Dub%00", "kanal_slug=show%0D%0A", "kanal_slug=sh%0Aow",
            "kanal_lang=German%20Dub%0D", "kanal_s=1%09", "kanal_mode=strm%00", "kanal_site=aniworld%C2%85",
    })
    void a_control_character_in_any_kanal_value_is_refused(String replacement) {
        String key = replacement.substring(0, replacement.indexOf('='));
        String uri = GOOD.contains("&" + key + "=")
                ? GOOD.replaceAll("&" + key + "=[^&]*", "&" + replacement) : GOOD + "&" + replacement;
        assertThatThrownBy(() -> codec.parse(uri)).isInstanceOf(MagnetCodec.InvalidMagnet.class)
                .hasMessageContaining(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"&kanal_slug=other", "&kanal_slug=show", "&kanal_site=sto", "&KANAL_LANG=German%20Sub",
            "&kanal_e=3", "&dn=Other"})
    void a_key_given_twice_is_refused_even_with_the_same_value(String again) {
        assertThatThrownBy(() -> codec.parse(GOOD + again)).isInstanceOf(MagnetCodec.InvalidMagnet.class)
                .hasMessageContaining("more than once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"&kanal_s=1&kanal_e=", "&kanal_s=&kanal_e=2", "&kanal_s=1&kanal_e=0"})
    void values_that_contradict_each_other_are_refused(String numbers) {
        String uri = GOOD.replace("&kanal_s=1&kanal_e=2", numbers);
        assertThatThrownBy(() -> codec.parse(uri)).isInstanceOf(MagnetCodec.InvalidMagnet.class);
    }

    @Test
    void the_good_magnet_of_these_tests_parses() {
        assertThat(codec.parse(GOOD).episode()).isEqualTo(new dev.kanal.providers.EpisodeAddress(
                dev.kanal.providers.SiteId.ANIWORLD, "show", 1, 2));
    }

    @Test
    void values_are_percent_encoded_exactly_as_the_url_encoder_does_with_spaces_as_percent_20() {
        java.util.Random rnd = new java.util.Random(11);
        String alphabet = "abcXYZ019 .-*_~!#$&'()+,/:;=?@[]%\"<>\\^`{|}\t\u007f\u00e4\u00df\u30a2\uD83C\uDFAC";
        for (int n = 0; n < 5000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = rnd.nextInt(30); i > 0; i--) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            String v = sb.toString();
            assertThat(MagnetCodec.enc(v)).as(v).isEqualTo(
                    java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
    }
}
