package dev.kanal.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.ChallengeKind;
import org.junit.jupiter.api.Test;

/** The s.to gate in its 2026 forms (issue 14), and content pages that merely carry the hidden modal. */
class ChallengeMarkersTest {
    private final ChallengeDetector detector = new ChallengeDetector();

    @Test
    void each_new_gate_form_is_named() {
        assertThat(detector.detect(200, "nginx", "<html><body><div class=\"modal\"><div id=\"player-prepare-turnstile\" "
                + "data-sitekey=\"0x4AAexample\"></div></div></body></html>")).contains(ChallengeKind.TURNSTILE);
        assertThat(detector.detect(200, "nginx", "<html><head><title>Stream wird vorbereitet...</title></head>"
                + "<body><p>Einen Moment bitte.</p></body></html>")).contains(ChallengeKind.LINK_GATE);
        assertThat(detector.detect(200, "nginx", "<html><body><form method=\"post\" action=\"/r\">"
                + "<altcha-widget challengeurl=\"/api/inline/verify-init\"></altcha-widget></form></body></html>"))
                .contains(ChallengeKind.ALTCHA);
        assertThat(detector.detect(200, "nginx", "<html><head><script src=\"https://js.hcaptcha.com/1/api.js\" async></script>"
                + "</head><body><div class=\"h-captcha\" data-sitekey=\"abc\"></div></body></html>"))
                .contains(ChallengeKind.HCAPTCHA);
    }

    @Test
    void an_episode_page_with_the_hidden_prepare_modal_is_content_not_a_challenge() {
        String page = "<html><head><title>Silo S1E1</title></head><body><div id=\"episode-links\">"
                + "<button class=\"link-box\" data-link-id=\"1\" data-play-url=\"/r?t=abc\" data-provider-name=\"VOE\" "
                + "data-language-label=\"Deutsch\" data-language-id=\"1\">VOE</button></div>"
                + "<div class=\"modal\" id=\"playerPrepareModal\"><h5>Video wird vorbereitet...</h5>"
                + "<div id=\"player-prepare-turnstile\"></div><altcha-widget hidden></altcha-widget></div></body></html>";
        assertThat(detector.detect(200, "nginx", page)).isEmpty();
    }
}
