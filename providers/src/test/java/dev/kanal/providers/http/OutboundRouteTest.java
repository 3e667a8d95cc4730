package dev.kanal.providers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.kanal.providers.testing.hoster.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.kanal.providers.ChallengeKind;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.testing.hoster.HosterPages;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14 point 3: requests through a configured proxy, and Cloudflare challenges handed to a
 * local fake of FlareSolverr's {@code POST /v1} API whose cookies and agent are then reused.
 */
class OutboundRouteTest {
    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension solver = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String SOLVER_UA = "Mozilla/5.0 (X11; Linux x86_64) SolverBrowser/1.0";

    private URI onSite(String path) {
        return URI.create("http://127.0.0.1:" + site.getPort() + path);
    }

    @Test
    void an_http_proxy_carries_the_request_and_resolves_the_host_itself() {
        // the target name does not resolve here: only the proxy (WireMock) sees it
        site.stubFor(get(urlEqualTo("/title/example")).withHeader("Host", containing("site.kanal-test.invalid"))
                .willReturn(aResponse().withStatus(200).withBody("<html>via proxy</html>")));
        ProxySpec proxy = ProxySpec.parse("http://127.0.0.1:" + site.getPort());
        OkHttpFetcher fetcher = new OkHttpFetcher(ProviderSettings.defaults(),
                new HostHealthRegistry(HttpPolicy.from(ProviderSettings.defaults()), HttpClock.system()), Map.of(),
                new OutboundRoute(proxy, null));

        Page page = fetcher.get(URI.create("http://site.kanal-test.invalid/title/example"));

        assertThat(page.body()).contains("via proxy");
        assertThat(fetcher.route().describe()).isEqualTo("via http://127.0.0.1:" + site.getPort());
    }

    @Test
    void a_socks5_proxy_carries_the_request_and_is_asked_for_the_host_name() throws Exception {
        site.stubFor(get(urlEqualTo("/socks/page")).willReturn(aResponse().withStatus(200).withBody("<html>via socks</html>")));
        try (var socks = new dev.kanal.providers.testing.TinySocks5(site.getPort())) {
            OkHttpFetcher fetcher = new OkHttpFetcher(ProviderSettings.defaults(),
                    new HostHealthRegistry(HttpPolicy.from(ProviderSettings.defaults()), HttpClock.system()), Map.of(),
                    new OutboundRoute(ProxySpec.parse("socks5://127.0.0.1:" + socks.port()), null));

            assertThat(fetcher.get(URI.create("http://sto.kanal-test.invalid/socks/page")).body()).contains("via socks");
            assertThat(socks.requestedHosts()).containsExactly("sto.kanal-test.invalid");
        }
    }

    @Test
    void through_a_proxy_private_ip_literals_are_still_refused() {
        OkHttpFetcher fetcher = new OkHttpFetcher(ProviderSettings.defaults(),
                new HostHealthRegistry(HttpPolicy.from(ProviderSettings.defaults()), HttpClock.system()), Map.of(),
                new OutboundRoute(ProxySpec.parse("http://127.0.0.1:" + site.getPort()), null));

        ProviderFailure f = failureOf(() -> fetcher.get(URI.create("http://192.168.1.1/admin")));
        assertThat(f).isInstanceOf(ProviderFailure.Unreachable.class);
        assertThat(f.describe()).contains("private address");
    }

    @Test
    void through_a_proxy_encoded_private_addresses_are_refused_like_literals() {
        OkHttpFetcher fetcher = new OkHttpFetcher(ProviderSettings.defaults(),
                new HostHealthRegistry(HttpPolicy.from(ProviderSettings.defaults()), HttpClock.system()), Map.of(),
                new OutboundRoute(ProxySpec.parse("http://127.0.0.1:" + site.getPort()), null));

        // 192.168.1.1 as one number, and 127.0.0.1 shortened: neither reaches the proxy
        for (String url : java.util.List.of("http://3232235777/admin", "http://127.1/secret")) {
            ProviderFailure f = failureOf(() -> fetcher.get(URI.create(url)));
            assertThat(f).as(url).isInstanceOf(ProviderFailure.Unreachable.class);
            assertThat(f.describe()).as(url).contains("private address");
        }
    }

