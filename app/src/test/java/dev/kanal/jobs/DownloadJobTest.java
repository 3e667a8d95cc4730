package dev.kanal.jobs;

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
import dev.kanal.testing.Eventually;
import dev.kanal.testing.FakeSources;
import dev.kanal.testing.FakeSources.Hoster;
import dev.kanal.testing.MediaServer;
import dev.kanal.testing.QbClient;
import dev.kanal.testing.TestKanal;
import dev.kanal.testing.TestMedia;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real yt-dlp downloads from a local media host, hoster fallback, failure, deletion, paths and the jobs API. */
class DownloadJobTest {
    @TempDir
    static Path root;

    static TestKanal kanal;
    static MediaServer media;
    static QbClient qb;
    static final FakeSources SOURCES = new FakeSources();
    static final MagnetCodec CODEC = new MagnetCodec();
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> MEDIA_INFO = new CopyOnWriteArrayList<>();
    static Path downloads;

    @BeforeAll
    static void start() throws IOException {
        Path mediaDir = Files.createDirectories(root.resolve("media"));
        TestMedia.mp4(mediaDir, "episode.mp4", 3);
        TestMedia.hls(mediaDir, "hls", 3);
        TestMedia.notMedia(mediaDir, "broken.mp4");
        media = MediaServer.start(mediaDir);
        var overrides = Wiring.Overrides.none().withSources(SOURCES)
                .withMediaInfo((e, l, h, c) -> MEDIA_INFO.add(e.slug() + ":" + h + ":" + c))
                .withStrm((dir, title, e, l) -> Files.writeString(dir.resolve(title + ".strm"), "http://kanal/strm\n"));
        kanal = TestKanal.start(root.resolve("kanal"), Map.of("KANAL_DOWNLOAD_RETRY_DELAY", "1s",
                "KANAL_DOWNLOAD_RETRIES", "2", "KANAL_STRM_CATEGORIES", "strm-tv"), overrides);
        downloads = kanal.config().storage().downloadDir();
        qb = new QbClient(kanal);
        qb.login();
    }

    @AfterAll
    static void stop() {
        kanal.close();
        media.close();
    }

    static String magnet(String slug, Language language, String title) {
        var ep = new EpisodeAddress(SiteId.ANIWORLD, slug, 1, 3);
        return CODEC.format(CODEC.create(title, ep, language, KanalMagnet.Mode.DOWNLOAD));
    }

    static String magnet(String slug) {
        return magnet(slug, Language.GERMAN_DUB, "Show " + slug + " S01E03 GER 1080p WEB h264-KANAL");
    }

