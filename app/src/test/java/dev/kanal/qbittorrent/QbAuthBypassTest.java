package dev.kanal.qbittorrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.testing.QbClient;
import dev.kanal.testing.TestKanal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code KANAL_QBIT_AUTH_BYPASS=localhost}: Sonarr with blank credentials never logs in (§F.1). */
class QbAuthBypassTest {
    @TempDir
    static Path root;

    static TestKanal kanal;

    @BeforeAll
    static void start() {
        kanal = TestKanal.start(root, Map.of("KANAL_QBIT_AUTH_BYPASS", "localhost,10.0.0.0/8",
                "KANAL_QBIT_PUBLIC_SAVE_PATH", "/data/torrents", "KANAL_TRUSTED_PROXIES", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        kanal.close();
    }

    @Test
    void localhost_calls_succeed_without_a_login() {
        QbClient c = new QbClient(kanal);
        assertThat(c.get("/api/v2/app/webapiVersion").body()).isEqualTo("2.11.4");
        assertThat(c.get("/api/v2/app/preferences").statusCode()).isEqualTo(200);
        assertThat(c.get("/api/v2/torrents/info?category=tv-sonarr").body()).isEqualTo("[]");
        var login = c.login("anyone", "anything");
        assertThat(login.body()).isEqualTo("Ok.");
        assertThat(login.headers().firstValue("Set-Cookie").orElse("")).startsWith("SID=");
    }

    @Test
    void paths_are_shown_as_sonarrs_container_sees_them() {
        QbClient c = new QbClient(kanal);
        assertThat(c.get("/api/v2/app/preferences").body()).contains("\"save_path\":\"/data/torrents\"");
        assertThat(c.get("/api/v2/app/defaultSavePath").body()).isEqualTo("/data/torrents");
        c.post("/api/v2/torrents/createCategory", QbClient.form("category", "tv-sonarr"));
        c.post("/api/v2/torrents/createCategory", QbClient.form("category", "anime", "savePath", "/data/torrents/anime-tv"));
        String cats = c.get("/api/v2/torrents/categories").body();
        assertThat(cats).contains("\"savePath\":\"/data/torrents/tv-sonarr\"", "\"savePath\":\"/data/torrents/anime-tv\"");
        assertThat(c.post("/api/v2/torrents/createCategory", QbClient.form("category", "x", "savePath", "/data/other"))
                .statusCode()).isEqualTo(409);
    }

    @Test
    void subnets_match_by_prefix() {
        var sessions = new QbSessions(kanal.config().qbittorrent(), java.time.Clock.systemUTC());
        assertThat(sessions.bypassed("10.1.2.3")).isTrue();
        assertThat(sessions.bypassed("11.1.2.3")).isFalse();
        assertThat(sessions.bypassed("::1")).isTrue();
        assertThat(sessions.bypassed("127.0.0.1")).isTrue();
        assertThat(sessions.bypassed("192.168.1.1")).isFalse();
    }

    @Test
    void behind_a_trusted_proxy_on_localhost_the_bypass_follows_the_forwarded_client_not_the_proxy() {
        var outsider = kanal.send(java.net.http.HttpRequest.newBuilder(kanal.url("/api/v2/torrents/info"))
                .header("X-Forwarded-For", "203.0.113.9").build());
        assertThat(outsider.statusCode()).isEqualTo(403);
        var lan = kanal.send(java.net.http.HttpRequest.newBuilder(kanal.url("/api/v2/torrents/info"))
                .header("X-Forwarded-For", "10.1.2.3").build());
        assertThat(lan.statusCode()).isEqualTo(200);
    }
}
