package dev.kanal.providers.hoster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.kanal.providers.testing.hoster.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.StreamSource;
import java.net.URI;
import org.junit.jupiter.api.Test;

class LoadXHosterTest extends WireMockHosterTest {
    private final LoadXHoster loadx = new LoadXHoster(UA);

    @Test
    void loadx_follows_the_redirect_and_posts_for_the_video_source() {
        URI hls = local("/media/lx/master.m3u8");
        wm.stubFor(get(urlEqualTo("/e/lx1")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", otherHost("/video/9f8e7d6c/episode.mp4").toString())));
        wm.stubFor(post(urlEqualTo("/player/index.php?data=9f8e7d6c&do=getVideo"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"hls\":true,\"videoSource\":\"" + hls + "\",\"securedLink\":\"\"}")));

        StreamSource source = loadx.resolve(local("/e/lx1"), fetcher);

        assertThat(source.url()).isEqualTo(hls);
        assertThat(source.format()).isEqualTo(StreamSource.Format.HLS);
        assertThat(source.headers()).containsEntry("Accept", "*/*");
        wm.verify(postRequestedFor(urlPathEqualTo("/player/index.php"))
                .withHeader("X-Requested-With", equalTo("XMLHttpRequest"))
                .withHeader("Host", equalTo("localhost:" + wm.getPort())));
    }

    @Test
    void loadx_unknown_video_is_hoster_gone() {
        assertThat(failureOf(() -> loadx.resolve(local("/e/missing"), fetcher)))
                .isInstanceOf(ProviderFailure.HosterGone.class);
    }

    @Test
    void loadx_answer_without_video_source_is_markup_changed() {
        wm.stubFor(get(urlEqualTo("/e/lx2")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", local("/video/abc/x").toString())));
        wm.stubFor(post(urlEqualTo("/player/index.php?data=abc&do=getVideo"))
                .willReturn(aResponse().withStatus(200).withBody("{\"error\":\"nope\"}")));

        assertThat(failureOf(() -> loadx.resolve(local("/e/lx2"), fetcher)))
                .isInstanceOfSatisfying(ProviderFailure.MarkupChanged.class,
                        m -> assertThat(m.selector()).isEqualTo("videoSource"));
    }
}
