package dev.kanal.providers.hoster;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.kanal.providers.testing.hoster.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.testing.hoster.HosterPages;
import java.net.URI;
import org.junit.jupiter.api.Test;

class LuluvdoHosterTest extends WireMockHosterTest {
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
