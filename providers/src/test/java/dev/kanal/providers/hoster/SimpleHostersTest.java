package dev.kanal.providers.hoster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.kanal.providers.testing.hoster.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.testing.hoster.HosterPages;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Vidoza, Vidmoly, LoadX, Luluvdo and GXPlayer: one request or two, no obfuscation beyond packing. */
class SimpleHostersTest extends WireMockHosterTest {
    @Nested
    class VidozaHosterTest {
        private final VidozaHoster vidoza = new VidozaHoster(UA);

        @Test
        void vidoza_reads_the_sources_code_mp4() {
            URI mp4 = local("/media/vz/v.mp4");
            serve("/embed-vz1.html", HosterPages.vidozaPage(mp4));

            StreamSource source = vidoza.resolve(local("/embed-vz1.html"), fetcher);

            assertThat(source.url()).isEqualTo(mp4);
            assertThat(source.format()).isEqualTo(StreamSource.Format.MP4);
            assertThat(source.headers()).containsEntry("Referer", local("/").toString());
        }

        @Test
        void vidoza_removed_file_is_hoster_gone() {
            serve("/embed-vz2.html", HosterPages.textPage("Vidoza", "File was deleted"));

            assertThat(failureOf(() -> vidoza.resolve(local("/embed-vz2.html"), fetcher)))
                    .isInstanceOf(ProviderFailure.HosterGone.class);
        }

        @Test
        void vidoza_page_without_sources_is_markup_changed() {
            serve("/embed-vz3.html", HosterPages.emptyPlayerPage());

            assertThat(failureOf(() -> vidoza.resolve(local("/embed-vz3.html"), fetcher)))
                    .isInstanceOf(ProviderFailure.MarkupChanged.class);
        }
    }

    @Nested
    class VidmolyHosterTest {
        private final VidmolyHoster vidmoly = new VidmolyHoster(UA);

        @Test
        void vidmoly_reads_the_jwplayer_source_and_needs_referer_and_origin() {
            URI hls = local("/hls/xx,abc123,.urlset/master.m3u8");
            serve("/embed-vm1.html", HosterPages.vidmolyPage(hls));

            StreamSource source = vidmoly.resolve(local("/embed-vm1.html"), fetcher);

            assertThat(source.url()).isEqualTo(hls);
            assertThat(source.format()).isEqualTo(StreamSource.Format.HLS);
            assertThat(source.headers()).containsEntry("Referer", local("/").toString())
                    .containsEntry("Origin", "http://" + localHost());
        }

        @Test
        void vidmoly_removed_file_is_hoster_gone() {
            serve("/embed-vm2.html", HosterPages.textPage("Vidmoly", "File Not Found"));

            assertThat(failureOf(() -> vidmoly.resolve(local("/embed-vm2.html"), fetcher)))
                    .isInstanceOf(ProviderFailure.HosterGone.class);
        }

        @Test
        void vidmoly_page_without_setup_is_markup_changed() {
            serve("/embed-vm3.html", HosterPages.emptyPlayerPage());

            assertThat(failureOf(() -> vidmoly.resolve(local("/embed-vm3.html"), fetcher)))
                    .isInstanceOf(ProviderFailure.MarkupChanged.class);
        }
    }

    @Nested
    class LoadXHosterTest {
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

    @Nested
    class LuluvdoHosterTest {
        private final LuluvdoHoster luluvdo = new LuluvdoHoster();

        @Test
        void luluvdo_unpacks_the_dl_player_with_its_own_user_agent() {
            URI hls = local("/media/lu/master.m3u8?t=z");
            serve("/dl?op=embed&file_code=lu1&embed=1&referer=127.0.0.1&adb=0", HosterPages.luluvdoPage(hls));

            StreamSource source = luluvdo.resolve(local("/e/lu1"), fetcher);

            assertThat(source.url()).isEqualTo(hls);
            assertThat(source.headers()).containsEntry("User-Agent", LuluvdoHoster.LULUVDO_USER_AGENT)
                    .containsEntry("Origin", "http://" + localHost());
            wm.verify(getRequestedFor(urlPathEqualTo("/dl"))
                    .withHeader("User-Agent", equalTo(LuluvdoHoster.LULUVDO_USER_AGENT)));
        }

        @Test
        void luluvdo_removed_file_is_hoster_gone() {
            serve("/dl?op=embed&file_code=lu2&embed=1&referer=127.0.0.1&adb=0",
                    HosterPages.textPage("Luluvdo", "File Not Found"));

            assertThat(failureOf(() -> luluvdo.resolve(local("/e/lu2"), fetcher)))
                    .isInstanceOf(ProviderFailure.HosterGone.class);
        }

        @Test
        void luluvdo_page_without_player_is_markup_changed() {
            serve("/dl?op=embed&file_code=lu3&embed=1&referer=127.0.0.1&adb=0", HosterPages.emptyPlayerPage());

            assertThat(failureOf(() -> luluvdo.resolve(local("/e/lu3"), fetcher)))
                    .isInstanceOf(ProviderFailure.MarkupChanged.class);
        }
    }

    @Nested
    class GxPlayerHosterTest {
        private final GxPlayerHoster gx = new GxPlayerHoster(UA);

        @Test
        void gxplayer_builds_the_master_playlist_url_on_the_same_host() {
            serve("/watch?v=Ab12Cd34", HosterPages.gxPlayerPage("4711", "1234567", "0123456789abcdef0123456789abcdef"));

            StreamSource source = gx.resolve(local("/watch?v=Ab12Cd34"), fetcher);

            assertThat(source.url()).isEqualTo(
                    local("/m3u8/1234567/0123456789abcdef0123456789abcdef/master.txt?s=1&id=4711&cache=1"));
            assertThat(source.format()).isEqualTo(StreamSource.Format.HLS);
        }

        @Test
        void gxplayer_missing_video_is_hoster_gone() {
            serve("/watch?v=gone0000", HosterPages.textPage("GXPlayer", "Video is not found"));

            assertThat(failureOf(() -> gx.resolve(local("/watch?v=gone0000"), fetcher)))
                    .isInstanceOf(ProviderFailure.HosterGone.class);
        }

        @Test
        void gxplayer_page_without_config_is_markup_changed() {
            serve("/watch?v=empty000", HosterPages.emptyPlayerPage());

            assertThat(failureOf(() -> gx.resolve(local("/watch?v=empty000"), fetcher)))
                    .isInstanceOfSatisfying(ProviderFailure.MarkupChanged.class, m -> assertThat(m.selector()).isEqualTo("UID"));
        }
    }
}
