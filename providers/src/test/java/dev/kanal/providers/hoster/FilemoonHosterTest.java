package dev.kanal.providers.hoster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.kanal.providers.testing.hoster.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.http.OkHttpFetcher;
import dev.kanal.providers.testing.hoster.FilemoonCipher;
import dev.kanal.providers.testing.hoster.HosterPages;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FilemoonHosterTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final OkHttpFetcher fetcher = new OkHttpFetcher(ProviderSettings.defaults().allowingPrivateUpstreams());
    private final FilemoonHoster filemoon = new FilemoonHoster("Kanal-Test-UA/1.0");
    private final FilemoonCipher cipher = new FilemoonCipher();

    private static final String LOW = "https://cdn.example.test/hls2/01/00001/abc_,l,.urlset/master.m3u8?t=x&s=1770000000&e=10800";
    private static final String HIGH = "https://cdn.example.test/hls2/01/00001/abc_,n,.urlset/master.m3u8?t=y&s=1770000000&e=10800";

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + wm.getPort() + path);
    }

    private void serve(String path, String contentType, String body) {
        wm.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    @Test
    void filemoon_decrypts_aes_gcm_api_payload_and_picks_the_highest_source() {
        serve("/api/videos/api1", "application/json",
                cipher.playbackJson(FilemoonCipher.sourcesJson(LOW, "480", HIGH, "1080")));

        StreamSource source = filemoon.resolve(local("/e/api1"), fetcher);

        assertThat(source.url()).hasToString(HIGH);
        assertThat(source.format()).isEqualTo(StreamSource.Format.HLS);
        assertThat(source.hoster()).isEqualTo("Filemoon");
        assertThat(source.expiresAt()).isNotNull();
        assertThat(source.headers()).containsEntry("Referer", local("/").toString())
                .containsEntry("User-Agent", "Kanal-Test-UA/1.0");
    }

    @Test
    void filemoon_finds_the_key_parts_named_by_version_among_decoys() {
        serve("/api/videos/decoy1", "application/json",
                cipher.playbackJsonWithDecoys(FilemoonCipher.sourcesJson(HIGH, "720"), 7));

        assertThat(filemoon.resolve(local("/d/decoy1"), fetcher).url()).hasToString(HIGH);
    }

    @Test
    void filemoon_takes_plain_api_sources_from_older_builds() {
        serve("/api/videos/plain1", "application/json", FilemoonCipher.sourcesJson(LOW, "360"));

        assertThat(filemoon.resolve(local("/e/plain1"), fetcher).url()).hasToString(LOW);
    }

    @Test
    void filemoon_unpacks_the_packed_player_when_the_api_is_missing() {
        URI media = local("/media/fm/master.m3u8?t=abc");
        serve("/e/packed1", "text/html", HosterPages.filemoonPackedPage(media));

        StreamSource source = filemoon.resolve(local("/e/packed1"), fetcher);

        assertThat(source.url()).isEqualTo(media);
        assertThat(source.format()).isEqualTo(StreamSource.Format.HLS);
    }

    @Test
    void filemoon_falls_back_to_the_packed_player_when_the_api_payload_cannot_be_decrypted() {
        serve("/api/videos/bad1", "application/json",
                "{\"playback\":{\"iv\":\"AAAAAAAAAAAAAAAA\",\"payload\":\"AAAA\",\"key_parts\":[\"AAAA\"]}}");
        URI media = local("/media/fm/bad1.m3u8");
        serve("/e/bad1", "text/html", HosterPages.filemoonPackedPage(media));

        assertThat(filemoon.resolve(local("/e/bad1"), fetcher).url()).isEqualTo(media);
    }

    @Test
    void filemoon_follows_the_download_page_iframe_to_the_player_host() {
        URI player = URI.create("http://localhost:" + wm.getPort() + "/e/hop1");
        URI media = local("/media/fm/hop1.m3u8");
        serve("/d/hop1", "text/html", HosterPages.iframePage(player));
        serve("/e/hop1", "text/html", HosterPages.filemoonPackedPage(media));

        StreamSource source = filemoon.resolve(local("/d/hop1"), fetcher);

        assertThat(source.url()).isEqualTo(media);
        assertThat(source.headers()).containsEntry("Referer", "http://localhost:" + wm.getPort() + "/");
    }

    @Test
    void filemoon_removed_file_is_hoster_gone() {
        serve("/e/gone1", "text/html", HosterPages.textPage("Filemoon", "File Not Found"));

        assertThat(failureOf(() -> filemoon.resolve(local("/e/gone1"), fetcher)))
                .isInstanceOf(ProviderFailure.HosterGone.class);
    }

    @Test
    void filemoon_404_is_hoster_gone() {
        assertThat(failureOf(() -> filemoon.resolve(local("/e/nothing"), fetcher)))
                .isInstanceOf(ProviderFailure.HosterGone.class);
    }

    @Test
    void filemoon_challenge_is_blocked() {
        serve("/e/cf1", "text/html", HosterPages.cloudflareChallengePage());

        assertThat(failureOf(() -> filemoon.resolve(local("/e/cf1"), fetcher)))
                .isInstanceOf(ProviderFailure.Blocked.class);
    }

    @Test
    void filemoon_page_without_packed_script_is_markup_changed() {
        serve("/e/empty1", "text/html", HosterPages.emptyPlayerPage());

        assertThat(failureOf(() -> filemoon.resolve(local("/e/empty1"), fetcher)))
                .isInstanceOf(ProviderFailure.MarkupChanged.class);
    }

    @Test
    void filemoon_url_without_file_code_is_markup_changed() {
        assertThat(failureOf(() -> filemoon.resolve(local("/watch"), fetcher)))
                .isInstanceOfSatisfying(ProviderFailure.MarkupChanged.class,
                        m -> assertThat(m.concept()).isEqualTo("Filemoon file code"));
    }
}
