package dev.kanal.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SiteId;
import dev.kanal.testing.TestKanal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stage 3 against a slow SkyHook: /health/catalog shows the mapping's progress title by title while
 * it runs (it used to stay at 0 until the stage ended), and the stage ends with every title counted.
 */
class MappingProgressTest {
    @Test
    void health_shows_mapping_progress_while_it_runs_and_the_stage_finishes(@TempDir Path dir) {
        WireMockServer skyhook = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        skyhook.start();
        try {
            skyhook.stubFor(get(urlPathMatching("/v1/tvdb/search/en/?")).willReturn(okJson("[]").withFixedDelay(250)));
            FakeSite sto = new FakeSite(SiteId.STO);
            for (int i = 1; i <= 24; i++) {
                sto.put(FakeSite.series(SiteId.STO, "show-" + i, "Unknown Show " + i, List.of(), 2020, ExternalIds.NONE,
                        Set.of(Language.GERMAN_DUB), 2));
            }
            var env = new java.util.HashMap<>(Map.of("KANAL_SKYHOOK_URL", "http://127.0.0.1:" + skyhook.port(),
                    "KANAL_CATALOG_CONCURRENCY", "2"));
            try (TestKanal kanal = TestKanal.start(dir, env, new Providers(List.of(sto), new HosterRegistry(List.of())))) {
                List<Integer> seen = new ArrayList<>();
                JsonNode end = CatalogAwait.until(kanal, n -> {
                    JsonNode m = mapping(n);
                    if (m.path("state").asText().equals("running")) seen.add(m.path("done").asInt());
                    return m.path("state").asText().equals("ready");
                });
                assertThat(seen).as("done counts seen while running").anyMatch(d -> d > 0 && d < 24);
                assertThat(mapping(end).path("done").asInt()).isEqualTo(24);
                assertThat(mapping(end).path("total").asInt()).isEqualTo(24);
            }
        } finally {
            skyhook.stop();
        }
    }

    private static JsonNode mapping(JsonNode health) {
        return health.path("sites").get(0).path("stages").path("mapping");
    }
}
