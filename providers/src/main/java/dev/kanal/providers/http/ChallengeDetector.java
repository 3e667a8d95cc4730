package dev.kanal.providers.http;

import dev.kanal.providers.ChallengeKind;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises anti-bot pages before anything parses them as content. Markers come from the research
 * notes (upstream-markup §0.2): Cloudflare's interstitial titles and challenge platform, Turnstile
 * widgets, DDoS-Guard's server header and "Checking your browser" page, and s.to's link-out gate
 * in its 2026 forms ({@code player-prepare-turnstile}, {@code <title>stream wird vorbereitet...</title>},
 * {@code <altcha-widget>}, hCaptcha).
 */
public final class ChallengeDetector {
    /** Only the head of a page is inspected; challenge pages are small and say so early. */
    private static final int SNIFF_CHARS = 64 * 1024;

    public Optional<ChallengeKind> detect(int status, String server, String body) {
        String srv = server == null ? "" : server.toLowerCase(Locale.ROOT);
        String head = body == null ? "" : body.substring(0, Math.min(body.length(), SNIFF_CHARS));
        String lower = head.toLowerCase(Locale.ROOT);

        if (srv.contains("ddos-guard") && (status == 403 || lower.contains("checking your browser")
                || lower.contains("ddos-guard"))) {
            return Optional.of(ChallengeKind.DDOS_GUARD);
        }
        if (lower.contains("<title>just a moment") || lower.contains("<title>attention required")
                || lower.contains("cdn-cgi/challenge-platform") || lower.contains("cf_chl_")) {
            return Optional.of(ChallengeKind.CLOUDFLARE);
        }
        if (lower.contains("cf-turnstile") && lower.contains("captcha-form")) {
            return Optional.of(ChallengeKind.TURNSTILE);
        }
        // s.to keeps its (hidden) "Video wird vorbereitet" modal on every episode page: the widget
        // markers count only on a page that carries no content a parser wants
        boolean content = lower.contains("data-play-url") || lower.contains("data-link-target")
                || lower.contains("episodelink") || lower.contains("<video") || lower.contains("jwplayer")
                || lower.contains("application/json") || head.length() >= 40_000;
        if (!content && lower.contains("player-prepare-turnstile")) {
            return Optional.of(ChallengeKind.TURNSTILE);
        }
        if (!content && lower.contains("<altcha-widget")) {
            return Optional.of(ChallengeKind.ALTCHA);
        }
        if (!content && (lower.contains("hcaptcha.com/1/api.js") || lower.contains("class=\"h-captcha\"")
                || lower.contains("class='h-captcha'"))) {
            return Optional.of(ChallengeKind.HCAPTCHA);
        }
        if (lower.contains("<title>stream wird vorbereitet")
                || (lower.contains("stream wird vorbereitet") && lower.contains("captcha"))) {
            return Optional.of(ChallengeKind.LINK_GATE);
        }
        if (lower.contains("checking your browser") && lower.contains("ddos")) {
            return Optional.of(ChallengeKind.DDOS_GUARD);
        }
        if (lower.contains("g-recaptcha") && head.length() < 20_000 && !lower.contains("<video")) {
            return Optional.of(ChallengeKind.CAPTCHA);
        }
        return Optional.empty();
    }
}
