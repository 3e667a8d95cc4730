package dev.kanal.strm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Playlist rewriting on real-shaped playlists (VOE/edgeon masters, fMP4 and encrypted media playlists). */
class HlsRewriterTest {
    static final URI MASTER_URL = URI.create(
            "https://cdn-abcdefgh12345678.edgeon-bandwidth.com/engine/hls2-c/01/10234/x1y2z3_,n,l,.urlset/master.m3u8"
                    + "?t=TOKEN&s=1732170000&e=14400&f=51170&node=abc&i=1.2&sp=2500&asn=3320");

    /** Wraps every URI so the test sees exactly what was resolved. */
    static String proxy(URI u) {
        return "/strm/proxy/x?u=[" + u + "]";
    }

    static List<String> uriLines(String playlist) {
        return playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    @Test
    void voe_master_variants_and_iframe_playlists_point_at_the_proxy() {
        String master = """
                #EXTM3U
                #EXT-X-STREAM-INF:PROGRAM-ID=1,BANDWIDTH=2196085,RESOLUTION=1280x720,FRAME-RATE=23.974,CODECS="avc1.640029,mp4a.40.2",VIDEO-RANGE=SDR
                index-f1-v1-a1.m3u8?t=TOKEN&s=1732170000&e=14400
                #EXT-X-STREAM-INF:PROGRAM-ID=1,BANDWIDTH=890210,RESOLUTION=854x480,FRAME-RATE=23.974,CODECS="avc1.64001f,mp4a.40.2",VIDEO-RANGE=SDR
                index-f2-v1-a1.m3u8?t=TOKEN&s=1732170000&e=14400
                #EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=180522,RESOLUTION=1280x720,CODECS="avc1.640029",URI="iframes-f1-v1-a1.m3u8?t=TOKEN"
                """;

        String out = HlsRewriter.rewrite(master, MASTER_URL, HlsRewriterTest::proxy);

        String base = "https://cdn-abcdefgh12345678.edgeon-bandwidth.com/engine/hls2-c/01/10234/x1y2z3_,n,l,.urlset/";
        assertThat(uriLines(out)).containsExactly(
                "/strm/proxy/x?u=[" + base + "index-f1-v1-a1.m3u8?t=TOKEN&s=1732170000&e=14400]",
                "/strm/proxy/x?u=[" + base + "index-f2-v1-a1.m3u8?t=TOKEN&s=1732170000&e=14400]");
        assertThat(out).contains("URI=\"/strm/proxy/x?u=[" + base + "iframes-f1-v1-a1.m3u8?t=TOKEN]\"");
        assertThat(out).contains("BANDWIDTH=2196085,RESOLUTION=1280x720");
        assertThat(out).contains("CODECS=\"avc1.640029,mp4a.40.2\"");
        assertThat(out).doesNotContain("\nindex-");
        assertThat(out).endsWith("\n");
    }

    @Test
    void every_uri_bearing_tag_is_rewritten_and_absolute_uris_are_kept_whole() {
        String playlist = """
                #EXTM3U
                #EXT-X-SESSION-KEY:METHOD=AES-128,URI="https://keys.example/session.key"
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",NAME="Deutsch",LANGUAGE="de",URI="audio/de.m3u8"
                #EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Deutsch",URI=subs/de.m3u8
                #EXT-X-STREAM-INF:BANDWIDTH=1500000,AUDIO="aud",SUBTITLES="subs"
                /abs/path/video.m3u8
                #EXT-X-STREAM-INF:RESOLUTION=640x360
                https://other-cdn.example/v/low.m3u8?sig=1
                """;

        String out = HlsRewriter.rewrite(playlist, URI.create("https://cdn.example/hls/master.m3u8"),
                HlsRewriterTest::proxy);

        assertThat(out).contains("URI=\"/strm/proxy/x?u=[https://keys.example/session.key]\"");
        assertThat(out).contains("URI=\"/strm/proxy/x?u=[https://cdn.example/hls/audio/de.m3u8]\"");
        assertThat(out).contains("URI=/strm/proxy/x?u=[https://cdn.example/hls/subs/de.m3u8]");
        assertThat(uriLines(out)).containsExactly(
                "/strm/proxy/x?u=[https://cdn.example/abs/path/video.m3u8]",
                "/strm/proxy/x?u=[https://other-cdn.example/v/low.m3u8?sig=1]");
        assertThat(out).contains("#EXT-X-STREAM-INF:BANDWIDTH=2500000,RESOLUTION=640x360,AVERAGE-BANDWIDTH=2125000");
        assertThat(out).contains("BANDWIDTH=1500000,AUDIO=\"aud\",SUBTITLES=\"subs\",AVERAGE-BANDWIDTH=1275000");
    }

    @Test
    void media_playlist_segments_keys_maps_and_preload_hints_are_rewritten() {
        String media = """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:6
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXT-X-MAP:URI="init-v1-a1.mp4"
                #EXT-X-KEY:METHOD=AES-128,URI="https://cdn.example/key?id=7",IV=0x00000000000000000000000000000001
                #EXTINF:6.006,
                seg-1-v1-a1.m4s?t=TOKEN
                #EXTINF:6.006,
                seg-2-v1-a1.m4s?t=TOKEN
                #EXT-X-KEY:METHOD=NONE
                #EXT-X-PRELOAD-HINT:TYPE=PART,URI="seg-3-v1-a1.m4s?part=0"
                #EXT-X-ENDLIST
                """;

        String out = HlsRewriter.rewrite(media, URI.create("https://cdn.example/hls/a/index-v1-a1.m3u8?t=TOKEN"),
                HlsRewriterTest::proxy);

        assertThat(out).contains("#EXT-X-MAP:URI=\"/strm/proxy/x?u=[https://cdn.example/hls/a/init-v1-a1.mp4]\"");
        assertThat(out).contains("URI=\"/strm/proxy/x?u=[https://cdn.example/key?id=7]\",IV=0x");
        assertThat(out).contains("#EXT-X-KEY:METHOD=NONE");
        assertThat(out).contains("URI=\"/strm/proxy/x?u=[https://cdn.example/hls/a/seg-3-v1-a1.m4s?part=0]\"");
        assertThat(uriLines(out)).containsExactly(
                "/strm/proxy/x?u=[https://cdn.example/hls/a/seg-1-v1-a1.m4s?t=TOKEN]",
                "/strm/proxy/x?u=[https://cdn.example/hls/a/seg-2-v1-a1.m4s?t=TOKEN]");
        assertThat(out).contains("#EXTINF:6.006,", "#EXT-X-ENDLIST");
    }

    @Test
    void crlf_playlists_and_non_http_uris_are_handled() {
        String media = "#EXTM3U\r\n#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"skd://fairplay-key\"\r\n"
                + "#EXTINF:4,\r\nseg0.ts\r\n";

        String out = HlsRewriter.rewrite(media, URI.create("http://cdn.example/v/index.m3u8"), HlsRewriterTest::proxy);

        assertThat(out).doesNotContain("skd:").doesNotContain("#EXT-X-KEY");
        assertThat(uriLines(out)).containsExactly("/strm/proxy/x?u=[http://cdn.example/v/seg0.ts]");
    }

    @Test
    void media_and_master_playlists_are_told_apart() {
        assertThat(HlsRewriter.isMediaPlaylist("#EXTM3U\n#EXTINF:4,\nseg.ts\n")).isTrue();
        assertThat(HlsRewriter.isMediaPlaylist("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nv.m3u8\n")).isFalse();
        assertThat(HlsRewriter.syntheticMaster("/strm/proxy/index.m3u8?u=x", 2_500_000))
                .isEqualTo("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=2500000,AVERAGE-BANDWIDTH=2125000\n"
                        + "/strm/proxy/index.m3u8?u=x\n");
    }

    @Test
    void playlists_are_recognised_by_content_type_or_extension() {
        URI plain = URI.create("https://cdn.example/video");
        assertThat(HlsRewriter.looksLikePlaylist("application/vnd.apple.mpegurl; charset=utf-8", plain)).isTrue();
        assertThat(HlsRewriter.looksLikePlaylist("application/x-mpegURL", plain)).isTrue();
        assertThat(HlsRewriter.looksLikePlaylist("video/mp4", plain)).isFalse();
        assertThat(HlsRewriter.looksLikePlaylist(null, URI.create("https://cdn.example/a/master.m3u8?t=1"))).isTrue();
        assertThat(HlsRewriter.looksLikePlaylist("video/mp2t", URI.create("https://cdn.example/seg.ts"))).isFalse();
    }

    @Test
    void foreign_schemes_and_refused_addresses_are_dropped_with_their_segment_tags() {
        var allowance = dev.kanal.providers.http.UpstreamAllowance.parse("127.0.0.1/32");
        String media = "#EXTM3U\n#EXT-X-TARGETDURATION:4\n"
                + "#EXT-X-KEY:METHOD=AES-128,URI=\"file:///etc/passwd\"\n"
                + "#EXT-X-MAP:URI=\"http://10.1/init.mp4\"\n"
                + "#EXTINF:4,\nseg0.ts\n"
                + "#EXTINF:4,\n#EXT-X-BYTERANGE:100@0\ngopher://cdn.example/x\n"
                + "#EXTINF:4,\nhttp://169.254.43518/latest/meta-data\n"
                + "#EXTINF:4,\nhttp://127.0.0.1:8080/local.ts\n"
                + "#EXTINF:4,\ndata:video/mp2t;base64,AAAA\n#EXT-X-ENDLIST\n";

        String out = HlsRewriter.rewrite(media, URI.create("http://cdn.example/v/index.m3u8"), HlsRewriterTest::proxy,
                allowance);

        assertThat(uriLines(out)).containsExactly("/strm/proxy/x?u=[http://cdn.example/v/seg0.ts]",
                "/strm/proxy/x?u=[http://127.0.0.1:8080/local.ts]");
        assertThat(out).doesNotContain("#EXT-X-KEY", "#EXT-X-MAP", "BYTERANGE", "gopher", "169.254", "data:");
        assertThat(out.lines().filter(l -> l.startsWith("#EXTINF"))).hasSize(2);
        assertThat(out).startsWith("#EXTM3U\n").endsWith("#EXT-X-ENDLIST\n");
    }

    @Test
    void playlists_past_the_uri_or_size_cap_are_refused() {
        StringBuilder many = new StringBuilder("#EXTM3U\n");
        for (int i = 0; i <= HlsRewriter.MAX_URIS; i++) many.append("#EXTINF:1,\ns").append(i).append(".ts\n");
        URI base = URI.create("http://cdn.example/v/index.m3u8");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HlsRewriter.rewrite(many.toString(), base,
                HlsRewriterTest::proxy)).isInstanceOf(HlsRewriter.TooLarge.class);
        String longLines = "#EXTM3U\n" + ("#EXTINF:1,\n" + "a".repeat(3000) + ".ts\n").repeat(1500);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HlsRewriter.rewrite(longLines, base,
                HlsRewriterTest::proxy)).isInstanceOf(HlsRewriter.TooLarge.class);
    }
}