    @Test
    void proxy_urls_parse_and_bad_ones_say_why() {
        assertThat(ProxySpec.parse("socks5://gluetun:1080").toProxy().type()).isEqualTo(Proxy.Type.SOCKS);
        ProxySpec http = ProxySpec.parse("http://user:p%40ss@vpn:8888");
        assertThat(http.user()).isEqualTo("user");
        assertThat(http.password()).isEqualTo("p@ss");
        assertThat(http.describe()).isEqualTo("http://vpn:8888").doesNotContain("p@ss");
        assertThatThrownBy(() -> ProxySpec.parse("ftp://x:1")).hasMessageContaining("http or socks5");
        assertThatThrownBy(() -> ProxySpec.parse("socks5://u:p@x:1")).hasMessageContaining("not supported");
    }

    @Test
    void a_cloudflare_page_is_solved_by_flaresolverr_and_its_clearance_is_reused_until_it_stops_working() {
        site.stubFor(get(urlEqualTo("/protected")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html").withBody(HosterPages.cloudflareChallengePage())));
        site.stubFor(get(urlEqualTo("/protected")).withCookie("cf_clearance", equalTo("first"))
                .withHeader("User-Agent", equalTo(SOLVER_UA))
                .willReturn(aResponse().withStatus(200).withBody("<html>the real page</html>")));
        solver.stubFor(post(urlEqualTo("/v1")).withRequestBody(matchingJsonPath("$.cmd", equalTo("request.get")))
                .withRequestBody(matchingJsonPath("$.url", equalTo(onSite("/protected").toString())))
                .withRequestBody(matchingJsonPath("$.maxTimeout", equalTo("20000")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(solution("first"))));
        OkHttpFetcher fetcher = new OkHttpFetcher(ProviderSettings.defaults().allowingPrivateUpstreams(),
                new HostHealthRegistry(HttpPolicy.from(ProviderSettings.defaults()), HttpClock.system()), Map.of(),
                new OutboundRoute(null, new FlareSolverr(URI.create("http://127.0.0.1:" + solver.getPort()),
                        Duration.ofSeconds(20))));

        assertThat(fetcher.get(onSite("/protected")).body()).contains("the real page");
        assertThat(fetcher.get(onSite("/protected")).body()).contains("the real page");
        solver.verify(1, postRequestedFor(urlEqualTo("/v1")));

        // the site rotates its clearance: the old cookie now meets the challenge again, a new solve follows
        site.stubFor(get(urlEqualTo("/protected")).withCookie("cf_clearance", equalTo("first"))
                .willReturn(aResponse().withStatus(403).withBody(HosterPages.cloudflareChallengePage())));
        site.stubFor(get(urlEqualTo("/protected")).withCookie("cf_clearance", equalTo("second"))
                .willReturn(aResponse().withStatus(200).withBody("<html>the real page again</html>")));
        solver.stubFor(post(urlEqualTo("/v1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(solution("second"))));

        assertThat(fetcher.get(onSite("/protected")).body()).contains("the real page again");
        solver.verify(2, postRequestedFor(urlEqualTo("/v1")));
    }

    @Test
    void when_flaresolverr_fails_the_page_stays_blocked_by_cloudflare() {
        site.stubFor(get(urlEqualTo("/hard")).willReturn(aResponse().withStatus(403)
                .withBody(HosterPages.cloudflareChallengePage())));
        solver.stubFor(post(urlEqualTo("/v1")).withRequestBody(containing("/hard")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"error\",\"message\":\"Challenge not solved\"}")));
        OkHttpFetcher fetcher = new OkHttpFetcher(ProviderSettings.defaults().allowingPrivateUpstreams(),
                new HostHealthRegistry(HttpPolicy.from(ProviderSettings.defaults()), HttpClock.system()), Map.of(),
                new OutboundRoute(null, new FlareSolverr(URI.create("http://127.0.0.1:" + solver.getPort() + "/"),
                        Duration.ofSeconds(5))));

        ProviderFailure f = failureOf(() -> fetcher.get(onSite("/hard")));
        assertThat(f).isInstanceOfSatisfying(ProviderFailure.Blocked.class,
                b -> assertThat(b.kind()).isEqualTo(ChallengeKind.CLOUDFLARE));
        site.verify(getRequestedFor(urlEqualTo("/hard")).withHeader("User-Agent", absent().or(containing("Chrome"))));
    }

    private static String solution(String clearance) {
        return "{\"status\":\"ok\",\"message\":\"Challenge solved!\",\"solution\":{\"url\":\"x\",\"status\":200,"
                + "\"cookies\":[{\"name\":\"cf_clearance\",\"value\":\"" + clearance + "\",\"domain\":\"127.0.0.1\","
                + "\"path\":\"/\",\"httpOnly\":true}],\"userAgent\":\"" + SOLVER_UA + "\",\"response\":\"<html></html>\"},"
                + "\"startTimestamp\":1,\"endTimestamp\":2,\"version\":\"3.3.21\"}";
    }
}
