package dev.kanal.security;

import static dev.kanal.testing.QbClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.Wiring;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.security.HostileHoster.Answer;
import dev.kanal.strm.StrmLinks;
import dev.kanal.strm.StrmTarget;
import dev.kanal.strm.UrlSigner;
import dev.kanal.testing.Eventually;
import dev.kanal.testing.FakeSources;
import dev.kanal.testing.FakeSources.Hoster;
import dev.kanal.testing.QbClient;
import dev.kanal.testing.TestKanal;
import dev.kanal.testing.TestMedia;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile hoster on 127.0.0.1 (allowed by {@code KANAL_ALLOW_PRIVATE_UPSTREAMS=127.0.0.1/32}) tries
 * to make Kanal reach the home network, played by a server on 127.0.0.3 holding a secret, and to
 * serve pages on Kanal's origin. Downloads run the real yt-dlp and ffprobe; each attack must be
 * refused, the victim never contacted, and nothing written or served.
 */
class HostileUpstreamTest {
    private static final String SECRET = "SECRET-OF-THE-LAN";

    @TempDir
    static Path root;

    static HostileHoster hoster;
    static HostileHoster lan;
    static TestKanal kanal;
    static QbClient qb;
    static StrmLinks links;
    static Path downloads;
    static final FakeSources SOURCES = new FakeSources();
    static final MagnetCodec CODEC = new MagnetCodec();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        Path media = Files.createDirectories(root.resolve("media"));
        TestMedia.mp4(media, "episode.mp4", 2);
        TestMedia.hls(media, "hls", 2);
        hoster = new HostileHoster("127.0.0.1", media);
        // the victim even holds real media: a refusal must not depend on what it would answer
        lan = new HostileHoster("127.0.0.3", media);
        lan.answer("/secret", Answer.of("video/mp4", SECRET));
        kanal = TestKanal.start(root.resolve("kanal"), Map.of("KANAL_ALLOW_PRIVATE_UPSTREAMS", "127.0.0.1/32",
                "KANAL_DOWNLOAD_RETRIES", "0", "KANAL_DOWNLOAD_RETRY_DELAY", "1s"),
                Wiring.Overrides.none().withSources(SOURCES));
        downloads = kanal.config().storage().downloadDir();
        qb = new QbClient(kanal);
        qb.login();
        links = new StrmLinks(kanal.config().server().publicUrl(),
                new UrlSigner(kanal.config().security().signingKey()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        kanal.close();
        hoster.close();
        lan.close();
    }

    @AfterEach
    void the_home_network_was_never_contacted() {
        assertThat(lan.hits()).isEmpty();
    }

    static String lan(String path) {
        return "127.0.0.3:" + lan.port() + path;
    }

    // --- downloads (real yt-dlp through Kanal's egress proxy)

    @Test
    void host_less_and_encoded_private_addresses_are_refused() {
        int port = lan.port();
        List<String> urls = List.of("http://127.3:" + port + "/secret", "http://2130706435:" + port + "/secret",
                "http://0x7f.0.0.3:" + port + "/secret", "http://0177.0.0.3:" + port + "/secret",
                "http://[::ffff:127.0.0.3]:" + port + "/secret", "http://127.000.000.003:" + port + "/secret");
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            hashes.add(download("encoded-" + i, URI.create(urls.get(i))));
        }
        for (String hash : hashes) {
            JsonNode t = awaitEnd(hash);
            assertThat(t.path("state").asText()).as(t.toString()).isEqualTo("error");
            assertThat(t.path("comment").asText()).contains("127.0.0.3");
        }
        assertNothingWritten();
    }

