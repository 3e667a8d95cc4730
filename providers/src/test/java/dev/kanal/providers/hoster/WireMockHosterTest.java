package dev.kanal.providers.hoster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.http.OkHttpFetcher;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Shared set-up of the hoster tests: one WireMock server on localhost, reachable under two names
 * ({@code 127.0.0.1} and {@code localhost}) so a hop to "another domain" can be tested, and the
 * production fetcher allowed to reach it.
 */
abstract class WireMockHosterTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String UA = "Kanal-Test-UA/1.0";

    final OkHttpFetcher fetcher = new OkHttpFetcher(ProviderSettings.defaults().allowingPrivateUpstreams());

    URI local(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + wm.getPort() + pathAndQuery);
    }

    URI otherHost(String pathAndQuery) {
        return URI.create("http://localhost:" + wm.getPort() + pathAndQuery);
    }

    String localHost() {
        return "127.0.0.1:" + wm.getPort();
    }

    void serve(String pathAndQuery, String body) {
        serve(pathAndQuery, "text/html; charset=utf-8", body);
    }

    void serve(String pathAndQuery, String contentType, String body) {
        wm.stubFor(get(urlEqualTo(pathAndQuery)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
    }
}
