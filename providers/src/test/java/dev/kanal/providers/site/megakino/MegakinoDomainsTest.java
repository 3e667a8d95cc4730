package dev.kanal.providers.site.megakino;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.OkHttpFetcher;
import dev.kanal.providers.testing.FakeCatalog;
import dev.kanal.providers.testing.FakeMegakino;
import dev.kanal.providers.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MegakinoDomainsTest {
    FakeMegakino live;
    WireMockServer old;
    WireMockServer parked;
    Fetcher fetcher;
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeEach
    void start() {
        live = new FakeMegakino(FakeCatalog.movies(), "");
        old = server();
        parked = server();
        // the old TLD forwards to the live one, as retired Megakino domains do
        old.stubFor(get(urlEqualTo("/sitemap.xml")).willReturn(aResponse().withStatus(301)
                .withHeader("Location", live.baseUrl() + "/sitemap.xml")));
        // a parked domain answers 200 with HTML
        parked.stubFor(get(urlEqualTo("/sitemap.xml")).willReturn(aResponse().withStatus(200)
                .withBody("<!doctype html><html><body>This domain is for sale</body></html>")));
        fetcher = new OkHttpFetcher(new ProviderSettings(Map.of(), Set.of(), 1000, true, Duration.ofSeconds(1),
                Duration.ofSeconds(2), 0, null));
    }

    @AfterEach
    void stop() {
        live.close();
        old.stop();
        parked.stop();
    }

    static WireMockServer server() {
        WireMockServer s = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        s.start();
        s.stubFor(any(urlMatching(".*")).atPriority(10).willReturn(aResponse().withStatus(404)));
        return s;
    }

    static URI base(WireMockServer s) {
        return URI.create("http://127.0.0.1:" + s.port());
    }

    static final URI DEAD = URI.create("http://127.0.0.1:1");

    MegakinoDomains domains(List<URI> candidates) {
        return new MegakinoDomains(fetcher, null, candidates, clock, Duration.ofMinutes(30));
    }

    @Test
    void the_final_url_of_a_redirecting_candidate_names_the_live_domain() {
        MegakinoDomains d = domains(List.of(DEAD, base(parked), base(old)));
        assertThat(d.current().base()).isEqualTo(live.baseUrl());
    }

    @Test
    void mirrors_txt_is_consulted_when_no_candidate_answers() {
        parked.stubFor(get(urlEqualTo("/mirrors.txt")).willReturn(aResponse().withStatus(200)
                .withBody("# list\n" + live.baseUrl() + "\n<b>junk</b>\n")));
        MegakinoDomains d = domains(List.of(DEAD, base(parked)));
        assertThat(d.current().base()).isEqualTo(live.baseUrl());
    }

    @Test
    void no_answer_at_all_is_unreachable_and_says_what_to_configure() {
        MegakinoDomains d = domains(List.of(DEAD, base(parked)));
        assertThatThrownBy(d::current).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.failure()).isInstanceOf(ProviderFailure.Unreachable.class);
            assertThat(e.getMessage()).contains("set the megakino base URL");
        });
    }

    @Test
    void a_configured_base_is_used_without_probing() {
        MegakinoDomains d = new MegakinoDomains(fetcher, URI.create("http://127.0.0.1:1/configured"), List.of(base(old)),
                clock, Duration.ofMinutes(30));
        assertThat(d.current().base()).isEqualTo(URI.create("http://127.0.0.1:1/configured"));
        assertThat(old.getAllServeEvents()).isEmpty();
    }

    @Test
    void the_domain_is_rechecked_after_the_interval_and_rediscovered_when_it_moved() {
        FakeMegakino newer = new FakeMegakino(FakeCatalog.movies(), "");
        try {
            MegakinoDomains d = domains(List.of(base(old)));
            assertThat(d.current().base()).isEqualTo(live.baseUrl());
            // within the interval: no probe at all
            int before = live.server().getAllServeEvents().size();
            assertThat(d.current().base()).isEqualTo(live.baseUrl());
            assertThat(live.server().getAllServeEvents()).hasSize(before);
            // the site moves: the old live domain now forwards to a newer one
            live.server().stubFor(get(urlEqualTo("/sitemap.xml")).atPriority(1).willReturn(aResponse().withStatus(301)
                    .withHeader("Location", newer.baseUrl() + "/sitemap.xml")));
            old.stubFor(get(urlEqualTo("/sitemap.xml")).atPriority(1).willReturn(aResponse().withStatus(301)
                    .withHeader("Location", newer.baseUrl() + "/sitemap.xml")));
            assertThat(d.current().base()).isEqualTo(live.baseUrl());
            clock.advance(Duration.ofMinutes(31));
            assertThat(d.current().base()).isEqualTo(newer.baseUrl());
        } finally {
            newer.close();
        }
    }
}
