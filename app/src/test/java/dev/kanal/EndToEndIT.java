package dev.kanal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.testing.KanalProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The whole product as a user meets it: the packaged jar runs {@code kanal demo} as its own process
 * and this test speaks only HTTP, in the exact sequences Prowlarr, Sonarr and Radarr use (research
 * arr-protocols §A.7, §C): add the indexer, search, grab, import, remove; a STRM grab; a crash in the
 * middle of a download. One Kanal process serves every step except the restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {
    private static final String API_KEY = "e2e0123456789abcdef0123456789abc";
    private static final String PASSWORD = "e2e-password";
    private static final String CATEGORY = "tv-sonarr";
    /** qBittorrent states Sonarr treats as Completed (§A.6). */
    private static final Set<String> COMPLETED = Set.of("pausedUP", "stoppedUP", "uploading", "stalledUP",
            "queuedUP", "forcedUP");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static KanalProcess kanal;
    static int demoPort;
    static HttpClient http;

    @BeforeAll
    static void start_kanal_demo() throws Exception {
        demoPort = KanalProcess.freePort();
        kanal = KanalProcess.start(dir, env(800_000), "demo");
        http = client();
        awaitCatalog(kanal);
    }

    @AfterAll
    static void stop() throws Exception {
        if (kanal != null) kanal.close();
    }

    /** The demo's settings; {@code throttle} keeps downloads in flight for a few seconds. */
    private static Map<String, String> env(int throttle) {
        Map<String, String> env = new HashMap<>();
        env.put("KANAL_DATA_DIR", dir.resolve("data").toString());
        env.put("KANAL_DOWNLOAD_DIR", dir.resolve("downloads").toString());
        env.put("KANAL_API_KEY", API_KEY);
        env.put("KANAL_QBIT_PASSWORD", PASSWORD);
        env.put("KANAL_STRM_MODE", "both");
        env.put("KANAL_HTTP_RATE_LIMIT", "50");
        env.put("KANAL_DOWNLOAD_RETRY_DELAY", "1s");
        env.put("KANAL_SHUTDOWN_GRACE", "2s");
        env.put("KANAL_DEMO_PORT", Integer.toString(demoPort));
        env.put("KANAL_DEMO_THROTTLE", Integer.toString(throttle));
        return env;
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    // ---------------------------------------------------------------- Prowlarr

    @Test
    @Order(1)
    void prowlarr_adds_kanal_with_caps_the_empty_test_search_and_a_title_search() throws Exception {
        String caps = torznab("t=caps");
        assertThat(caps).contains("<caps>").contains("<tv-search available=\"yes\"")
                .contains("<search available=\"yes\" supportedParams=\"q\"").contains("id=\"5070\"")
                .contains("id=\"2000\"");
        // Prowlarr's Test: t=search&extended=1, no q, no cat, no limit; needs at least one release
        assertThat(items(torznab("t=search&extended=1"))).isNotEmpty();
        List<Item> hits = items(torznab("t=search&extended=1&q=" + enc("Pixel Ronin")));
        assertThat(hits).isNotEmpty().allSatisfy(i -> assertThat(i.title()).startsWith("Pixel.Ronin."));
        assertThat(hits).allSatisfy(i -> assertThat(i.magnet()).startsWith("magnet:?xt=urn:btih:"));
    }

    // ---------------------------------------------------------------- Sonarr / Radarr searches

    @Test
    @Order(2)
    void sonarr_and_radarr_indexer_tests_get_releases_from_their_rss_requests() throws Exception {
        // Sonarr: first RSS request with tv-search in caps; Radarr: t=movie (§C.3); both need >= 1 item
        List<Item> tv = items(torznab("t=tvsearch&cat=5000,5070&extended=1&offset=0&limit=100"));
        assertThat(tv).isNotEmpty();
        List<Item> movies = items(torznab("t=movie&cat=2000&extended=1&offset=0&limit=100"));
        assertThat(movies).extracting(Item::title).contains("Big.Buck.Bunny.2008.WEB-DL.German-KANAL");
    }

    @Test
    @Order(3)
    void sonarr_finds_an_episode_by_tvdbid_season_and_episode() throws Exception {
        List<Item> hits = items(torznab("t=tvsearch&cat=5000,5070&extended=1&tvdbid=9100001&season=1&ep=2"));
        assertThat(hits).extracting(Item::title).contains("Sternenfaenger.Akademie.S01E02.WEB-DL.German-KANAL")
                .allSatisfy(t -> assertThat(t).contains("S01E02"));
    }

    @Test
    @Order(4)
    void a_season_search_returns_every_episode_of_the_season() throws Exception {
        List<Item> hits = items(torznab("t=tvsearch&cat=5000,5070&extended=1&tvdbid=9100002&season=1"));
        assertThat(hits).extracting(Item::title).allSatisfy(t -> assertThat(t).startsWith("Die.Laternenwaechter.S01E"));
        for (int e = 1; e <= 4; e++) {
            String ep = "S01E0" + e;
            assertThat(hits).extracting(Item::title).anySatisfy(t -> assertThat(t).contains(ep));
        }
    }

    @Test
    @Order(5)
    void an_anime_absolute_search_finds_the_episode_behind_the_number() throws Exception {
        // Sonarr's anime tiers: ids with q={abs:00}, then t=search&q="Title 04" (absolute 4 is S02E01)
        List<Item> byId = items(torznab("t=tvsearch&cat=5070&extended=1&tvdbid=9100001&q=04"));
        List<Item> byTitle = items(torznab("t=search&cat=5070&extended=1&q=" + enc("Sternenfänger Akademie 04")));
        assertThat(byId).isNotEmpty();
        assertThat(byTitle).isNotEmpty();
        assertThat(byId).extracting(Item::magnet).allSatisfy(m -> assertThat(m).contains("kanal_s=2&kanal_e=1"));
    }

    @Test
    @Order(6)
    void radarr_finds_the_film_by_title_and_year() throws Exception {
        List<Item> hits = items(torznab("t=search&cat=2000&extended=1&q=" + enc("Big Buck Bunny 2008")));
        assertThat(hits).extracting(Item::title).contains("Big.Buck.Bunny.2008.WEB-DL.German-KANAL");
    }

    // ---------------------------------------------------------------- Sonarr download client

    @Test
    @Order(7)
    void sonarr_test_sequence_logs_in_and_creates_its_category() throws Exception {
        HttpClient anonymous = HttpClient.newHttpClient();
        var probe = anonymous.send(get("/api/v2/app/webapiVersion"), HttpResponse.BodyHandlers.ofString());
        assertThat(probe.statusCode()).isIn(200, 403);
        login(http);
        assertThat(qbGet("/api/v2/app/webapiVersion").body()).matches("\\d+\\.\\d+(\\.\\d+)?");
        assertThat(qbGet("/api/v2/app/webapiVersion").statusCode()).isEqualTo(200);
        JsonNode prefs = JSON.readTree(qbGet("/api/v2/app/preferences").body());
        assertThat(prefs.has("save_path")).isTrue();
        JsonNode categories = JSON.readTree(qbGet("/api/v2/torrents/categories").body());
        if (!categories.has(CATEGORY)) {
            assertThat(qbPost("/api/v2/torrents/createCategory", Map.of("category", CATEGORY)).statusCode())
                    .isEqualTo(200);
        }
        assertThat(JSON.readTree(qbGet("/api/v2/torrents/categories").body()).has(CATEGORY)).isTrue();
        assertThat(JSON.readTree(qbGet("/api/v2/torrents/info?category=" + CATEGORY).body()).isArray()).isTrue();
    }

    @Test
    @Order(8)
    void a_grab_completes_passes_the_import_checks_and_is_removed_with_its_file() throws Exception {
        login(http);
        Item release = release("t=tvsearch&cat=5000,5070&extended=1&tvdbid=9100002&season=1&ep=1",
                t -> t.equals("Die.Laternenwaechter.S01E01.WEB-DL.German-KANAL"));
        JsonNode torrent = grab(kanal, http, release);

        Path content = Path.of(torrent.path("content_path").asText());
        String savePath = torrent.path("save_path").asText();
        assertThat(content.toString()).isNotEqualTo(savePath);
        assertThat(content.getFileName().toString()).matches(measured(release.title()));
        assertThat(content).isRegularFile();
        assertPlayable(content);

        // stage 2 stored the season table's hosters per language; the episode page the download read
        // then said exactly which hoster serves which language (the demo: VOE+Streamtape dub, VOE sub)
        JsonNode title = JSON.readTree(send(http, HttpRequest.newBuilder(kanal.url(
                "/api/catalog/aniworld/die-laternenwaechter")).header("X-Api-Key", API_KEY).GET().build()).body());
        JsonNode first = title.path("episodes").get(0);
        assertThat(first.path("season").asInt() * 100 + first.path("episode").asInt()).isEqualTo(101);
        Map<String, String> hosters = new HashMap<>();
        first.path("languages").forEach(l -> hosters.put(l.path("language").asText(),
                l.path("hosters").toString() + (l.path("hosters_paired").asBoolean() ? " paired" : "")));
        assertThat(hosters).containsEntry("German Dub", "[\"VOE\",\"Streamtape\"] paired")
                .containsEntry("German Sub", "[\"VOE\"] paired");
        JsonNode second = title.path("episodes").get(1);
        assertThat(second.path("languages").get(0).path("hosters_paired").asBoolean()).isFalse();

        String hash = torrent.path("hash").asText().toLowerCase();
        var deleted = qbPost("/api/v2/torrents/delete", Map.of("hashes", hash, "deleteFiles", "true"));
        assertThat(deleted.statusCode()).isEqualTo(200);
        awaitTrue("file deleted", () -> !Files.exists(content));
        awaitTrue("torrent gone", () -> find(kanal, http, hash).isEmpty());
    }

    @Test
    @Order(9)
    void a_strm_grab_writes_a_file_whose_url_streams_the_same_bytes_with_ranges() throws Exception {
        login(http);
        Item release = release("t=tvsearch&cat=5000,5070&extended=1&tvdbid=9100005&season=1&ep=1",
                t -> t.equals("Orbit.Baeckerei.S01E01.WEB-DL.Sub-KANAL [STRM]"));
        JsonNode torrent = grab(kanal, http, release);
        Path strm = Path.of(torrent.path("content_path").asText());
        assertThat(strm.getFileName().toString()).endsWith(".strm");
        URI stream = URI.create(Files.readString(strm).strip());

        // English Sub is served by the demo's Streamtape, i.e. the MP4 clip itself
        byte[] clip = Files.readAllBytes(dir.resolve("data/demo/episode/clip.mp4"));
        var head = http.send(HttpRequest.newBuilder(stream).GET().header("Range", "bytes=0-65535").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("Content-Range")).hasValue("bytes 0-65535/" + clip.length);
        assertThat(head.body()).isEqualTo(Arrays.copyOfRange(clip, 0, 65536));
        int from = clip.length / 2;
        var middle = http.send(HttpRequest.newBuilder(stream).GET().header("Range", "bytes=" + from + "-" + (from + 9999))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(clip, from, from + 10000));
    }

    @Test
    @Order(10)
    void a_download_killed_with_sigkill_completes_by_itself_after_a_restart() throws Exception {
        login(http);
        Item release = release("t=tvsearch&cat=5000,5070&extended=1&tvdbid=9100004&season=1&ep=1",
                t -> t.equals("Kleiner.Drache.Mochi.S01E01.WEB-DL.German-KANAL"));
        String hash = add(http, release);
        awaitTrue("download in flight", () -> find(kanal, http, hash)
                .filter(t -> t.path("state").asText().equals("downloading") && t.path("progress").asDouble() > 0)
                .isPresent());
        kanal.kill();

        kanal = KanalProcess.start(dir, env(0), "demo");
        HttpClient again = client();
        login(again);
        JsonNode done = awaitTorrent(kanal, again, hash, t -> COMPLETED.contains(t.path("state").asText()));
        Path content = Path.of(done.path("content_path").asText());
        assertThat(content).isRegularFile();
        assertThat(content.getFileName().toString()).matches(measured(release.title()));
        assertPlayable(content);
    }

    /** The release title as the downloaded file carries it: with the resolution (and codec) ffprobe measured. */
    private static String measured(String title) {
        int web = title.indexOf(".WEB-DL");
        return java.util.regex.Pattern.quote(title.substring(0, web)) + "\\.\\d{3,4}p\\.WEB-DL(\\.[A-Z0-9]+)?"
                + java.util.regex.Pattern.quote(title.substring(web + ".WEB-DL".length())) + "\\.\\w+";
    }

    // ---------------------------------------------------------------- helpers

    private record Item(String title, String magnet) {}

    private static Item release(String query, Predicate<String> title) throws Exception {
        List<Item> hits = items(torznab(query));
        return hits.stream().filter(i -> title.test(i.title())).findFirst()
                .orElseThrow(() -> new AssertionError("no matching release for " + query + " in "
                        + hits.stream().map(Item::title).toList()));
    }

    /** Sonarr's grab: preferences (DHT check), webapiVersion, torrents/add; then polling until Completed. */
    private static JsonNode grab(KanalProcess k, HttpClient client, Item release) throws Exception {
        String hash = add(client, release);
        return awaitTorrent(k, client, hash, t -> COMPLETED.contains(t.path("state").asText()));
    }

    private static String add(HttpClient client, Item release) throws Exception {
        JsonNode prefs = JSON.readTree(send(client, get("/api/v2/app/preferences")).body());
        assertThat(prefs.path("dht").asBoolean() || release.magnet().contains("&tr=")).isTrue();
        send(client, get("/api/v2/app/webapiVersion"));
        var added = send(client, post("/api/v2/torrents/add",
                Map.of("urls", release.magnet(), "category", CATEGORY, "stopped", "False")));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).isEqualTo("Ok.");
        String hash = release.magnet().replaceFirst("^magnet:\\?xt=urn:btih:([0-9a-fA-F]{40}).*$", "$1").toLowerCase();
        assertThat(hash).hasSize(40);
        return hash;
    }

    private static JsonNode awaitTorrent(KanalProcess k, HttpClient client, String hash, Predicate<JsonNode> done)
            throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> t = find(k, client, hash);
            if (t.isPresent()) {
                last = t.get();
                if (done.test(last)) return last;
                assertThat(last.path("state").asText()).as("torrent failed: " + last).isNotIn("error", "missingFiles");
            }
            Thread.sleep(250);
        }
        throw new AssertionError("torrent " + hash + " not done; last=" + last + "\n" + tail(k.log()));
    }

    private static Optional<JsonNode> find(KanalProcess k, HttpClient client, String hash) {
        try {
            HttpRequest r = HttpRequest.newBuilder(k.url("/api/v2/torrents/info?category=" + CATEGORY)).GET().build();
            JsonNode list = JSON.readTree(client.send(r, HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode t : list) {
                if (t.path("hash").asText().equalsIgnoreCase(hash)) return Optional.of(t);
            }
            return Optional.empty();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ffprobe must see a video and an audio stream of the clip's 20 s. */
    private static void assertPlayable(Path file) throws Exception {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format=duration:stream=codec_type",
                "-of", "json", file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        JsonNode probe = JSON.readTree(out);
        List<String> kinds = new ArrayList<>();
        probe.path("streams").forEach(s -> kinds.add(s.path("codec_type").asText()));
        assertThat(kinds).as(out).contains("video", "audio");
        assertThat(probe.path("format").path("duration").asDouble()).as(out).isBetween(19.0, 21.5);
    }

    private static void awaitCatalog(KanalProcess k) throws Exception {
        awaitTrue("catalog ready with every stage done", () -> {
            try {
                var r = http.send(HttpRequest.newBuilder(k.url("/health/catalog")).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode health = JSON.readTree(r.body());
                if (!health.path("ready").asBoolean()) return false;
                for (JsonNode site : health.path("sites")) {
                    for (JsonNode stage : site.path("stages")) {
                        if (!stage.path("state").asText().equals("ready")) return false;
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void awaitTrue(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.ok()) return;
            Thread.sleep(200);
        }
        throw new AssertionError(what + " did not happen within " + PATIENCE + "\n" + tail(kanal.log()));
    }

    private static String tail(String log) {
        List<String> lines = log.lines().filter(l -> !l.contains("dev.kanal.access")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static String torznab(String query) throws Exception {
        var r = http.send(get("/torznab/api?apikey=" + API_KEY + "&" + query), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(query + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static List<Item> items(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
        NodeList nodes = factory.newDocumentBuilder().parse(in).getElementsByTagName("item");
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element item = (Element) nodes.item(i);
            String title = item.getElementsByTagName("title").item(0).getTextContent();
            String magnet = null;
            NodeList attrs = item.getElementsByTagName("torznab:attr");
            for (int a = 0; a < attrs.getLength(); a++) {
                Element attr = (Element) attrs.item(a);
                if (attr.getAttribute("name").equals("magneturl")) magnet = attr.getAttribute("value");
            }
            out.add(new Item(title, magnet));
        }
        return out;
    }

    private static void login(HttpClient client) throws Exception {
        var r = send(client, post("/api/v2/auth/login", Map.of("username", "admin", "password", PASSWORD)));
        assertThat(r.body()).isEqualTo("Ok.");
    }

    private static HttpResponse<String> qbGet(String path) throws Exception {
        return send(http, get(path));
    }

    private static HttpResponse<String> qbPost(String path, Map<String, String> form) throws Exception {
        return send(http, post(path, form));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(kanal.url(path)).GET().build();
    }

    private static HttpRequest post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(kanal.url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", kanal.url("/").toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
