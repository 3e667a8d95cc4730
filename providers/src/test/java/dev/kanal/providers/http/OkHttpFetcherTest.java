package dev.kanal.providers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.kanal.providers.ChallengeKind;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.testing.Fixtures;
import dev.kanal.providers.testing.ManualHttpClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OkHttpFetcherTest {
    WireMockServer server;
    ManualHttpClock clock = new ManualHttpClock();
    ProviderSettings settings = new ProviderSettings(Map.of(), Set.of(), 1000, true, Duration.ofSeconds(2),
            Duration.ofSeconds(3), 3, null);
    HostHealthRegistry hosts;
    OkHttpFetcher fetcher;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        hosts = new HostHealthRegistry(HttpPolicy.from(settings).withBreaker(3, Duration.ofSeconds(60)), clock);
        fetcher = new OkHttpFetcher(settings, hosts, Map.of("Referer", "https://site.example/"));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    String host() {
        return "127.0.0.1:" + server.port();
    }

    static ProviderFailure failure(Runnable r) {
        try {
            r.run();
        } catch (ProviderException e) {
            return e.failure();
        }
        throw new AssertionError("no ProviderException");
    }

    @Test
    void sends_browser_headers_and_the_site_referer() {
        server.stubFor(get(urlEqualTo("/p")).willReturn(aResponse().withBody("hello")));
        Page page = fetcher.get(url("/p"));
        assertThat(page.body()).isEqualTo("hello");
        server.verify(getRequestedFor(urlEqualTo("/p"))
                .withHeader("User-Agent", equalTo(ProviderSettings.DEFAULT_USER_AGENT))
                .withHeader("Accept-Language", equalTo("de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7"))
                .withHeader("Referer", equalTo("https://site.example/")));
    }

    @Test
    void transient_failures_are_retried_with_growing_backoff() {
        server.stubFor(get(urlEqualTo("/flaky")).inScenario("f").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("2"));
        server.stubFor(get(urlEqualTo("/flaky")).inScenario("f").whenScenarioStateIs("2")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("3"));
        server.stubFor(get(urlEqualTo("/flaky")).inScenario("f").whenScenarioStateIs("3")
                .willReturn(aResponse().withBody("finally")));
        assertThat(fetcher.get(url("/flaky")).body()).isEqualTo("finally");
        assertThat(clock.sleeps()).hasSize(2);
        assertThat(clock.sleeps().get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(750));
        assertThat(clock.sleeps().get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1500));
        assertThat(hosts.health(host()).orElseThrow().samples()).isEqualTo(3);
    }

    @Test
    void retry_after_is_honoured() {
        server.stubFor(get(urlEqualTo("/slow")).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        server.stubFor(get(urlEqualTo("/slow")).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(aResponse().withBody("ok")));
        assertThat(fetcher.get(url("/slow")).body()).isEqualTo("ok");
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void a_retry_after_beyond_the_longest_wait_fails_at_once() {
        server.stubFor(get(urlEqualTo("/later")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        assertThat(failure(() -> fetcher.get(url("/later")))).isEqualTo(new ProviderFailure.Unreachable(url("/later"), "HTTP 429"));
        assertThat(clock.sleeps()).isEmpty();
        server.verify(1, getRequestedFor(urlEqualTo("/later")));
    }

    @Test
    void the_circuit_opens_after_repeated_failures_and_half_opens_after_the_cool_down() {
        server.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withStatus(500)));
        assertThat(failure(() -> fetcher.get(url("/down")))).isInstanceOf(ProviderFailure.Unreachable.class);
        server.verify(3, getRequestedFor(urlEqualTo("/down"))); // the third failure opened the circuit
        assertThat(hosts.health(host()).orElseThrow().state()).isEqualTo(HostHealth.State.CIRCUIT_OPEN);

        ProviderFailure fast = failure(() -> fetcher.get(url("/down")));
        assertThat(((ProviderFailure.Unreachable) fast).reason()).contains("circuit open for 127.0.0.1");
        server.verify(3, getRequestedFor(urlEqualTo("/down")));

        clock.advance(Duration.ofSeconds(61));
        server.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withBody("back")));
        assertThat(fetcher.get(url("/down")).body()).isEqualTo("back");
        assertThat(hosts.health(host()).orElseThrow().state()).isNotEqualTo(HostHealth.State.CIRCUIT_OPEN);
    }

    @Test
    void a_challenge_is_blocked_and_never_retried() {
        server.stubFor(get(urlEqualTo("/cf")).willReturn(aResponse().withStatus(503)
                .withBody(Fixtures.site("aniworld", "challenge-cloudflare.html"))));
        assertThat(failure(() -> fetcher.get(url("/cf"))))
                .isEqualTo(new ProviderFailure.Blocked(url("/cf"), ChallengeKind.CLOUDFLARE));
        server.verify(1, getRequestedFor(urlEqualTo("/cf")));
        assertThat(hosts.health(host()).orElseThrow().state()).isEqualTo(HostHealth.State.BLOCKED);
    }

    @Test
    void not_found_is_typed_and_not_retried() {
        server.stubFor(get(urlEqualTo("/gone")).willReturn(aResponse().withStatus(404)));
        assertThat(failure(() -> fetcher.get(url("/gone")))).isEqualTo(new ProviderFailure.NotFound(url("/gone")));
        server.verify(1, getRequestedFor(urlEqualTo("/gone")));
        assertThat(hosts.health(host()).orElseThrow().state()).isEqualTo(HostHealth.State.OK);
    }

    @Test
    void private_addresses_are_refused_unless_allowed() {
        OkHttpFetcher guarded = new OkHttpFetcher(new ProviderSettings(Map.of(), Set.of(), 1000, false,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 3, null));
        ProviderFailure f = failure(() -> guarded.get(URI.create("http://localhost:" + server.port() + "/p")));
        assertThat(f).isInstanceOf(ProviderFailure.Unreachable.class);
        assertThat(((ProviderFailure.Unreachable) f).reason()).contains("refusing private address");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void cookies_are_kept_for_the_site() {
        server.stubFor(get(urlEqualTo("/token")).willReturn(aResponse().withHeader("Set-Cookie", "__ddg1_=abc; Path=/")));
        server.stubFor(get(urlEqualTo("/page")).willReturn(aResponse().withBody("x")));
        fetcher.get(url("/token"));
        fetcher.get(url("/page"));
        server.verify(getRequestedFor(urlEqualTo("/page")).withCookie("__ddg1_", equalTo("abc")));
    }

    @Test
    void redirect_target_reads_location_without_following() {
        server.stubFor(get(urlEqualTo("/redirect/1")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://voe.example/e/abc")));
        server.stubFor(get(urlEqualTo("/stay")).willReturn(aResponse().withBody("<html>gate</html>")));
        assertThat(fetcher.redirectTarget(url("/redirect/1"), Map.of())).contains(URI.create("https://voe.example/e/abc"));
        assertThat(fetcher.redirectTarget(url("/stay"), Map.of())).isEqualTo(Optional.empty());
    }

    @Test
    void streamed_bodies_are_checked_for_challenges_first() {
        server.stubFor(get(urlEqualTo("/big")).willReturn(aResponse().withBody("<html>" + "x".repeat(100_000) + "</html>")));
        server.stubFor(get(urlEqualTo("/ddg")).willReturn(aResponse().withStatus(403).withHeader("Server", "ddos-guard")
                .withBody("<html>blocked</html>")));
        int length = fetcher.stream(url("/big"), Map.of(), (u, in) -> new String(in.readAllBytes(), StandardCharsets.UTF_8).length());
        assertThat(length).isEqualTo(100_013);
        assertThat(failure(() -> fetcher.stream(url("/ddg"), Map.of(), (u, in) -> 0)))
                .isEqualTo(new ProviderFailure.Blocked(url("/ddg"), ChallengeKind.DDOS_GUARD));
    }

    @Test
    void health_reports_success_rate_and_state_per_host() {
        server.stubFor(get(urlEqualTo("/ok")).willReturn(aResponse().withBody("ok")));
        fetcher.get(url("/ok"));
        fetcher.get(url("/ok"));
        HostHealth h = hosts.snapshot().getFirst();
        assertThat(h.host()).isEqualTo(host());
        assertThat(h.state()).isEqualTo(HostHealth.State.OK);
        assertThat(h.successRate()).isEqualTo(1.0);
        assertThat(h.samples()).isEqualTo(2);
        assertThat(h.lastSuccess()).isNotNull();
    }

    @Test
    void the_rate_limit_spaces_requests_per_host() {
        HostHealthRegistry slow = new HostHealthRegistry(new HttpPolicy(2, 1, 0, Duration.ofMillis(500),
                Duration.ofSeconds(30), 5, Duration.ofSeconds(60), Duration.ofSeconds(5)), clock);
        OkHttpFetcher limited = new OkHttpFetcher(settings, slow, Map.of());
        server.stubFor(get(urlEqualTo("/r")).willReturn(aResponse().withBody("r")));
        for (int i = 0; i < 3; i++) limited.get(url("/r"));
        // burst of one, then one token every 500 ms (real elapsed time also refills the bucket)
        assertThat(clock.sleeps()).hasSize(2).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofMillis(500)));
    }
}
