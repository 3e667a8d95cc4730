package dev.kanal.providers.hoster;

import static dev.kanal.providers.testing.hoster.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.testing.hoster.HosterPages;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StreamtapeHosterTest extends WireMockHosterTest {
    private final StreamtapeHoster streamtape = new StreamtapeHoster(UA);

    private static final String REAL = "id=AbCdEf123&expires=1770000000&ip=F0xYZ1&token=RealTok3n12X";
    private static final String DECOY = "id=AbCdEf123&expires=1770000000&ip=F0xYZ1&token=DecoyTok3n9Q";

    @Test
    void streamtape_splices_the_classic_robotlink_expression() {
        serve("/e/st1", HosterPages.streamtapeClassicPage("streamtape.com", REAL, DECOY));

        StreamSource source = streamtape.resolve(local("/e/st1"), fetcher);

        assertThat(source.url()).isEqualTo(local("/get_video?" + REAL + "&stream=1"));
        assertThat(source.format()).isEqualTo(StreamSource.Format.MP4);
        assertThat(source.expiresAt()).isEqualTo(Instant.ofEpochSecond(1770000000L));
        assertThat(source.headers()).containsEntry("Referer", local("/").toString()).containsEntry("User-Agent", UA);
    }

    @Test
    void streamtape_ignores_decoy_tokens_and_evaluates_the_element_the_player_reads() {
        serve("/e/st2", HosterPages.streamtapeDecoyPage(localHost(), REAL, DECOY));

        StreamSource source = streamtape.resolve(local("/e/st2"), fetcher);

        assertThat(source.url().getQuery()).contains("token=RealTok3n12X").doesNotContain("Decoy");
    }

    @Test
    void streamtape_video_url_form_is_normalised_to_the_embed() {
        serve("/e/st3/name.mp4", HosterPages.streamtapeClassicPage("streamtape.com", REAL, DECOY));

        assertThat(streamtape.resolve(local("/v/st3/name.mp4"), fetcher).url().getQuery()).contains("RealTok3n12X");
    }

    @Test
    void streamtape_removed_video_is_hoster_gone() {
        serve("/e/gone", "<html><body><h1>Video not found</h1><p>Maybe it got deleted</p></body></html>");

        assertThat(failureOf(() -> streamtape.resolve(local("/e/gone"), fetcher))).isInstanceOf(ProviderFailure.HosterGone.class);
    }

    @Test
    void streamtape_challenge_is_blocked() {
        serve("/e/cf", HosterPages.cloudflareChallengePage());

        assertThat(failureOf(() -> streamtape.resolve(local("/e/cf"), fetcher))).isInstanceOf(ProviderFailure.Blocked.class);
    }

    @Test
    void streamtape_page_without_link_script_is_markup_changed() {
        serve("/e/empty", HosterPages.emptyPlayerPage());

        assertThat(failureOf(() -> streamtape.resolve(local("/e/empty"), fetcher)))
                .isInstanceOf(ProviderFailure.MarkupChanged.class);
    }
}