    @Test
    void a_redirect_into_the_lan_is_refused() {
        hoster.answer("/redirect.mp4", Answer.redirect("http://" + lan("/secret")));
        hoster.answer("/redirect-hostless.mp4", Answer.redirect("http://127.3:" + lan.port() + "/secret"));
        String a = download("redirect", hoster.url("/redirect.mp4"));
        String b = download("redirect-hostless", hoster.url("/redirect-hostless.mp4"));
        for (String hash : List.of(a, b)) {
            JsonNode t = awaitEnd(hash);
            assertThat(t.path("state").asText()).as(t.toString()).isEqualTo("error");
            assertThat(t.path("comment").asText()).contains("refused by Kanal's address guard", "127.0.0.3");
        }
        assertNothingWritten();
    }

    @Test
    void hls_segments_keys_and_maps_pointing_inward_are_refused() throws IOException {
        String legit = hoster.url("/hls/seg000.ts").toString();
        String head = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-PLAYLIST-TYPE:VOD\n";
        hoster.answer("/inward-segment.m3u8", Answer.of("application/vnd.apple.mpegurl", head
                + "#EXTINF:1.0,\n" + legit + "\n#EXTINF:1.0,\nhttp://2130706435:" + lan.port() + "/secret\n"
                + "#EXT-X-ENDLIST\n"));
        hoster.answer("/inward-key.m3u8", Answer.of("application/vnd.apple.mpegurl", head
                + "#EXT-X-KEY:METHOD=AES-128,URI=\"http://" + lan("/key") + "\",IV=0x00000000000000000000000000000001\n"
                + "#EXTINF:1.0,\n" + legit + "\n#EXT-X-ENDLIST\n"));
        String a = download("inward-segment", hoster.url("/inward-segment.m3u8"));
        String b = download("inward-key", hoster.url("/inward-key.m3u8"));
        for (String hash : List.of(a, b)) {
            JsonNode t = awaitEnd(hash);
            assertThat(t.path("state").asText()).as(t.toString()).isEqualTo("error");
            assertThat(t.path("comment").asText()).contains("127.0.0.3");
        }
        assertNothingWritten();
    }

    @Test
    void a_playlist_posing_as_media_is_not_probed_into_the_lan() {
        hoster.answer("/playlist-as.mp4", Answer.of("video/mp4",
                "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\nhttp://" + lan("/secret") + "\n#EXT-X-ENDLIST\n"));
        JsonNode t = awaitEnd(download("playlist-as-media", hoster.url("/playlist-as.mp4")));
        assertThat(t.path("state").asText()).as(t.toString()).isEqualTo("error");
        assertNothingWritten();
    }

    @Test
    void html_and_svg_media_are_never_stored() {
        String page = "<html><script>steal(document.cookie)</script></html>";
        hoster.answer("/page.html", Answer.of("text/html", page));
        hoster.answer("/image.svg", Answer.of("image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"));
        hoster.answer("/lying.mp4", Answer.of("video/mp4", page));
        List<String> hashes = List.of(download("html-media", hoster.url("/page.html")),
                download("svg-media", hoster.url("/image.svg")), download("lying-media", hoster.url("/lying.mp4")));
        for (String hash : hashes) {
            JsonNode t = awaitEnd(hash);
            assertThat(t.path("state").asText()).as(t.toString()).isEqualTo("error");
        }
        assertNothingWritten();
    }

    @Test
    void an_ftp_redirect_or_segment_into_the_lan_is_not_followed() throws Exception {
        try (java.net.ServerSocket ftp = new java.net.ServerSocket()) {
            ftp.bind(new java.net.InetSocketAddress("127.0.0.3", 0));
            ftp.setSoTimeout(200);
            String target = "ftp://127.0.0.3:" + ftp.getLocalPort() + "/secret.mp4";
            hoster.answer("/to-ftp.mp4", Answer.redirect(target));
            hoster.answer("/ftp-segment.m3u8", Answer.of("application/vnd.apple.mpegurl",
                    "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n" + target + "\n#EXT-X-ENDLIST\n"));
            String a = download("ftp-redirect", hoster.url("/to-ftp.mp4"));
            String b = download("ftp-segment", hoster.url("/ftp-segment.m3u8"));
            List<String> accepted = new ArrayList<>();
            JsonNode ta = awaitEnd(a);
            JsonNode tb = awaitEnd(b);
            while (true) {
                try (Socket s = ftp.accept()) {
                    accepted.add(s.toString());
                } catch (java.net.SocketTimeoutException e) {
                    break;
                }
            }
            assertThat(ta.path("state").asText()).isEqualTo("error");
            assertThat(tb.path("state").asText()).isEqualTo("error");
            assertThat(accepted).as(ta.path("comment").asText() + " / " + tb.path("comment").asText()).isEmpty();
        }
        assertNothingWritten();
    }

