package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kanal.Json;
import dev.kanal.testing.TestKanal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed logins are visible (log, {@code /metrics}, the connect view's checklist), the page's login
 * keeps a live session instead of minting a new one, and cross-site browser requests are refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionsViewTest {
    @TempDir
    static Path dir;

    static TestKanal kanal;

    @BeforeAll
    static void start() {
        kanal = TestKanal.start(dir, Map.of());
    }

    @AfterAll
    static void stop() {
        kanal.close();
    }

    static HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(kanal.url(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return kanal.send(b.build());
    }

    static String pageLogin() {
        var r = send("POST", "/ui/login", "{\"username\":\"admin\",\"password\":\"" + TestKanal.QBIT_PASSWORD + "\"}",
                "Content-Type", "application/json", "X-Forwarded-For", "198.51.100.1");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    static JsonNode connections(String cookie) throws Exception {
        var r = send("GET", "/ui/api/connections", null, "Cookie", cookie);
        assertThat(r.statusCode()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    @Test
    @Order(1)
    void the_checklist_starts_empty_and_shows_torznab_qbittorrent_and_the_last_failure_with_its_reason()
            throws Exception {
        String cookie = pageLogin();
        JsonNode empty = connections(cookie);
        assertThat(empty.get("torznab").isNull()).isTrue();
        assertThat(empty.get("qbittorrent")).isEmpty();
        assertThat(empty.get("last_failure").isNull()).isTrue();

        send("GET", "/torznab/api?t=caps&apikey=" + TestKanal.API_KEY, null, "User-Agent", "Prowlarr/1.30.2.4939 (alpine)");
        send("POST", "/api/v2/auth/login", "username=admin&password=" + TestKanal.QBIT_PASSWORD,
                "Content-Type", "application/x-www-form-urlencoded", "User-Agent", "Sonarr/4.0.15.2941 (ubuntu)");
        send("POST", "/api/v2/auth/login", "username=admin&password=" + TestKanal.QBIT_PASSWORD,
                "Content-Type", "application/x-www-form-urlencoded", "User-Agent", "Radarr/5.26.2.10099 (ubuntu)");
        send("GET", "/torznab/api?t=caps&apikey=wrong-key", null, "User-Agent", "Prowlarr/1.30.2.4939 (alpine)");

        JsonNode seen = connections(cookie);
        assertThat(seen.at("/torznab/app").asText()).isEqualTo("Prowlarr/1.30.2.4939");
        assertThat(seen.at("/torznab/client").asText()).isEqualTo("127.0.0.1");
        assertThat(seen.get("qbittorrent").findValuesAsText("app"))
                .containsExactlyInAnyOrder("Sonarr/4.0.15.2941", "Radarr/5.26.2.10099");
        assertThat(seen.at("/last_failure/surface").asText()).isEqualTo("Torznab apikey");
        assertThat(seen.at("/last_failure/reason").asText()).contains("API key");
        assertThat(seen.at("/last_failure/client").asText()).isEqualTo("127.0.0.1");
        assertThat(seen.get("failures").asLong()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void every_surface_counts_its_failures_on_metrics() {
        send("POST", "/api/v2/auth/login", "username=admin&password=wrong",
                "Content-Type", "application/x-www-form-urlencoded");
        send("POST", "/ui/login", "{\"username\":\"admin\",\"password\":\"wrong\"}", "Content-Type", "application/json",
                "X-Forwarded-For", "198.51.100.77");
        send("GET", "/api/jobs", null, "X-Api-Key", "wrong-key");
        send("GET", "/api/v2/torrents/info", null, "Authorization", "Bearer wrong-key");

        String metrics = kanal.get("/metrics").body();
        assertThat(metrics)
                .contains("kanal_auth_failures_total{reason=\"wrong_api_key\",surface=\"torznab\"} 1.0")
                .contains("kanal_auth_failures_total{reason=\"wrong_password\",surface=\"qbittorrent\"} 1.0")
                .contains("kanal_auth_failures_total{reason=\"wrong_password\",surface=\"page\"} 1.0")
                .contains("kanal_auth_failures_total{reason=\"wrong_api_key\",surface=\"api_key\"} 1.0")
                .contains("kanal_auth_failures_total{reason=\"wrong_api_key\",surface=\"qbittorrent_api_key\"} 1.0");
    }

    @Test
    @Order(3)
    void page_login_with_a_live_session_keeps_it_and_mints_no_new_one() {
        String cookie = pageLogin();
        var again = send("POST", "/ui/login", "{}", "Content-Type", "application/json", "Cookie", cookie);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(send("GET", "/ui/api/session", null, "Cookie", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void a_cross_site_post_from_a_browser_is_refused_before_it_acts_and_a_same_site_one_passes() {
        String cookie = pageLogin();
        var evil = send("POST", "/ui/logout", null, "Cookie", cookie, "Origin", "https://evil.example");
        assertThat(evil.statusCode()).isEqualTo(403);
        assertThat(evil.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(evil.body()).contains("cross-site");
        assertThat(send("GET", "/ui/api/session", null, "Cookie", cookie).statusCode()).isEqualTo(200);

        var evilLogin = send("POST", "/ui/login", "{\"username\":\"admin\",\"password\":\"" + TestKanal.QBIT_PASSWORD
                + "\"}", "Content-Type", "application/json", "Referer", "http://attacker.lan:8080/x");
        assertThat(evilLogin.statusCode()).isEqualTo(403);
        assertThat(evilLogin.headers().firstValue("Set-Cookie")).isEmpty();

        var regenerate = send("POST", "/api/strm/regenerate", null, "X-Api-Key", TestKanal.API_KEY,
                "Origin", "null");
        assertThat(regenerate.statusCode()).isEqualTo(403);

        var same = send("POST", "/ui/logout", null, "Cookie", cookie, "Origin", kanal.baseUrl().toString(),
                "Referer", kanal.baseUrl() + "/");
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/ui/api/session", null, "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(5)
    void the_page_reads_the_strm_health_with_the_api_key_so_it_still_lists_broken_files() throws Exception {
        String cookie = pageLogin();
        JsonNode health = Json.mapper().readTree(send("GET", "/ui/api/health", null, "Cookie", cookie).body());
        assertThat(health.at("/strm/available").asBoolean()).isTrue();
        assertThat(health.at("/strm/data/broken").isArray()).isTrue();
        assertThat(kanal.get("/health/strm").body()).contains("brokenCount").doesNotContain("\"broken\":");
    }
}
