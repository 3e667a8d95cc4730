package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.Main;
import dev.kanal.sources.EpisodeSources;
import dev.kanal.sources.SourceAttempt;
import dev.kanal.sources.SourceResult;
import dev.kanal.testing.TestKanal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    static FakeSurfaces surfaces;
    static TestKanal kanal;

    static final HostStatus HOSTS = () -> Optional.of(List.of(new HostStatus.Host("aniworld.to", "ok", 20, 0.95, 310,
            Instant.parse("2026-11-21T06:00:00Z"), null, null)));

    /** Every episode fails at once: its only hoster removed the video. */
    static final EpisodeSources NO_HOSTER = (episode, language, skip) -> new SourceResult.NotFound(
            List.of(new SourceAttempt("VOE", "the video was removed", false)));

    @BeforeAll
    static void start() throws Exception {
        surfaces = new FakeSurfaces();
        kanal = TestKanal.start(dir, Map.of("KANAL_PUBLIC_URL", "https://kanal.example.org:8443/kanal"),
                Main.Overrides.none().withSources(NO_HOSTER)
                        .withUi(new WebUi.Backends(Optional.of(surfaces.uri()), HOSTS)));
    }

    @AfterAll
    static void stop() {
        kanal.close();
        surfaces.close();
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

    @Test
    void search_shows_the_torznab_items_sonarr_would_get() {
        var r = get("/ui/api/search?q=Frieren", login());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"title\":\"Frieren.S01E01.German.DL.1080p.WEB.h264-KANAL\"")
                .contains("\"categories\":[5000,5070]").contains("\"size\":1400000000")
                .contains("\"language\":\"German Dub\"").contains("\"language\":\"German Sub\"")
                .contains("\"magnet\":\"magnet:?xt=urn:btih:0123456789abcdef");
        assertThat(surfaces.lastTorznabQuery).contains("t=search").contains("apikey=" + TestKanal.API_KEY);
    }

    @Test
    void a_search_torznab_refuses_shows_torznabs_own_error() {
        var r = get("/ui/api/search?q=boom", login());
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).contains("catalog is still building");
    }

    @Test
    void an_empty_search_is_a_400() {
        assertThat(get("/ui/api/search?q=%20", login()).statusCode()).isEqualTo(400);
        assertThat(get("/ui/api/search", login()).statusCode()).isEqualTo(400);
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
