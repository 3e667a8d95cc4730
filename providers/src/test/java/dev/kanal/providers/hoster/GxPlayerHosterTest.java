package dev.kanal.providers.hoster;

import static dev.kanal.providers.testing.hoster.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.testing.hoster.HosterPages;
import org.junit.jupiter.api.Test;

class GxPlayerHosterTest extends WireMockHosterTest {
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