    // --- the stream proxy

    @Test
    void an_html_answer_is_refused_not_served_on_kanals_origin() {
        hoster.answer("/page.mp4", Answer.of("text/html; charset=utf-8", "<script>steal(document.cookie)</script>"));
        var response = play("html-page", hoster.url("/page.mp4"));
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("<script");
        assertHardened(response);
    }

    @Test
    void an_svg_playlist_child_is_refused() {
        hoster.answer("/evil.svg", Answer.of("image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>steal()</script></svg>"));
        var target = target("svg-child");
        SOURCES.script("svg-child", Hoster.serving("VOE", hoster.url("/hls/index.m3u8")));
        var response = kanal.get(links.proxyPath(hoster.url("/evil.svg"), target));
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).doesNotContain("<svg");
        assertHardened(response);
    }

    @Test
    void media_is_served_with_nosniff_and_a_sandbox() {
        var response = play("good-mp4", hoster.url("/episode.mp4"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("video/mp4");
        assertHardened(response);
        var forged = kanal.get("/strm/stream/x.mp4?v=1&sig=00");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertHardened(forged);
    }

    @Test
    void rewritten_playlists_drop_foreign_schemes_and_private_targets() {
        int port = lan.port();
        String playlist = "#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:1\n"
                + "#EXT-X-KEY:METHOD=AES-128,URI=\"file:///etc/passwd\"\n"
                + "#EXT-X-MAP:URI=\"http://0x7f.0.0.3:" + port + "/init.mp4\"\n"
                + "#EXT-X-KEY:METHOD=AES-128,URI=\"http://127.3:" + port + "/key\"\n"
                + "#EXTINF:1.0,\nseg000.ts\n"
                + "#EXTINF:1.0,\nfile:///etc/passwd\n"
                + "#EXTINF:1.0,\ngopher://127.0.0.1:70/_GET\n"
                + "#EXTINF:1.0,\ndata:video/mp2t;base64,AAAA\n"
                + "#EXTINF:1.0,\nhttp://2130706435:" + port + "/secret\n"
                + "#EXTINF:1.0,\nhttp://[::ffff:127.0.0.3]:" + port + "/secret\n"
                + "#EXTINF:1.0,\nseg001.ts\n#EXT-X-ENDLIST\n";
        hoster.answer("/hls/hostile.m3u8", Answer.of("application/vnd.apple.mpegurl", playlist));
        var master = play("hostile-playlist", hoster.url("/hls/hostile.m3u8"));
        assertThat(master.statusCode()).isEqualTo(200);
        String child = uriLines(master.body()).get(0);
        var rewritten = kanal.get(child);
        assertThat(rewritten.statusCode()).isEqualTo(200);
        String out = rewritten.body();
        assertThat(out).doesNotContain("#EXT-X-KEY", "#EXT-X-MAP", "file:", "gopher:", "data:");
        // the segments sit beside the playlist: relative references the player resolves to the same short link
        assertThat(uriLines(out)).containsExactly("seg000.ts", "seg001.ts");
        assertThat(out.lines().filter(l -> l.startsWith("#EXTINF"))).hasSize(2);
        assertHardened(rewritten);
        for (String segment : uriLines(out)) {
            assertThat(kanal.get(URI.create(child).resolve(segment).toString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_huge_playlist_is_refused_instead_of_amplified() {
        StringBuilder huge = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:1\n");
        while (huge.length() < 3_900_000) huge.append("#EXTINF:1,\na\n");
        hoster.answer("/hls/huge.m3u8", Answer.of("application/vnd.apple.mpegurl", huge.toString()));
        String path = links.proxyPath(hoster.url("/hls/huge.m3u8"), target("huge"));
        SOURCES.script("huge", Hoster.serving("VOE", hoster.url("/hls/index.m3u8")));
        var response = kanal.get(path);
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("playlist").hasSizeLessThan(2_000);
        assertHardened(response);
    }

    @Test
    void a_redirect_or_host_less_source_into_the_lan_is_refused_by_the_proxy() {
        hoster.answer("/to-lan.mp4", Answer.redirect("http://" + lan("/secret")));
        assertThat(play("proxy-redirect", hoster.url("/to-lan.mp4")).statusCode()).isEqualTo(403);
        var hostless = play("proxy-hostless", URI.create("http://127.3:" + lan.port() + "/secret"));
        assertThat(hostless.statusCode()).isEqualTo(403);
        assertThat(hostless.body()).doesNotContain(SECRET);
        var numeric = play("proxy-numeric", URI.create("http://2130706435:" + lan.port() + "/secret"));
        assertThat(numeric.statusCode()).isEqualTo(403);
        assertHardened(numeric);
    }

    @Test
    void a_file_source_is_a_clean_refusal() {
        var response = play("file-source", URI.create("file:///etc/passwd"));
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).doesNotContain("root:").doesNotContain("Exception");
    }

    // --- helpers

    static HttpResponse<String> play(String slug, URI source) {
        SOURCES.script(slug, Hoster.serving("VOE", source));
        URI url = links.streamUrl(target(slug));
        return kanal.get(url.getRawPath() + "?" + url.getRawQuery());
    }

    static StrmTarget target(String slug) {
        return new StrmTarget(new EpisodeAddress(SiteId.STO, slug, 1, 1), Language.GERMAN_SUB);
    }

    static void assertHardened(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Content-Security-Policy")).contains("sandbox");
    }

    static List<String> uriLines(String playlist) {
        return playlist.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    static String download(String slug, URI source) {
        SOURCES.script(slug, Hoster.serving("VOE", source));
        var episode = new EpisodeAddress(SiteId.ANIWORLD, slug, 1, 1);
        String magnet = CODEC.format(CODEC.create("Show " + slug + " S01E01 GER 1080p WEB h264-KANAL", episode,
                Language.GERMAN_DUB, KanalMagnet.Mode.DOWNLOAD));
        Map<String, String> f = new LinkedHashMap<>(form("category", "tv-sonarr"));
        f.put("urls", magnet);
        assertThat(qb.post("/api/v2/torrents/add", f).body()).isEqualTo("Ok.");
        return CODEC.parse(magnet).infoHash();
    }

    static JsonNode awaitEnd(String hash) {
        return Eventually.await("torrent " + hash + " finished or failed", Duration.ofSeconds(90), () -> {
            try {
                JsonNode list = JSON.readTree(qb.get("/api/v2/torrents/info?hashes=" + hash).body());
                return list.isEmpty() ? null : list.get(0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, t -> t != null && List.of("stoppedUP", "error").contains(t.path("state").asText()));
    }

    /** No media and no secret anywhere below the download folder. */
    static void assertNothingWritten() {
        if (!Files.exists(downloads)) return;
        try (Stream<Path> files = Files.walk(downloads)) {
            List<Path> written = files.filter(Files::isRegularFile).toList();
            for (Path p : written) {
                assertThat(Files.readString(p, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
            }
            assertThat(written).as("files below the download folder: " + Arrays.toString(written.toArray()))
                    .isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
