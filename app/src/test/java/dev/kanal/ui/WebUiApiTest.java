package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kanal.Json;
import dev.kanal.Wiring;
import dev.kanal.catalog.CatalogAwait;
import dev.kanal.sources.EpisodeSources;
import dev.kanal.testing.Resolutions;
import dev.kanal.testing.TestKanal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebUiApiTest {
    @TempDir
    static Path dir;

    static PageCatalog catalog;
    static TestKanal kanal;

    static final HostStatus HOSTS = () -> Optional.of(List.of(new HostStatus.Host("aniworld.to", "ok", 20, 0.95, 310,
            Instant.parse("2026-11-21T06:00:00Z"), null, null)));

    /** Every episode fails at once: its only hoster removed the video. */
    static final EpisodeSources NO_HOSTER = (episode, language, skip) -> Resolutions.failed(
            List.of(Resolutions.gone("VOE", "the video was removed")));

    @BeforeAll
    static void start() throws Exception {
        catalog = new PageCatalog();
        FakeStatus status = new FakeStatus();
        kanal = TestKanal.start(dir, Map.of("KANAL_PUBLIC_URL", "https://kanal.example.org:8443/kanal",
                        "KANAL_SKYHOOK_URL", catalog.skyHook(), "KANAL_STRM_CATEGORIES", "jellyfin"),
                Wiring.Overrides.none().withProviders(catalog.providers()).withSources(NO_HOSTER)
                        .withUi(PageBackends.hosts(HOSTS).withCatalog(status.catalog()).withStrm(status.strm())));
        CatalogAwait.fullyReady(kanal);
    }

    @AfterAll
    static void stop() {
        kanal.close();
        catalog.close();
    }

    private static HttpResponse<String> post(String path, String contentType, String body, String cookie) {
        HttpRequest.Builder b = HttpRequest.newBuilder(kanal.url(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) b.header("Cookie", cookie);
        return kanal.send(b.build());
    }

    private static HttpResponse<String> get(String path, String cookie) {
        return kanal.send(HttpRequest.newBuilder(kanal.url(path)).header("Cookie", cookie).GET().build());
    }

    private static String login() {
        var r = post("/ui/login", "application/json",
                "{\"username\":\"admin\",\"password\":\"" + TestKanal.QBIT_PASSWORD + "\"}", null);
        assertThat(r.statusCode()).isEqualTo(200);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void the_page_is_served_from_the_jar_with_a_strict_content_security_policy() {
        var r = kanal.get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                c -> assertThat(c).contains("script-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(r.body()).contains("<script type=\"module\" src=\"/ui/app.js\">");
        assertThat(kanal.get("/ui/app.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(kanal.get("/ui/style.css").statusCode()).isEqualTo(200);
    }

    @Test
    void unknown_or_sneaky_asset_names_are_404_problems() {
        assertThat(kanal.get("/ui/nothing.js").statusCode()).isEqualTo(404);
        assertThat(kanal.get("/ui/..%2Fkanal.sqlite").statusCode()).isEqualTo(404);
        assertThat(kanal.get("/ui/Main.class").statusCode()).isEqualTo(404);
    }

    @Test
    void login_with_the_qbittorrent_password_sets_an_http_only_strict_session_cookie() {
        var r = post("/ui/login", "application/json",
                "{\"username\":\"admin\",\"password\":\"" + TestKanal.QBIT_PASSWORD + "\"}", null);
        assertThat(r.statusCode()).isEqualTo(200);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(UiSessions.COOKIE + "=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .contains("Path=/");
    }

    @Test
    void login_with_the_api_key_as_a_form_works_too() {
        var r = post("/ui/login", "application/x-www-form-urlencoded", "apikey=" + TestKanal.API_KEY, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Set-Cookie")).isPresent();
    }

    @Test
    void a_wrong_password_is_a_401_problem_without_a_cookie() {
        var r = post("/ui/login", "application/json", "{\"username\":\"admin\",\"password\":\"nope\"}", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(r.body()).contains("wrong user name, password or API key");
    }

    @Test
    void a_login_body_that_is_not_json_is_a_400() {
        assertThat(post("/ui/login", "application/json", "{nope", null).statusCode()).isEqualTo(400);
    }

    @Test
    void the_page_api_needs_a_session_or_the_api_key() {
        assertThat(kanal.get("/ui/api/jobs").statusCode()).isEqualTo(401);
        assertThat(get("/ui/api/jobs", UiSessions.COOKIE + "=forged").statusCode()).isEqualTo(401);
        assertThat(get("/ui/api/jobs", login()).statusCode()).isEqualTo(200);
        var withKey = kanal.send(HttpRequest.newBuilder(kanal.url("/ui/api/jobs"))
                .header("X-Api-Key", TestKanal.API_KEY).GET().build());
        assertThat(withKey.statusCode()).isEqualTo(200);
        assertThat(post("/ui/api/jobs/1/retry", "application/json", "", null).statusCode()).isEqualTo(401);
        assertThat(kanal.send(HttpRequest.newBuilder(kanal.url("/ui/api/jobs/events"))
                .header("Accept", "text/event-stream").GET().build()).statusCode()).isEqualTo(401);
        assertThat(kanal.get("/ui/api/connect").body()).doesNotContain(TestKanal.API_KEY);
    }

    @Test
    void logout_ends_the_session() {
        String cookie = login();
        assertThat(get("/ui/api/session", cookie).statusCode()).isEqualTo(200);
        var out = post("/ui/logout", "application/json", "", cookie);
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith(UiSessions.COOKIE + "=;").contains("1970"));
        assertThat(get("/ui/api/session", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void connect_values_come_from_the_public_url_and_credentials() {
        var r = get("/ui/api/connect", login());
        assertThat(r.body()).contains("\"torznab_url\":\"https://kanal.example.org:8443/kanal/torznab\"")
                .contains("\"api_path\":\"/api\"").contains("\"api_key\":\"" + TestKanal.API_KEY + "\"")
                .contains("\"tv_categories\":[5000,5070]").contains("\"movie_categories\":[2000]")
                .contains("\"qbit_host\":\"kanal.example.org\"").contains("\"qbit_port\":8443")
                .contains("\"qbit_ssl\":true").contains("\"qbit_url_base\":\"/kanal\"")
                .contains("\"qbit_username\":\"admin\"").contains("\"sonarr_category\":\"tv-sonarr\"")
                .contains("\"radarr_category\":\"radarr\"");
    }

    @Test
    void catalog_status_is_passed_through_from_health_catalog() {
        var r = get("/ui/api/catalog", login());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"available\":true").contains("\"site\":\"aniworld\"")
                .contains("\"details\":{\"state\":\"running\"");
    }

    @Test
    void health_shows_hosts_strm_and_disk_space() {
        var r = get("/ui/api/health", login());
        assertThat(r.body()).contains("\"host\":\"aniworld.to\"").contains("\"success_rate\":0.95")
                .contains("\"broken\":[{").contains("\"free_bytes\":").contains("\"total_bytes\":");
        assertThat(r.body()).doesNotContain("\"free_bytes\":0,");
    }

    private static JsonNode search(String q) throws Exception {
        var r = get("/ui/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), login());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    private static List<String> titles(JsonNode answer) {
        List<String> out = new ArrayList<>();
        for (JsonNode g : answer.path("groups")) {
            for (JsonNode l : g.path("languages")) for (JsonNode o : l.path("offers")) out.add(o.path("title").asText());
        }
        return out;
    }

    @Test
    void search_groups_the_torznab_releases_by_episode_and_language() throws Exception {
        JsonNode a = search("Sousou no Frieren");
        assertThat(a.path("did_you_mean").isNull()).isTrue();
        assertThat(a.path("groups")).extracting(g -> g.path("label").asText())
                .containsExactly("S01E01", "S01E02", "S01E03");
        JsonNode first = a.path("groups").get(0);
        assertThat(first.path("languages")).extracting(l -> l.path("language").asText())
                .containsExactly("German Dub", "German Sub");
        JsonNode offer = first.path("languages").get(0).path("offers").get(0);
        assertThat(offer.path("title").asText()).isEqualTo("Frieren.Beyond.Journeys.End.S01E01.WEB-DL.German-KANAL");
        assertThat(offer.path("site").asText()).isEqualTo("aniworld");
        assertThat(offer.path("magnet").asText()).startsWith("magnet:?xt=urn:btih:");
        assertThat(offer.path("categories")).extracting(JsonNode::asInt).containsExactly(5070);
        assertThat(first.path("languages").get(1).path("offers").get(0).path("title").asText())
                .isEqualTo("Frieren.Beyond.Journeys.End.S01E01.WEB-DL.German.Sub-KANAL");
        assertThat(a.path("works").get(0).path("title").asText()).isEqualTo("Frieren: Beyond Journey's End");
    }

    @Test
    void the_search_shows_the_same_names_and_magnets_torznab_gives_sonarr() throws Exception {
        var feed = kanal.get("/torznab/api?t=search&q=Sousou+no+Frieren&apikey=" + TestKanal.API_KEY).body();
        for (String title : titles(search("Sousou no Frieren"))) assertThat(feed).contains("<title>" + title + "</title>");
    }

    @Test
    void a_part_of_a_title_finds_it_and_says_which_title_it_took() throws Exception {
        JsonNode a = search("frieren");
        assertThat(a.path("did_you_mean").asText()).isEqualTo("Frieren: Beyond Journey's End");
        assertThat(titles(a)).contains("Frieren.Beyond.Journeys.End.S01E02.WEB-DL.German-KANAL");
    }

    @Test
    void a_small_typo_finds_the_title_with_did_you_mean() throws Exception {
        JsonNode a = search("Breking Baad");
        assertThat(a.path("did_you_mean").asText()).isEqualTo("Breaking Bad");
        assertThat(titles(a)).contains("Breaking.Bad.S01E01.WEB-DL.German-KANAL", "Breaking.Bad.S02E02.WEB-DL.German-KANAL");
        assertThat(titles(search("Incepton"))).containsExactly("Inception.2010.WEB-DL.German-KANAL");
    }

    @Test
    void an_episode_form_narrows_the_results() throws Exception {
        assertThat(search("Frieren S01E02").path("groups")).extracting(g -> g.path("label").asText())
                .containsExactly("S01E02");
        assertThat(search("breaking bad s02").path("groups")).extracting(g -> g.path("label").asText())
                .containsExactly("S02E01", "S02E02");
    }

    @Test
    void nothing_alike_is_an_empty_answer() throws Exception {
        JsonNode a = search("Qqqxxzz Wvvyy");
        assertThat(a.path("groups")).isEmpty();
        assertThat(a.path("did_you_mean").isNull()).isTrue();
        assertThat(a.path("suggestions")).isEmpty();
    }

    @Test
    void an_empty_search_is_a_400() {
        assertThat(get("/ui/api/search?q=%20", login()).statusCode()).isEqualTo(400);
        assertThat(get("/ui/api/search", login()).statusCode()).isEqualTo(400);
    }

    @Test
    void a_searched_release_is_grabbed_into_the_chosen_category_through_the_jobs_api() throws Exception {
        String cookie = login();
        JsonNode offer = search("Breaking Bad S01E02").path("groups").get(0).path("languages").get(0).path("offers").get(0);
        String body = Json.mapper().writeValueAsString(Map.of("magnet", offer.path("magnet").asText(),
                "category", "jellyfin"));
        var grabbed = post("/ui/api/jobs", "application/json", body, cookie);
        assertThat(grabbed.statusCode()).as(grabbed.body()).isEqualTo(201);
        JsonNode job = Json.mapper().readTree(grabbed.body());
        assertThat(job.path("name").asText()).isEqualTo("Breaking.Bad.S01E02.WEB-DL.German-KANAL");
        assertThat(job.path("category").asText()).isEqualTo("jellyfin");
        assertThat(job.path("mode").asText()).as("a .strm category writes a .strm file").isEqualTo("strm");
        assertThat(job.path("site").asText()).isEqualTo("sto");
        var again = post("/ui/api/jobs", "application/json", body, cookie);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already in the queue");
        // the same API for scripts, behind the API key
        var listed = kanal.send(HttpRequest.newBuilder(kanal.url("/api/jobs/" + job.path("id").asLong()))
                .header("X-Api-Key", TestKanal.API_KEY).GET().build());
        assertThat(listed.body()).contains("\"category\":\"jellyfin\"");
        assertThat(post("/api/jobs", "application/json", body, null).statusCode()).isEqualTo(401);
    }

    @Test
    void a_grab_of_no_kanal_magnet_or_a_bad_category_is_a_400() {
        String cookie = login();
        assertThat(post("/ui/api/jobs", "application/json", "{\"magnet\":\"magnet:?xt=urn:btih:abc\"}", cookie)
                .statusCode()).isEqualTo(400);
        assertThat(post("/ui/api/jobs", "application/json", "{nope", cookie).statusCode()).isEqualTo(400);
        String magnet = new dev.kanal.magnet.MagnetCodec().format(new dev.kanal.magnet.MagnetCodec().create("X.S01E01",
                new dev.kanal.providers.EpisodeAddress(dev.kanal.providers.SiteId.STO, "x", 1, 1),
                dev.kanal.providers.Language.GERMAN_DUB, dev.kanal.magnet.KanalMagnet.Mode.DOWNLOAD));
        var bad = post("/ui/api/jobs", "application/json", "{\"magnet\":\"" + magnet + "\",\"category\":\"../up\"}",
                cookie);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("category");
    }

    private static String waitForState(String cookie, long id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = get("/ui/api/jobs", cookie).body();
            if (body.matches("(?s).*\\{\"id\":" + id + ",[^{]*\"state\":\"" + state + "\".*")) return body;
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " never became " + state + ": " + body);
    }

    @Test
    void a_failed_job_shows_its_attempts_and_can_be_retried_over_the_live_feed_and_removed() throws Exception {
        String cookie = login();
        var feed = new LinkedBlockingQueue<String>();
        var stream = kanal.client().sendAsync(HttpRequest.newBuilder(kanal.url("/ui/api/jobs/events"))
                .header("Cookie", cookie).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        Thread.ofVirtual().start(() -> stream.join().body().forEach(feed::add));
        assertThat(feed.poll(10, TimeUnit.SECONDS)).isEqualTo(": connected");

        Grab.episode(kanal, "Frieren.S01E07.German.DL.1080p.WEB.h264-KANAL", 7);
        long id = Long.parseLong(nextEvent(feed, "state").replaceAll("^.*?\"id\":(\\d+).*$", "$1"));
        String failed = waitForState(cookie, id, "failed");
        assertThat(failed).contains("\"hoster\":\"VOE\",\"error\":\"the video was removed\"")
                .contains("\"language\":\"German Dub\"").contains("\"site\":\"aniworld\"");

        assertThat(post("/ui/api/jobs/" + id + "/cancel", "application/json", "", cookie).statusCode()).isEqualTo(409);
        var retried = post("/ui/api/jobs/" + id + "/retry", "application/json", "", cookie);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).contains("\"state\":\"queued\"");
        assertThat(nextEvent(feed, "state")).contains("\"id\":" + id);
        waitForState(cookie, id, "failed");

        assertThat(post("/ui/api/jobs/" + id + "/remove", "application/json", "", cookie).statusCode()).isEqualTo(200);
        assertThat(nextEvent(feed, "removed")).contains("\"id\":" + id);
        assertThat(get("/ui/api/jobs", cookie).body()).doesNotContain("\"id\":" + id + ",");
        stream.cancel(true);
    }

    /** The data line of the next SSE event of {@code type}. */
    private static String nextEvent(LinkedBlockingQueue<String> feed, String type) throws InterruptedException {
        boolean inType = false;
        for (String line; (line = feed.poll(30, TimeUnit.SECONDS)) != null; ) {
            if (line.equals("event: " + type) || line.equals("event:" + type)) inType = true;
            else if (inType && line.startsWith("data:")) return line.substring(5).strip();
            else if (line.isEmpty()) inType = false;
        }
        throw new AssertionError("no " + type + " event");
    }

    @Test
    void acting_on_an_unknown_job_is_a_404() {
        String cookie = login();
        assertThat(post("/ui/api/jobs/999/retry", "application/json", "", cookie).statusCode()).isEqualTo(404);
        assertThat(post("/ui/api/jobs/abc/cancel", "application/json", "", cookie).statusCode()).isEqualTo(404);
        assertThat(post("/ui/api/jobs/999/remove", "application/json", "", cookie).statusCode()).isEqualTo(404);
    }

}
