package dev.kanal.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.catalog.CatalogAwait;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SiteId;
import dev.kanal.testing.TestKanal;
import dev.kanal.torznab.Feed;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 point 4, tried as a new user without internet: every site fails to connect. Kanal must
 * say so (Torznab error, /health/catalog condition, /ready) instead of "still being built".
 * Connection refused on a closed loopback port stands in for a failed DNS lookup (tests make no
 * DNS queries); both are "unreachable" and the words for DNS are covered in UpstreamConditionTest.
 */
class NoInternetTest {
    @Test
    void with_every_site_unreachable_kanal_says_so_everywhere(@TempDir java.nio.file.Path dir) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + closed);
        ProviderSettings settings = new ProviderSettings(Map.of(SiteId.ANIWORLD, dead, SiteId.STO, dead),
                EnumSet.of(SiteId.ANIWORLD, SiteId.STO), 50, true, Duration.ofSeconds(2), Duration.ofSeconds(2), 0, null);
        try (TestKanal kanal = TestKanal.start(dir, Map.of("KANAL_SITES", "aniworld,sto"), Providers.create(settings))) {
            var health = CatalogAwait.until(kanal, n -> {
                for (var site : n.path("sites")) if (!"unreachable".equals(site.path("condition").asText())) return false;
                return n.path("sites").size() == 2;
            });
            assertThat(health.path("sites").get(0).path("cause").asText()).startsWith("connection refused by 127.0.0.1");
            assertThat(health.path("sites").get(0).path("hint").asText()).contains("troubleshooting");
            assertThat(health.path("sites").get(0).path("stages").path("titles").path("state").asText()).isEqualTo("failed");

            Feed f = Feed.parse(kanal.get("/torznab/api?t=search&q=x&apikey=" + TestKanal.API_KEY).body());
            assertThat(f.errorDescription()).contains("no searchable site", "aniworld unreachable: connection refused")
                    .doesNotContain("still being built");

            var ready = kanal.get("/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("no site reachable");
        }
    }
}
