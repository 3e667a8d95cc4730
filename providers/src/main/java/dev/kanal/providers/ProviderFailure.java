package dev.kanal.providers;

import java.net.URI;

/**
 * Why a site or hoster could not answer. Callers switch over these: transient failures are retried
 * with backoff, the others move on (next hoster, next title) without retrying in a loop.
 */
public sealed interface ProviderFailure {
    /** The URL that failed. */
    URI url();

    /** One line for logs and for users: what broke and where. */
    String describe();

    /** Network error, timeout, 429 or 5xx: worth retrying later. */
    record Unreachable(URI url, String reason) implements ProviderFailure {
        public String describe() {
            return "unreachable: " + reason + " (" + ProviderFailure.safe(url) + ")";
        }
    }

    /** An anti-bot page (Cloudflare, Turnstile, DDoS-Guard, the s.to link-out gate). */
    record Blocked(URI url, ChallengeKind kind) implements ProviderFailure {
        public String describe() {
            return "blocked by " + kind.label() + " (" + ProviderFailure.safe(url) + ")";
        }
    }

    /** The page or title does not exist (404, or the site's own "not found"). */
    record NotFound(URI url) implements ProviderFailure {
        public String describe() {
            return "not found (" + ProviderFailure.safe(url) + ")";
        }
    }

    /** The markup no longer has what the parser expects. */
    record MarkupChanged(URI url, String concept, String selector) implements ProviderFailure {
        public String describe() {
            return "markup changed: expected " + concept + " at '" + selector + "' (" + ProviderFailure.safe(url) + ")";
        }
    }

    /** The hoster says the video was removed or never existed. */
    record HosterGone(URI url, String reason) implements ProviderFailure {
        public String describe() {
            return "video gone: " + reason + " (" + ProviderFailure.safe(url) + ")";
        }
    }

    /**
     * The URL without its query or fragment: link-out tokens ({@code /r?t=…}), signed media URLs and
     * session ids live there and must not reach logs or users.
     */
    static String safe(URI url) {
        if (url == null) return "";
        if (url.getHost() == null) return url.getScheme() == null ? "?" : url.getScheme() + ":…";
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()) + path
                + (url.getRawQuery() == null ? "" : "?…");
    }

    /** True when trying the same request again later may succeed. */
    default boolean transientFailure() {
        return this instanceof Unreachable;
    }
}