    static JsonNode torrent(String hash) {
        try {
            JsonNode list = JSON.readTree(qb.get("/api/v2/torrents/info?hashes=" + hash).body());
            return list.isEmpty() ? null : list.get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode awaitState(String hash, String... states) {
        return Eventually.await("torrent " + hash + " in " + List.of(states), Duration.ofSeconds(90),
                () -> torrent(hash), t -> t != null && List.of(states).contains(t.path("state").asText()));
    }

    static String add(String magnet, String... extra) {
        Map<String, String> f = new java.util.LinkedHashMap<>(form(extra));
        f.put("urls", magnet);
        assertThat(qb.post("/api/v2/torrents/add", f).body()).isEqualTo("Ok.");
        return CODEC.parse(magnet).infoHash();
    }

    @Test
    void an_mp4_is_downloaded_checked_and_reported_complete_with_its_release_name() {
        SOURCES.script("mp4-show", Hoster.serving("VOE", media.url("episode.mp4")));
        String hash = add(magnet("mp4-show"), "category", "tv-sonarr");
        JsonNode t = awaitState(hash, "stoppedUP", "error");
        assertThat(t.path("state").asText()).as(t.path("comment").asText()).isEqualTo("stoppedUP");
        assertThat(t.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(t.path("ratio_limit").asDouble()).isZero();
        assertThat(t.path("completion_on").asLong()).isPositive();
        assertThat(t.path("amount_left").asLong()).isZero();
        Path file = Path.of(t.path("content_path").asText());
        assertThat(file).isEqualTo(downloads.resolve("tv-sonarr").resolve("Show mp4-show S01E03 GER 1080p WEB h264-KANAL.mp4"));
        assertThat(file).isRegularFile();
        assertThat(t.path("save_path").asText()).isEqualTo(downloads.resolve("tv-sonarr").toString());
        assertThat(t.path("size").asLong()).isEqualTo(fileSize(file));
        assertThat(downloads.resolve("tv-sonarr/.incomplete").resolve(hash)).doesNotExist();
        assertThat(MEDIA_INFO).contains("mp4-show:240:h264");
        assertThat(media.requests()).anyMatch(r -> r.contains("/episode.mp4") && r.contains("Referer=https://hoster.example/embed"));
        long completion = t.path("completion_on").asLong();
        assertThat(torrent(hash).path("completion_on").asLong()).isEqualTo(completion);
    }

    @Test
    void an_hls_stream_is_downloaded_into_a_real_container() {
        SOURCES.script("hls-show", Hoster.serving("Filemoon", media.url("hls/index.m3u8")));
        String hash = add(magnet("hls-show"), "category", "tv-sonarr");
        JsonNode t = awaitState(hash, "stoppedUP", "error");
        assertThat(t.path("state").asText()).as(t.path("comment").asText()).isEqualTo("stoppedUP");
        Path file = Path.of(t.path("content_path").asText());
        assertThat(file).isRegularFile();
        assertThat(file.getFileName().toString()).startsWith("Show hls-show S01E03").doesNotEndWith(".unknown_video")
                .matches(".*\\.(mp4|ts|mkv)$");
    }

    @Test
    void failing_hosters_fall_back_to_the_next_until_one_delivers() {
        SOURCES.script("fallback-show",
                Hoster.gone("VOE", "video removed"),
                Hoster.serving("Vidoza", media.url("missing.mp4")),
                Hoster.serving("Doodstream", media.url("broken.mp4")),
                Hoster.serving("Streamtape", media.url("episode.mp4")));
        String hash = add(magnet("fallback-show"));
        JsonNode t = awaitState(hash, "stoppedUP", "error");
        assertThat(t.path("state").asText()).as(t.path("comment").asText()).isEqualTo("stoppedUP");
        JsonNode job = job(hash);
        assertThat(job.path("current_hoster").asText()).isEqualTo("Streamtape");
        assertThat(job.path("attempts").findValuesAsText("hoster")).containsExactly("VOE", "Vidoza", "Doodstream");
        assertThat(job.path("attempts").get(2).path("error").asText()).contains("ffprobe");
    }

    @Test
    void a_job_whose_every_hoster_is_gone_fails_naming_each() {
        SOURCES.script("gone-show", Hoster.gone("VOE", "video removed"), Hoster.gone("Filemoon", "challenge page"));
        String hash = add(magnet("gone-show"));
        JsonNode t = awaitState(hash, "error");
        assertThat(t.path("comment").asText()).contains("VOE: video removed").contains("Filemoon: challenge page");
        assertThat(job(hash).path("error").asText()).contains("VOE").contains("Filemoon");
    }

    @Test
    void transient_failures_are_retried_with_backoff_before_failing() {
        SOURCES.script("flaky-show", Hoster.flaky("VOE", "HTTP 503"));
        String hash = add(magnet("flaky-show"));
        JsonNode t = awaitState(hash, "error");
        assertThat(t.path("comment").asText()).contains("VOE: HTTP 503");
        long calls = SOURCES.calls().stream().filter(c -> c.episode().slug().equals("flaky-show")).count();
        assertThat(calls).isEqualTo(3);
    }

    @Test
    void the_grabbed_language_is_never_swapped() {
        SOURCES.script("sub-show", Hoster.serving("VOE", media.url("episode.mp4")));
        String hash = add(magnet("sub-show", Language.GERMAN_SUB, "Sub Show S01E03 GER.SUB 1080p-KANAL"));
        awaitState(hash, "stoppedUP", "error");
        assertThat(SOURCES.calls()).filteredOn(c -> c.episode().slug().equals("sub-show"))
                .allMatch(c -> c.language() == Language.GERMAN_SUB);
    }

    @Test
    void delete_with_files_removes_that_jobs_file_and_nothing_else() throws IOException {
        SOURCES.script("delete-show", Hoster.serving("VOE", media.url("episode.mp4")));
        Path neighbour = Files.createDirectories(downloads.resolve("deleting")).resolve("someone else.mkv");
        Files.writeString(neighbour, "keep me");
        String hash = add(magnet("delete-show"), "category", "deleting");
        JsonNode t = awaitState(hash, "stoppedUP", "error");
        Path file = Path.of(t.path("content_path").asText());
        assertThat(file).exists();
        qb.post("/api/v2/torrents/delete", form("hashes", hash, "deleteFiles", "true"));
        assertThat(file).doesNotExist();
        assertThat(neighbour).exists();
        assertThat(torrent(hash)).isNull();
    }

    @Test
    void strm_categories_get_a_strm_file_instead_of_a_download() {
        SOURCES.script("strm-show", Hoster.serving("VOE", media.url("episode.mp4")));
        String hash = add(magnet("strm-show"), "category", "strm-tv");
        JsonNode t = awaitState(hash, "stoppedUP", "error");
        assertThat(t.path("state").asText()).as(t.path("comment").asText()).isEqualTo("stoppedUP");
        assertThat(t.path("content_path").asText()).endsWith(".strm");
        assertThat(Path.of(t.path("content_path").asText())).hasContent("http://kanal/strm");
    }

    @Test
    void nothing_is_written_outside_the_download_directory() throws IOException {
        SOURCES.script("evil-show", Hoster.serving("VOE", media.url("episode.mp4")));
        assertThat(qb.post("/api/v2/torrents/add", form("urls", magnet("evil-show"), "category", "../../escape"))
                .body()).isEqualTo("Fails.");
        assertThat(qb.post("/api/v2/torrents/createCategory", form("category", "..")).statusCode()).isEqualTo(409);
        assertThat(qb.post("/api/v2/torrents/createCategory", form("category", "ok", "savePath", "/etc"))
                .statusCode()).isEqualTo(409);
        String evilTitle = "../../../escape/..\u0000/" + "x".repeat(400) + " S01E03";
        String hash = add(magnet("evil-show", Language.GERMAN_DUB, evilTitle), "savepath", "/tmp/../etc",
                "downloadPath", "/tmp", "rename", "../../renamed/evil", "tags", "../../tag");
        JsonNode t = awaitState(hash, "stoppedUP", "error");
        assertThat(t.path("state").asText()).as(t.path("comment").asText()).isEqualTo("stoppedUP");
        Path file = Path.of(t.path("content_path").asText()).toAbsolutePath().normalize();
        assertThat(file).startsWith(downloads).isRegularFile();
        assertThat(file.getParent()).isEqualTo(downloads);
        assertThat(file.getFileName().toString().getBytes().length).isLessThan(255);
        try (Stream<Path> outside = Files.list(kanal.root())) {
            assertThat(outside.map(p -> p.getFileName().toString())).containsOnly("data", "downloads");
        }
    }

    @Test
    void the_jobs_api_needs_the_api_key_and_shows_attempts() {
        var anon = kanal.get("/api/jobs");
        assertThat(anon.statusCode()).isEqualTo(401);
        assertThat(anon.body()).contains("\"status\":401");
        assertThat(kanal.get("/api/jobs?apikey=wrong").statusCode()).isEqualTo(401);
        SOURCES.script("api-show", Hoster.gone("VOE", "video removed"));
        String hash = add(magnet("api-show"));
        awaitState(hash, "error");
        JsonNode job = job(hash);
        assertThat(job.path("state").asText()).isEqualTo("failed");
        assertThat(job.path("attempts").get(0).path("hoster").asText()).isEqualTo("VOE");
        long id = job.path("id").asLong();
        var one = kanal.send(java.net.http.HttpRequest.newBuilder(kanal.url("/api/jobs/" + id))
                .header("X-Api-Key", TestKanal.API_KEY).build());
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(kanal.get("/api/jobs/999999?apikey=" + TestKanal.API_KEY).statusCode()).isEqualTo(404);

        SOURCES.script("api-show", Hoster.serving("VOE", media.url("episode.mp4")));
        var retried = post("/api/jobs/" + id + "/retry");
        assertThat(retried.statusCode()).isEqualTo(200);
        awaitState(hash, "stoppedUP");
        assertThat(post("/api/jobs/" + id + "/cancel").statusCode()).isEqualTo(409);
        assertThat(post("/api/jobs/" + id + "/retry").statusCode()).isEqualTo(409);
    }

    @Test
    void cancel_stops_a_download_and_removes_partial_files() {
        media.limit(50_000);
        try {
            SOURCES.script("cancel-show", Hoster.serving("VOE", media.url("episode.mp4")));
            String hash = add(magnet("cancel-show"), "category", "cancelling");
            Eventually.await("download running", Duration.ofSeconds(60), () -> job(hash),
                    j -> j.path("downloaded_bytes").asLong() > 0);
            long id = job(hash).path("id").asLong();
            assertThat(post("/api/jobs/" + id + "/cancel").statusCode()).isEqualTo(200);
            assertThat(job(hash).path("state").asText()).isEqualTo("cancelled");
            assertThat(downloads.resolve("cancelling/.incomplete").resolve(hash)).doesNotExist();
            assertThat(torrent(hash).path("state").asText()).isEqualTo("error");
        } finally {
            media.limit(0);
        }
    }

    @Test
    void sonarr_replay_test_grab_poll_import_and_remove() throws IOException {
        QbClient sonarr = new QbClient(kanal);
        // Test(): probe, login, version twice, preferences, category, list
        assertThat(sonarr.get("/api/v2/app/webapiVersion").statusCode()).isEqualTo(403);
        assertThat(sonarr.login().body()).isEqualTo("Ok.");
        assertThat(sonarr.get("/api/v2/app/webapiVersion").body()).isEqualTo("2.11.4");
        assertThat(sonarr.get("/api/v2/app/webapiVersion").body()).isEqualTo("2.11.4");
        JsonNode prefs = JSON.readTree(sonarr.get("/api/v2/app/preferences").body());
        assertThat(prefs.path("max_ratio_act").asInt()).isZero();
        for (String cat : List.of("tv-replay", "tv-replay-imported")) {
            if (!JSON.readTree(sonarr.get("/api/v2/torrents/categories").body()).has(cat)) {
                sonarr.post("/api/v2/torrents/createCategory", form("category", cat));
            }
            assertThat(JSON.readTree(sonarr.get("/api/v2/torrents/categories").body()).has(cat)).isTrue();
        }
        assertThat(JSON.readTree(sonarr.get("/api/v2/torrents/info?category=tv-replay").body()).isArray()).isTrue();

        // grab: preferences (DHT), version, add, WaitForTorrent
        SOURCES.script("replay-show", Hoster.serving("VOE", media.url("episode.mp4")));
        String magnet = magnet("replay-show");
        String hash = CODEC.parse(magnet).infoHash();
        assertThat(JSON.readTree(sonarr.get("/api/v2/app/preferences").body()).path("dht").asBoolean()).isTrue();
        sonarr.get("/api/v2/app/webapiVersion");
        assertThat(sonarr.post("/api/v2/torrents/add", form("urls", magnet, "category", "tv-replay", "stopped", "False"))
                .body()).isEqualTo("Ok.");
        assertThat(sonarr.get("/api/v2/torrents/properties?hash=" + hash).statusCode()).isEqualTo(200);

        // poll until Completed
        JsonNode done = Eventually.await("sonarr sees completed", Duration.ofSeconds(90), () -> {
            sonarr.get("/api/v2/app/webapiVersion");
            sonarr.get("/api/v2/app/preferences");
            try {
                JsonNode list = JSON.readTree(sonarr.get("/api/v2/torrents/info?category=tv-replay").body());
                for (JsonNode t : list) if (t.path("hash").asText().equalsIgnoreCase(hash)) return t;
                return null;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, t -> t != null && List.of("stoppedUP", "error").contains(t.path("state").asText()));
        // import conditions (QBittorrent.GetItems + CompletedDownloadService)
        assertThat(done.path("state").asText()).isEqualTo("stoppedUP");
        assertThat(done.path("eta").isIntegralNumber()).isTrue();
        String content = done.path("content_path").asText();
        assertThat(content).isNotEqualTo(done.path("save_path").asText());
        assertThat(Path.of(content)).isAbsolute().isRegularFile();
        double ratioLimit = done.path("ratio_limit").asDouble();
        assertThat(ratioLimit >= 0 && ratioLimit - done.path("ratio").asDouble() <= 0.001).as("seed limit reached").isTrue();

        // MarkItemAsImported, then remove with data
        assertThat(sonarr.post("/api/v2/torrents/setCategory", form("hashes", hash, "category", "tv-replay-imported"))
                .statusCode()).isEqualTo(200);
        assertThat(sonarr.post("/api/v2/torrents/delete", form("hashes", hash, "deleteFiles", "true")).statusCode())
                .isEqualTo(200);
        assertThat(Path.of(content)).doesNotExist();
        assertThat(JSON.readTree(sonarr.get("/api/v2/torrents/info?category=tv-replay-imported").body())).isEmpty();
    }

    @Test
    void radarr_replay_with_basic_header_and_a_megakino_movie() throws IOException {
        SOURCES.script("a-movie", Hoster.serving("VOE", media.url("episode.mp4")));
        var m = CODEC.create("A Movie 2024 GER 1080p WEB h264-KANAL", EpisodeAddress.movie(SiteId.MEGAKINO, "a-movie"),
                Language.GERMAN_DUB, KanalMagnet.Mode.DOWNLOAD);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(":".getBytes());
        var probe = kanal.send(java.net.http.HttpRequest.newBuilder(kanal.url("/api/v2/app/webapiVersion"))
                .header("Authorization", basic).build());
        assertThat(probe.statusCode()).isEqualTo(403);
        QbClient radarr = new QbClient(kanal);
        radarr.login();
        var add = kanal.send(java.net.http.HttpRequest.newBuilder(kanal.url("/api/v2/torrents/add"))
                .header("Authorization", basic).header("Cookie", radarr.cookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("urls="
                        + java.net.URLEncoder.encode(CODEC.format(m), java.nio.charset.StandardCharsets.UTF_8)
                        + "&category=radarr&stopped=False")).build());
        assertThat(add.body()).isEqualTo("Ok.");
        JsonNode t = awaitState(m.infoHash(), "stoppedUP", "error");
        assertThat(t.path("state").asText()).as(t.path("comment").asText()).isEqualTo("stoppedUP");
        assertThat(t.path("content_path").asText()).endsWith("radarr/A Movie 2024 GER 1080p WEB h264-KANAL.mp4");
    }

    @Test
    void job_events_stream_every_state_change() throws Exception {
        var lines = new java.util.concurrent.LinkedBlockingQueue<String>();
        var request = java.net.http.HttpRequest.newBuilder(kanal.url("/api/jobs/events"))
                .header("X-Api-Key", TestKanal.API_KEY).header("Accept", "text/event-stream").build();
        var stream = kanal.client().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        var response = stream.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
        try {
            Eventually.await("subscribed", Duration.ofSeconds(10), () -> List.copyOf(lines),
                    l -> l.contains(": connected"));
            SOURCES.script("sse-show", Hoster.serving("VOE", media.url("episode.mp4")));
            String hash = add(magnet("sse-show"));
            awaitState(hash, "stoppedUP", "error");
            String seen = Eventually.await("completed event", Duration.ofSeconds(30), () -> String.join("\n", lines),
                    all -> all.contains("\"state\":\"completed\"") && all.contains(hash));
            assertThat(seen).contains("event: state").contains("\"state\":\"queued\"");
        } finally {
            reader.interrupt();
            response.body().close();
        }
    }

    @Test
    void deleting_a_running_download_without_files_still_removes_its_partial_file() {
        media.limit(50_000);
        try {
            SOURCES.script("partial-show", Hoster.serving("VOE", media.url("episode.mp4")));
            String hash = add(magnet("partial-show"), "category", "partial");
            Eventually.await("download running", Duration.ofSeconds(60), () -> job(hash),
                    j -> j.path("downloaded_bytes").asLong() > 0);
            qb.post("/api/v2/torrents/delete", form("hashes", hash));
            assertThat(torrent(hash)).isNull();
            assertThat(downloads.resolve("partial/.incomplete").resolve(hash)).doesNotExist();
        } finally {
            media.limit(0);
        }
    }

    static HttpResponse<String> post(String path) {
        return kanal.send(java.net.http.HttpRequest.newBuilder(kanal.url(path)).header("X-Api-Key", TestKanal.API_KEY)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }

    static JsonNode job(String hash) {
        try {
            JsonNode all = JSON.readTree(kanal.get("/api/jobs?apikey=" + TestKanal.API_KEY).body());
            for (JsonNode j : all) if (j.path("hash").asText().equals(hash)) return j;
            throw new AssertionError("no job for " + hash);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static long fileSize(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
