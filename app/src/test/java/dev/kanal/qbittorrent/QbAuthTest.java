package dev.kanal.qbittorrent;

import static dev.kanal.testing.QbClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.testing.QbClient;
import dev.kanal.testing.TestKanal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session expiry, the throttling of repeated failed logins (seconds, never an hour; per client as a
 * trusted proxy names it), login with an existing session, and the cross-site check. Kanal trusts
 * 127.0.0.1 as a proxy here, so each test plays its own client through {@code X-Forwarded-For}.
 */
class QbAuthTest {
    @TempDir
    static Path root;

    static TestKanal kanal;

    @BeforeAll
    static void start() {
        kanal = TestKanal.start(root, Map.of("KANAL_QBIT_SESSION_TIMEOUT", "1s", "KANAL_TRUSTED_PROXIES", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        kanal.close();
    }

    static HttpResponse<String> login(String client, String password, String... headers) {
        String body = "username=admin&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(kanal.url("/api/v2/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", client)
                .header("User-Agent", "Sonarr/4.0.15.2941 (ubuntu 24.04)")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return kanal.send(b.build());
    }

    @Test
    void sessions_expire_after_inactivity() throws InterruptedException {
        QbClient c = new QbClient(kanal);
        assertThat(c.login().body()).isEqualTo("Ok.");
        assertThat(c.get("/api/v2/app/version").statusCode()).isEqualTo(200);
        Thread.sleep(2100);
        var expired = c.get("/api/v2/app/version");
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).isEqualTo("Forbidden");
    }

    @Test
    void failures_make_only_the_failing_client_wait_seconds_and_the_right_password_works_again_after_them()
            throws InterruptedException {
        String attacker = "203.0.113.7";
        for (int i = 0; i < 5; i++) {
            assertThat(login(attacker, "guess" + i).body()).isEqualTo("Fails.");
        }
        var waiting = login(attacker, TestKanal.QBIT_PASSWORD);
        assertThat(waiting.statusCode()).isEqualTo(403);
        assertThat(waiting.body()).contains("banned");
        long retryAfter = Long.parseLong(waiting.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 10L);

        // another client behind the same (trusted) proxy is not affected
        assertThat(login("203.0.113.8", TestKanal.QBIT_PASSWORD).body()).isEqualTo("Ok.");

        // the wait is seconds: then the right password works for the same client
        Thread.sleep(retryAfter * 1000 + 100);
        assertThat(login(attacker, TestKanal.QBIT_PASSWORD).body()).isEqualTo("Ok.");
    }

    @Test
    void a_waiting_client_keeps_its_session_and_the_bearer_api_key_keeps_working() {
        String shared = "203.0.113.20";
        var ok = login(shared, TestKanal.QBIT_PASSWORD);
        String sid = ok.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        for (int i = 0; i < 8; i++) login(shared, "wrong" + i);
        assertThat(login(shared, TestKanal.QBIT_PASSWORD).statusCode()).isEqualTo(403);

        var withSession = kanal.send(HttpRequest.newBuilder(kanal.url("/api/v2/torrents/info"))
                .header("Cookie", sid).header("X-Forwarded-For", shared).build());
        assertThat(withSession.statusCode()).isEqualTo(200);
        var bearer = kanal.send(HttpRequest.newBuilder(kanal.url("/api/v2/torrents/info"))
                .header("Authorization", "Bearer " + TestKanal.API_KEY).header("X-Forwarded-For", shared).build());
        assertThat(bearer.statusCode()).isEqualTo(200);
    }

    @Test
    void login_with_a_live_session_answers_ok_without_a_new_sid_even_while_the_client_waits() {
        String client = "203.0.113.30";
        var ok = login(client, TestKanal.QBIT_PASSWORD);
        String sid = ok.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        for (int i = 0; i < 8; i++) login(client, "wrong" + i);

        var again = login(client, "no password needed?", "Cookie", sid);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("Ok.");
        assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void a_cross_site_browser_request_is_401_and_sonarr_without_origin_passes() {
        String client = "203.0.113.40";
        var evil = login(client, TestKanal.QBIT_PASSWORD, "Origin", "http://evil.example");
        assertThat(evil.statusCode()).isEqualTo(401);
        assertThat(evil.headers().firstValue("Set-Cookie")).isEmpty();
        var evilReferer = login(client, TestKanal.QBIT_PASSWORD, "Referer", "http://evil.example/page");
        assertThat(evilReferer.statusCode()).isEqualTo(401);

        var sameOrigin = login(client, TestKanal.QBIT_PASSWORD, "Origin", kanal.baseUrl().toString());
        assertThat(sameOrigin.body()).isEqualTo("Ok.");
        String sid = sameOrigin.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        var add = kanal.send(HttpRequest.newBuilder(kanal.url("/api/v2/torrents/createCategory"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", sid)
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("category=evil&savePath=")).build());
        assertThat(add.statusCode()).isEqualTo(401);
        QbClient same = new QbClient(kanal);
        same.cookie(sid);
        assertThat(same.get("/api/v2/torrents/categories").body()).doesNotContain("evil");

        assertThat(login(client, TestKanal.QBIT_PASSWORD).body()).isEqualTo("Ok.");
        assertThat(new QbClient(kanal).post("/api/v2/auth/login", form("username", "admin", "password", "x"))
                .body()).isEqualTo("Fails.");
    }
}
