package dev.kanal.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kanal.Json;
import dev.kanal.providers.Providers;
import dev.kanal.providers.testing.FakeCatalog;
import dev.kanal.providers.testing.FakeSto;
import dev.kanal.testing.TestKanal;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: a failed site's backoff does not survive a restart. Before, a title list that failed
 * just before a stop waited out its one-minute retry after the next start (the demo's ~60 s).
 */
class BackoffResetTest {
    @Test
    void a_restart_tries_a_failed_site_again_at_once(@TempDir java.nio.file.Path dir) throws Exception {
        try (FakeSto sto = new FakeSto(FakeCatalog.series(), "")) {
            var outage = sto.server().stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(503)));
            try (TestKanal first = TestKanal.start(dir, Map.of("KANAL_SITES", "sto"), Providers.create(sto.settings()))) {
                JsonNode failed = await(first, 30, n -> "failing".equals(n.path("sites").path(0).path("condition").asText()));
                assertThat(failed.path("sites").path(0).path("cause").asText()).startsWith("HTTP 503");
            }
            sto.server().removeStub(outage);

            // well under the one-minute retry wait the failed listing would otherwise still have
            try (TestKanal second = TestKanal.start(dir, Map.of("KANAL_SITES", "sto"), Providers.create(sto.settings()))) {
                JsonNode healthy = await(second, 20, n -> n.path("sites").path(0).path("searchable").asBoolean());
                assertThat(healthy.path("sites").path(0).path("condition").asText()).isEqualTo("healthy");
            }
        }
    }

    private static JsonNode await(TestKanal kanal, int seconds, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = Json.mapper().readTree(kanal.get("/health/catalog").body());
            if (condition.test(last)) return last;
            Thread.sleep(200);
        }
        throw new AssertionError("not reached within " + seconds + "s: " + last);
    }
}
