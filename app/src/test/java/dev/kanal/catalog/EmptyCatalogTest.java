package dev.kanal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.config.KanalConfig;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SiteId;
import dev.kanal.testing.TestKanal;
import dev.kanal.torznab.Feed;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without any site the catalog is empty and ready, and searches answer empty feeds (not errors). */
class EmptyCatalogTest {
    @Test
    void without_sites_the_catalog_is_empty_and_ready_and_searches_answer_empty_feeds(@TempDir java.nio.file.Path dir) {
        try (TestKanal kanal = TestKanal.start(dir, Map.of(),
                new Providers(List.of(), new HosterRegistry(List.of())))) {
            var health = CatalogAwait.until(kanal, n -> n.path("ready").asBoolean());
            assertThat(health.path("sites")).isEmpty();
            Feed f = Feed.parse(kanal.get("/torznab/api?t=search&apikey=" + TestKanal.API_KEY).body());
            assertThat(f.errorCode()).isNull();
            assertThat(f.items()).isEmpty();
            assertThat(kanal.get("/metrics").body()).contains("kanal_catalog_ready 1.0");
        }
    }

    @Test
    void provider_settings_come_from_the_sites_and_http_sections() {
        var sites = new KanalConfig.Sites(List.of("sto", "megakino"), List.of("megakino", "sto", "aniworld"),
                URI.create("https://aniworld.example"), URI.create("https://sto.example/prefix"), "");
        var http = new KanalConfig.Http(2.5, Duration.ofSeconds(20), 4, true, "");
        var settings = ProviderSettingsFactory.from(sites, http);
        assertThat(settings.enabledSites()).containsExactlyInAnyOrder(SiteId.STO, SiteId.MEGAKINO);
        assertThat(settings.baseUrl(SiteId.STO)).contains(URI.create("https://sto.example/prefix"));
        assertThat(settings.baseUrl(SiteId.MEGAKINO)).isEmpty();
        assertThat(settings.rateLimitPerHost()).isEqualTo(2.5);
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.maxRetries()).isEqualTo(4);
        assertThat(settings.allowPrivateUpstreams()).isTrue();
        assertThat(ProviderSettingsFactory.order(sites.order()))
                .containsExactly(SiteId.MEGAKINO, SiteId.STO, SiteId.ANIWORLD);
    }
}
