package dev.kanal.arr;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.kanal.Json;
import dev.kanal.config.KanalConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Test button's call and the queue look-up against a fake Sonarr; a wrong key and a down arr say so. */
class ArrClientTest {
    static WireMockServer arr;

    @BeforeAll
    static void start() {
        arr = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        arr.start();
        arr.stubFor(get(urlPathEqualTo("/api/v3/system/status")).withHeader("X-Api-Key", equalTo("good"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"appName\":\"Sonarr\",\"version\":\"4.0.15.2941\"}")));
        arr.stubFor(get(urlPathEqualTo("/api/v3/system/status")).withHeader("X-Api-Key", equalTo("bad"))
                .willReturn(aResponse().withStatus(401)));
        arr.stubFor(get(urlPathEqualTo("/api/v3/queue")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"page\":1,\"pageSize\":100,\"totalRecords\":1,\"records\":[{\"id\":3,\"downloadId\":\""
                        + "AB".repeat(20) + "\"}]}")));
    }

    @AfterAll
    static void stop() {
        arr.stop();
    }

    static ArrClient client(String url, String key) {
        return new ArrClient(new KanalConfig.ArrInstance("Sonarr", URI.create(url), key), HttpClient.newHttpClient(),
                Json.mapper(), Duration.ofSeconds(5));
    }

    @Test
    void status_names_the_app_and_version() throws Exception {
        assertThat(client(arr.baseUrl(), "good").status()).isEqualTo(new ArrClient.Status("Sonarr", "4.0.15.2941"));
    }

    @Test
    void a_wrong_key_and_a_down_arr_are_one_clear_line() {
        assertThatThrownBy(() -> client(arr.baseUrl(), "bad").status()).hasMessage("Sonarr refused the API key (401)");
        assertThatThrownBy(() -> client("http://127.0.0.1:9", "good").status())
                .hasMessageStartingWith("Sonarr at http://127.0.0.1:9 is unreachable");
    }

    @Test
    void the_queue_item_is_found_by_the_upper_case_hash() throws Exception {
        assertThat(client(arr.baseUrl(), "good").queueItem("ab".repeat(20))).contains(3L);
        assertThat(client(arr.baseUrl(), "good").queueItem("cd".repeat(20))).isEmpty();
        arr.verify(getRequestedFor(urlPathEqualTo("/api/v3/queue")).withQueryParam("pageSize", equalTo("100"))
                .withQueryParam("includeUnknownSeriesItems", equalTo("true")));
    }
}
