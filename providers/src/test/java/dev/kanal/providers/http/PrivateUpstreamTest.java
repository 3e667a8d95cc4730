package dev.kanal.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.ProviderSettings;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Loopback and private addresses are refused unless allowed, by name and as IP literals. */
class PrivateUpstreamTest {
    static WireMockServer wire;

    @BeforeAll
    static void start() {
        wire = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wire.start();
        wire.stubFor(WireMock.get("/page").willReturn(WireMock.ok("<html><body>hello</body></html>")));
    }

    @AfterAll
    static void stop() {
        wire.stop();
    }

    @Test
    void an_ip_literal_private_address_is_refused_without_a_request() {
        var fetcher = new OkHttpFetcher(ProviderSettings.defaults());
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            URI url = URI.create("http://" + host + ":" + wire.port() + "/page");
            assertThatThrownBy(() -> fetcher.get(url))
                    .isInstanceOf(ProviderException.class)
                    .satisfies(e -> assertThat(((ProviderException) e).failure())
                            .isInstanceOf(ProviderFailure.Unreachable.class))
                    .hasMessageContaining("refusing private address");
        }
        assertThat(wire.getAllServeEvents()).isEmpty();
    }

    @Test
    void allowed_private_upstreams_are_reached() {
        var fetcher = new OkHttpFetcher(ProviderSettings.defaults().allowingPrivateUpstreams());
        var page = fetcher.get(URI.create("http://127.0.0.1:" + wire.port() + "/page"));
        assertThat(page.body()).contains("hello");
    }
}
