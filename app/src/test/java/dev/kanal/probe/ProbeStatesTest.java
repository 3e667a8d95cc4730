package dev.kanal.probe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SiteId;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code kanal probe} tells unreachable, blocked and changed markup apart (issue 14 point 5). */
class ProbeStatesTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static Probe probeOf(URI base) {
        ProviderSettings settings = new ProviderSettings(Map.of(SiteId.STO, base), EnumSet.of(SiteId.STO), 50, true,
                Duration.ofSeconds(2), Duration.ofSeconds(2), 0, null);
        return new Probe(Providers.create(settings));
    }

    @Test
    void an_unreachable_site_says_unreachable_and_what_to_do() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ProbeReport r = probeOf(URI.create("http://127.0.0.1:" + closed))
                .run(new Probe.Request(SiteId.STO, "example-show", null, null, false)).withRoute("direct");

        assertThat(r.condition()).isEqualTo("unreachable");
        assertThat(r.cause()).startsWith("connection refused by 127.0.0.1");
        assertThat(ProbeText.render(r)).contains("route:  direct", "state:  unreachable — connection refused by 127.0.0.1",
                "what to do:");
    }

    @Test
    void a_challenge_says_blocked_by_which_one() {
        wm.stubFor(get(urlPathMatching("/serie/.*")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>Just a moment...</title></head><body>cf</body></html>")));
        ProbeReport r = probeOf(URI.create("http://127.0.0.1:" + wm.getPort()))
                .run(new Probe.Request(SiteId.STO, "example-show", null, null, false));

        assertThat(r.condition()).isEqualTo("blocked");
        assertThat(ProbeText.render(r)).contains("state:  blocked — Cloudflare challenge", "KANAL_FLARESOLVERR_URL");
    }

    @Test
    void a_changed_page_says_markup_changed_and_which_element() {
        wm.stubFor(get(urlPathMatching("/serie/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body><p>Neues Layout</p></body></html>")));
        ProbeReport r = probeOf(URI.create("http://127.0.0.1:" + wm.getPort()))
                .run(new Probe.Request(SiteId.STO, "example-show", null, null, false));

        assertThat(r.condition()).isEqualTo("markup_changed");
        assertThat(ProbeText.render(r)).contains("state:  markup changed — ");
    }
}
