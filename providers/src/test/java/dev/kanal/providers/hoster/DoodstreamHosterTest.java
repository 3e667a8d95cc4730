package dev.kanal.providers.hoster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.kanal.providers.testing.hoster.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.ChallengeKind;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.testing.hoster.HosterPages;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DoodstreamHosterTest extends WireMockHosterTest {
    private static final Instant NOW = Instant.parse("2026-11-21T06:00:00Z");
    private final DoodstreamHoster dood = new DoodstreamHoster(UA, Clock.fixed(NOW, ZoneOffset.UTC), new SplittableRandom(7));

    private static final String PASS = "/pass_md5/123456-78-90-1763704800-0123456789abcdef0123456789abcdef/tok3n7x9qz";

    @Test
    void dood_builds_media_url_from_pass_md5_prefix_token_suffix_and_expiry() {
        serve("/e/dood1", HosterPages.doodEmbedPage(PASS, "tok3n7x9qz"));
        serve(PASS, "text/plain", "https://cdn.example.test/u5kj6abc/file~");

        StreamSource source = dood.resolve(local("/e/dood1"), fetcher);

        assertThat(source.url().toString())
                .matches("https://cdn\\.example\\.test/u5kj6abc/file~[A-Za-z0-9]{10}\\?token=tok3n7x9qz&expiry="
                        + NOW.toEpochMilli());
        assertThat(source.format()).isEqualTo(StreamSource.Format.MP4);
        assertThat(source.hoster()).isEqualTo("Doodstream");
        assertThat(source.headers()).containsEntry("Referer", local("/").toString()).containsEntry("User-Agent", UA);
        wm.verify(getRequestedFor(urlEqualTo(PASS))
                .withHeader("Referer", equalTo(local("/e/dood1").toString()))
                .withHeader("User-Agent", equalTo(UA)));
    }

    @Test
    void dood_download_page_url_is_normalised_to_the_embed() {
        serve("/e/dood2", HosterPages.doodEmbedPage(PASS, "tok3n7x9qz"));
        serve(PASS, "text/plain", "https://cdn.example.test/p2/file~");

        assertThat(dood.resolve(local("/d/dood2"), fetcher).url().toString()).startsWith("https://cdn.example.test/p2/file~");
    }

    @Test
    void dood_follows_the_domain_redirect_and_asks_the_new_host() {
        wm.stubFor(get(urlEqualTo("/e/dood3")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", otherHost("/e/dood3b").toString())));
        serve("/e/dood3b", HosterPages.doodEmbedPage(PASS, "tok3n7x9qz"));
        serve(PASS, "text/plain", "https://cdn.example.test/p3/file~");

        StreamSource source = dood.resolve(local("/e/dood3"), fetcher);

        assertThat(source.headers()).containsEntry("Referer", otherHost("/").toString());
        wm.verify(getRequestedFor(urlEqualTo(PASS)).withHeader("Host", equalTo("localhost:" + wm.getPort())));
    }

    @Test
    void dood_removed_video_is_hoster_gone() {
        serve("/e/gone", HosterPages.textPage("Video not found | DoodStream", "Oops! Sorry"));

        assertThat(failureOf(() -> dood.resolve(local("/e/gone"), fetcher))).isInstanceOf(ProviderFailure.HosterGone.class);
    }

    @Test
    void dood_captcha_gate_is_blocked() {
        serve("/e/captcha", HosterPages.doodCaptchaPage());

        assertThat(failureOf(() -> dood.resolve(local("/e/captcha"), fetcher)))
                .isInstanceOfSatisfying(ProviderFailure.Blocked.class, b -> assertThat(b.kind()).isEqualTo(ChallengeKind.CAPTCHA));
    }

    @Test
    void dood_cloudflare_challenge_is_blocked() {
        serve("/e/cf", HosterPages.cloudflareChallengePage());

        assertThat(failureOf(() -> dood.resolve(local("/e/cf"), fetcher))).isInstanceOf(ProviderFailure.Blocked.class);
    }

    @Test
    void dood_page_without_pass_md5_is_markup_changed() {
        serve("/e/empty", HosterPages.emptyPlayerPage());

        assertThat(failureOf(() -> dood.resolve(local("/e/empty"), fetcher)))
                .isInstanceOfSatisfying(ProviderFailure.MarkupChanged.class, m -> assertThat(m.selector()).isEqualTo("PASS_MD5"));
    }

    @Test
    void dood_pass_md5_answer_without_url_is_markup_changed() {
        serve("/e/reload", HosterPages.doodEmbedPage(PASS, "tok3n7x9qz"));
        serve(PASS, "text/plain", "RELOAD");

        assertThat(failureOf(() -> dood.resolve(local("/e/reload"), fetcher))).isInstanceOf(ProviderFailure.MarkupChanged.class);
    }
}
