package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.Wiring;
import dev.kanal.testing.TestKanal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Health view's "Retry now" (issue 14): behind the session, it drops every backoff; hosts show cause and next try. */
class HealthRetryApiTest {
    @Test
    void retry_now_needs_a_session_and_resets_and_hosts_carry_cause_and_next_try(@TempDir Path dir) {
        AtomicInteger retries = new AtomicInteger();
        Instant next = Instant.parse("2026-12-08T00:10:00Z");
        HostStatus hosts = new HostStatus() {
            @Override
            public Optional<List<Host>> hosts() {
                return Optional.of(List.of(new Host("aniworld.to", "circuit_open", 3, 0, 0, null, next,
                        "DNS lookup failed for aniworld.to", "DNS lookup failed for aniworld.to", next)));
            }

            @Override
            public void retryNow() {
                retries.incrementAndGet();
            }
        };
        try (TestKanal kanal = TestKanal.start(dir, Map.of(),
                Wiring.Overrides.none().withUi(PageBackends.hosts(hosts)))) {
            HttpResponse<String> anonymous = kanal.send(HttpRequest.newBuilder(kanal.url("/ui/api/health/retry"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(retries).hasValue(0);

            var login = kanal.send(HttpRequest.newBuilder(kanal.url("/ui/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"admin\",\"password\":\"" + TestKanal.QBIT_PASSWORD + "\"}")).build());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            var retried = kanal.send(HttpRequest.newBuilder(kanal.url("/ui/api/health/retry")).header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(retried.statusCode()).isEqualTo(200);
            assertThat(retries).hasValue(1);

            String health = kanal.send(HttpRequest.newBuilder(kanal.url("/ui/api/health")).header("Cookie", cookie)
                    .GET().build()).body();
            assertThat(health).contains("\"cause\":\"DNS lookup failed for aniworld.to\"", "\"next_retry\":\"2026-12-08T00:10:00Z\"");
        }
    }
}
