package dev.kanal.providers;

/** The anti-bot layers Kanal recognises (and never parses as content). */
public enum ChallengeKind {
    CLOUDFLARE("Cloudflare challenge"),
    TURNSTILE("Cloudflare Turnstile"),
    DDOS_GUARD("DDoS-Guard"),
    CAPTCHA("captcha"),
    LINK_GATE("s.to link-out gate"),
    /** ALTCHA proof-of-work widget ({@code <altcha-widget>}), s.to's link-out gate since 2026. */
    ALTCHA("ALTCHA proof-of-work"),
    /** hCaptcha widget. */
    HCAPTCHA("hCaptcha");

    private final String label;

    ChallengeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
