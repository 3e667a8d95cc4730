package dev.kanal.strm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.Wiring;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.testing.TestKanal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stream proxy end to end: real Kanal, real ffmpeg media, a local CDN, a fake hoster resolver. */
class StreamProxyTest {
    @TempDir
    static Path root;

    static TestMedia media;
    static FakeUpstream cdn;
    static FakeSources sources;
    static TestKanal kanal;
    static StrmLinks links;
    static byte[] mp4;
    static final AtomicInteger episodes = new AtomicInteger(100);

    @BeforeAll
    static void start() throws Exception {
        media = TestMedia.generate(root.resolve("media"));
        mp4 = Files.readAllBytes(media.mp4());
        cdn = new FakeUpstream(media.dir());
        sources = new FakeSources(Map.of("Referer", "https://hoster.example/e/abc", "User-Agent", "KanalTest/1"));
        kanal = TestKanal.start(root.resolve("kanal"), Map.of("KANAL_HTTP_TIMEOUT", "2s"),
                Wiring.Overrides.none().withSources(sources));
        links = new StrmLinks(kanal.config().server().publicUrl(),
                new UrlSigner(kanal.config().security().signingKey()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        kanal.close();
        cdn.close();
    }

    /** A fresh episode (so tests never share cached sources). */
    static EpisodeAddress newEpisode() {
        return new EpisodeAddress(SiteId.ANIWORLD, "test-anime", 1, episodes.getAndIncrement() * 10);
    }

    static String streamPath(EpisodeAddress episode) {
        URI url = links.streamUrl(new StrmTarget(episode, Language.GERMAN_DUB));
        return url.getRawPath() + "?" + url.getRawQuery();
    }

    static HttpResponse<byte[]> get(String path, String range) {
        var b = HttpRequest.newBuilder(kanal.url(path)).GET();
        if (range != null) b.header("Range", range);
        return send(b.build());
    }

    static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return kanal.client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static EpisodeAddress mp4Episode() {
        EpisodeAddress ep = newEpisode();
        sources.offer(ep, "VOE", cdn.url("/video.mp4"));
        return ep;
    }

    @Test
    void full_body_is_streamed_with_the_upstream_headers() {
        var response = send(HttpRequest.newBuilder(kanal.url(streamPath(mp4Episode())))
                .header("Accept-Encoding", "gzip, deflate, br").build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(mp4);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(mp4.length));
        assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(response.headers().firstValue("Last-Modified")).isPresent();
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void the_hosters_headers_go_upstream() {
        get(streamPath(mp4Episode()), "bytes=0-9");

        var last = cdn.requestHeaders().getLast();
        assertThat(last.get("Referer")).containsExactly("https://hoster.example/e/abc");
        assertThat(last.get("User-agent")).containsExactly("KanalTest/1");
        assertThat(last.get("Range")).containsExactly("bytes=0-9");
    }

    @Test
    void first_range_is_partial_content() {
        var response = get(streamPath(mp4Episode()), "bytes=0-99");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(mp4, 0, 100));
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + mp4.length);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("100");
    }

    @Test
    void middle_range_is_partial_content() {
        var response = get(streamPath(mp4Episode()), "bytes=1000-1999");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(mp4, 1000, 2000));
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + mp4.length);
    }

    @Test
    void suffix_range_returns_the_last_bytes() {
        var response = get(streamPath(mp4Episode()), "bytes=-500");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(mp4, mp4.length - 500, mp4.length));
    }

    @Test
    void open_ended_range_runs_to_the_end() {
        var response = get(streamPath(mp4Episode()), "bytes=4096-");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(mp4, 4096, mp4.length));
        assertThat(response.headers().firstValue("Content-Range"))
                .hasValue("bytes 4096-" + (mp4.length - 1) + "/" + mp4.length);
    }

    @Test
    void unsatisfiable_range_is_416() {
        var response = get(streamPath(mp4Episode()), "bytes=" + mp4.length + "-");

        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */" + mp4.length);
    }

    @Test
    void head_answers_the_headers_without_a_body() {
        var response = send(HttpRequest.newBuilder(kanal.url(streamPath(mp4Episode())))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue(Integer.toString(mp4.length));
        assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void tampered_signature_is_refused_before_any_upstream_request() {
        EpisodeAddress ep = mp4Episode();
        String path = streamPath(ep);
        int before = cdn.totalHits();
        String flipped = path.substring(0, path.length() - 1) + (path.endsWith("0") ? "1" : "0");
        String otherEpisode = streamPath(newEpisode()).replaceFirst("sig=.*", "")
                + path.substring(path.indexOf("sig="));

        assertThat(get(flipped, null).statusCode()).isEqualTo(403);
        assertThat(get(otherEpisode, null).statusCode()).isEqualTo(403);
        assertThat(get(path.replaceFirst("&sig=.*", ""), null).statusCode()).isEqualTo(403);
        assertThat(get("/strm/proxy/x.ts?u=aHR0cDovLzEyNy4wLjAuMS8&e=x&exp=99999999999&sig=00", null).statusCode())
                .isEqualTo(403);
        assertThat(cdn.totalHits()).isEqualTo(before);
        assertThat(sources.callsFor(ep)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 404, 410, 451, 429, 503, FakeUpstream.RESET})
    void a_failing_cached_source_is_dropped_and_resolved_again_in_the_same_request(int status) {
        EpisodeAddress ep = newEpisode();
        String expiring = "/video.mp4?expiring=" + (status < 0 ? "reset" : status) + "-" + ep.episode();
        sources.offer(ep, "VOE", cdn.url(expiring), cdn.url("/video.mp4"));
        assertThat(get(streamPath(ep), "bytes=0-0").statusCode()).isEqualTo(206);
        cdn.fail(expiring, status);

        var response = get(streamPath(ep), "bytes=0-99");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(mp4, 0, 100));
        assertThat(sources.callsFor(ep)).hasSize(2);
        assertThat(sources.callsFor(ep).get(1).skip()).isEmpty();
    }

    @Test
    void when_the_fresh_source_fails_too_the_next_hoster_plays() {
        EpisodeAddress ep = newEpisode();
        String dead = "/dead-" + ep.episode();
        sources.offer(ep, "VOE", cdn.url(dead + "/video.mp4")).offer(ep, "Filemoon", cdn.url("/video.mp4"));
        cdn.fail(dead, 403);

        var response = get(streamPath(ep), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(mp4);
        assertThat(sources.callsFor(ep)).extracting(FakeSources.Call::skip)
                .containsExactly(java.util.Set.of(), java.util.Set.of("VOE"));
    }

    @Test
    void a_reset_before_the_first_byte_moves_to_the_next_hoster() {
        EpisodeAddress ep = newEpisode();
        sources.offer(ep, "VOE", cdn.url("/hang-" + ep.episode())).offer(ep, "Vidoza", cdn.url("/video.mp4"));
        cdn.fail("/hang-" + ep.episode(), FakeUpstream.RESET);

        var response = get(streamPath(ep), "bytes=0-9");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(sources.callsFor(ep).getLast().skip()).containsExactly("VOE");
    }

    @Test
    void a_timeout_before_the_first_byte_moves_to_the_next_hoster() {
        EpisodeAddress ep = newEpisode();
        sources.offer(ep, "VOE", cdn.url("/slow-" + ep.episode())).offer(ep, "Vidoza", cdn.url("/video.mp4"));
        cdn.fail("/slow-" + ep.episode(), FakeUpstream.HANG);

        var response = get(streamPath(ep), "bytes=0-9");

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(sources.callsFor(ep).getLast().skip()).containsExactly("VOE");
        assertThat(kanal.get("/metrics").body())
                .containsPattern("kanal_strm_upstream_failures_total\\{hoster=\"VOE\",reason=\"timeout\"}");
    }

    @Test
    void a_mid_stream_break_ends_the_response_short_and_the_next_range_request_recovers() {
        EpisodeAddress ep = newEpisode();
        String breaks = "/video.mp4?breaks=" + ep.episode();
        sources.offer(ep, "VOE", cdn.url(breaks));
        cdn.fail(breaks, FakeUpstream.HALF);

        var broken = kanal.client().sendAsync(HttpRequest.newBuilder(kanal.url(streamPath(ep))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(broken).failsWithin(java.time.Duration.ofSeconds(30))
                .withThrowableThat().havingRootCause().isInstanceOf(IOException.class);

        var resumed = get(streamPath(ep), "bytes=" + mp4.length / 2 + "-");
        assertThat(resumed.statusCode()).isEqualTo(206);
        assertThat(resumed.body()).isEqualTo(Arrays.copyOfRange(mp4, mp4.length / 2, mp4.length));
        assertThat(sources.callsFor(ep)).hasSize(1);
    }

    @Test
    void an_upstream_stalling_mid_stream_is_ended_by_the_read_timeout_not_by_the_upstream() {
        EpisodeAddress ep = newEpisode();
        String stalls = "/video.mp4?stalls=" + ep.episode();
        sources.offer(ep, "VOE", cdn.url(stalls));
        cdn.fail(stalls, FakeUpstream.STALL);

        // the upstream holds the connection for a minute; the 2 s read timeout must end the copy long before
        var stalled = kanal.client().sendAsync(HttpRequest.newBuilder(kanal.url(streamPath(ep))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stalled).failsWithin(java.time.Duration.ofSeconds(30))
                .withThrowableThat().havingRootCause().isInstanceOf(IOException.class);
    }

    @Test
    void when_every_hoster_fails_the_player_gets_502_naming_them() {
        EpisodeAddress ep = newEpisode();
        String dead = "/gone-" + ep.episode();
        sources.offer(ep, "VOE", cdn.url(dead + "/a.mp4")).offer(ep, "Vidoza", cdn.url(dead + "/b.mp4"));
        cdn.fail(dead, 410);

        var response = get(streamPath(ep), null);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("no hoster plays");
    }

    @Test
    void a_master_playlist_is_rewritten_to_signed_proxy_urls_that_play() throws Exception {
        EpisodeAddress ep = newEpisode();
        sources.offer(ep, "VOE", cdn.url("/hls/master.m3u8?t=secret"));

        var master = get(streamPath(ep), null);

        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(master.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
        String body = new String(master.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("BANDWIDTH=800000").doesNotContain("127.0.0.1");
        String variant = body.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
        assertThat(variant).startsWith("/strm/hls/").contains("/index.m3u8");

        String mediaPlaylist = new String(get(variant, null).body(), StandardCharsets.UTF_8);
        List<String> segments = mediaPlaylist.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        // segments beside the playlist keep the hoster's relative names: the rewrite adds nothing to them
        assertThat(segments).isNotEmpty().allMatch(l -> l.matches("seg\\d+\\.ts"));

        var segment = get(URI.create(variant).resolve(segments.getFirst()).toString(), null);
        assertThat(segment.statusCode()).isEqualTo(200);
        assertThat(segment.body()).isEqualTo(Files.readAllBytes(media.dir().resolve("hls/seg000.ts")));
        assertThat(cdn.requestHeaders().getLast().get("Referer")).containsExactly("https://hoster.example/e/abc");
    }

    @Test
    void ffprobe_plays_an_hls_episode_through_kanal() throws Exception {
        EpisodeAddress ep = newEpisode();
        sources.offer(ep, "VOE", cdn.url("/hls/master.m3u8"));

        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "stream=codec_type",
                "-of", "csv=p=0", kanal.url(streamPath(ep)).toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out.lines()).contains("video", "audio");
    }

    @Test
    void ffprobe_reads_an_mp4_episode_through_kanal() throws Exception {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration:stream=codec_type",
                "-of", "default=nw=1", kanal.url(streamPath(mp4Episode())).toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("codec_type=video", "codec_type=audio").containsPattern("duration=[78]\\.");
    }

    @Test
    void a_bare_media_playlist_gets_a_master_with_a_bandwidth_hint() {
        EpisodeAddress ep = newEpisode();
        sources.offer(ep, "VOE", cdn.url("/hls/index.m3u8"));

        String body = new String(get(streamPath(ep), null).body(), StandardCharsets.UTF_8);

        assertThat(body).startsWith("#EXTM3U").contains("#EXT-X-STREAM-INF:BANDWIDTH=");
        String variant = body.lines().filter(l -> l.startsWith("/strm/hls/")).findFirst().orElseThrow();
        assertThat(new String(get(variant, null).body(), StandardCharsets.UTF_8)).contains("#EXTINF");
    }

    @Test
    void a_tampered_proxy_url_is_refused_before_any_upstream_request() {
        EpisodeAddress ep = newEpisode();
        sources.offer(ep, "VOE", cdn.url("/hls/master.m3u8"));
        String variant = new String(get(streamPath(ep), null).body(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("/strm/hls/")).findFirst().orElseThrow();
        int before = cdn.totalHits();
        String[] token = variant.split("/")[3].split("\\.");
        String otherDir = variant.replace(token[2], java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("http://127.0.0.1:1/admin/".getBytes(StandardCharsets.UTF_8)));
        String laterExpiry = variant.replace("." + token[1] + ".", "." + Long.toString(99999999999L, 36) + ".");
        String otherId = new StrmTarget(newEpisode(), Language.GERMAN_DUB).id();
        String otherEpisode = variant.replace(token[0] + ".", otherId + ".");
        String climbing = variant.replace("/index.m3u8", "/../../secret.m3u8");
        String encodedClimb = variant.replace("/index.m3u8", "/%2e%2e/secret.m3u8");

        assertThat(get(otherDir, null).statusCode()).isEqualTo(403);
        assertThat(get(laterExpiry, null).statusCode()).isEqualTo(403);
        assertThat(get(otherEpisode, null).statusCode()).isEqualTo(403);
        assertThat(get(climbing, null).statusCode()).isIn(400, 403, 404);
        assertThat(get(encodedClimb, null).statusCode()).isIn(400, 403);
        assertThat(cdn.totalHits()).isEqualTo(before);
    }

    @Test
    void a_player_going_away_releases_the_upstream_connection() throws Exception {
        EpisodeAddress ep = newEpisode();
        sources.offer(ep, "VOE", cdn.url("/big"));
        int abortedBefore = cdn.abortedBodies.get();

        try (Socket socket = new Socket("127.0.0.1", kanal.app().port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + streamPath(ep) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[64 * 1024];
            long read = 0;
            while (read < 4 * 1024 * 1024) read += in.read(buf);
        }

        awaitUntil(() -> cdn.abortedBodies.get() > abortedBefore && cdn.openBodies.get() == 0);
        awaitUntil(() -> kanal.get("/metrics").body().contains("kanal_strm_active_streams 0.0"));
    }

    @Test
    void playing_an_episode_warms_the_next_one() {
        EpisodeAddress ep = newEpisode();
        EpisodeAddress next = new EpisodeAddress(ep.site(), ep.slug(), ep.season(), ep.episode() + 1);
        sources.offer(ep, "VOE", cdn.url("/video.mp4")).offer(next, "VOE", cdn.url("/video.mp4"));

        get(streamPath(ep), "bytes=0-9");

        awaitUntil(() -> !sources.callsFor(next).isEmpty());
        get(streamPath(next), "bytes=0-9");
        assertThat(sources.callsFor(next)).hasSize(1);
    }

    @Test
    void meters_show_bytes_first_byte_times_reresolutions_and_failures() {
        EpisodeAddress ep = newEpisode();
        String dead = "/metered-" + ep.episode();
        sources.offer(ep, "Doodstream", cdn.url(dead + "/v.mp4")).offer(ep, "VOE", cdn.url("/video.mp4"));
        cdn.fail(dead, 451);
        get(streamPath(ep), null);

        String metrics = kanal.get("/metrics").body();

        assertThat(metrics).contains("kanal_strm_bytes_total", "kanal_strm_time_to_first_byte_seconds_count",
                "kanal_strm_reresolutions_total", "kanal_strm_active_streams");
        assertThat(metrics)
                .containsPattern("kanal_strm_upstream_failures_total\\{hoster=\"Doodstream\",reason=\"451\"}");
    }

    static void awaitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached within 20 s");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
