package dev.kanal.qbittorrent;

import static dev.kanal.testing.QbClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.testing.QbClient;
import dev.kanal.testing.TestKanal;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session expiry and the throttling of repeated failed logins (this instance gets its address banned). */
class QbAuthTest {
    @TempDir
    static Path root;

    static TestKanal kanal;

    @BeforeAll
    static void start() {
        kanal = TestKanal.start(root, Map.of("KANAL_QBIT_SESSION_TIMEOUT", "1s"));
    }

    @AfterAll
    static void stop() {
        kanal.close();
    }

    @Test
    void sessions_expire_after_inactivity_then_five_failures_ban_the_address() throws InterruptedException {
        QbClient c = new QbClient(kanal);
        assertThat(c.login().body()).isEqualTo("Ok.");
        assertThat(c.get("/api/v2/app/version").statusCode()).isEqualTo(200);
        Thread.sleep(2100);
        var expired = c.get("/api/v2/app/version");
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).isEqualTo("Forbidden");

        QbClient attacker = new QbClient(kanal);
        for (int i = 0; i < QbSessions.MAX_FAILURES; i++) {
            assertThat(attacker.login("admin", "guess" + i).body()).isEqualTo("Fails.");
        }
        var banned = attacker.login();
        assertThat(banned.statusCode()).isEqualTo(403);
        assertThat(banned.body()).contains("banned");
        assertThat(attacker.post("/api/v2/auth/login", form("username", "admin", "password", "x")).statusCode())
                .isEqualTo(403);
    }
}
