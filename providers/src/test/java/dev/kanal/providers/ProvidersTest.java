package dev.kanal.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.http.HostHealth;
import dev.kanal.providers.testing.FakeSites;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvidersTest {
    @Test
    void only_enabled_sites_are_built() {
        ProviderSettings settings = new ProviderSettings(Map.of(), EnumSet.of(SiteId.STO, SiteId.MEGAKINO), 5, false,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 0, null);
        Providers providers = Providers.create(settings);
        assertThat(providers.sites()).extracting(Site::id).containsExactly(SiteId.STO, SiteId.MEGAKINO);
        assertThat(providers.site(SiteId.ANIWORLD)).isEmpty();
        assertThat(providers.hosterFetcher()).isNotNull();
        assertThat(providers.health().snapshot()).isEmpty();
    }

    @Test
    void every_fake_site_is_reachable_and_reported_in_host_health() {
        try (FakeSites fakes = FakeSites.start()) {
            Providers providers = Providers.create(fakes.settings());
            assertThat(providers.sites()).hasSize(3);
            for (Site site : providers.sites()) {
                java.util.List<TitleRef> titles = new java.util.ArrayList<>();
                site.titles(titles::add);
                assertThat(titles).as(site.id().id()).isNotEmpty();
                TitleRef first = titles.getFirst();
                assertThat(site.detail(first.slug()).title().title()).isNotBlank();
            }
            // hosters share the registry: an embed fetched through the hoster fetcher shows up too
            URI embed = fakes.sto().embedUrl("VOE", 1);
            fakes.sto().server().stubFor(get(urlEqualTo(embed.getPath())).willReturn(aResponse().withBody("<video>")));
            providers.hosterFetcher().get(embed);
            assertThat(providers.health().snapshot()).extracting(HostHealth::host)
                    .contains("127.0.0.1:" + fakes.sto().server().port(), "localhost:" + fakes.sto().server().port());
            assertThat(providers.health().snapshot()).allSatisfy(h -> assertThat(h.state()).isEqualTo(HostHealth.State.OK));
        }
    }
}
