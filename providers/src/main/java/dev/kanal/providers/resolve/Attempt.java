package dev.kanal.providers.resolve;

import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderFailure;
import java.net.URI;
import java.util.Objects;

/**
 * One hoster link tried while resolving an episode, kept so the app can show why a download
 * failed and which hoster finally worked.
 *
 * @param hoster the hoster's name as the site shows it (may be a placeholder such as {@code Provider}),
 *     or the site's id when the site's own episode page failed
 * @param language the language that was asked for
 * @param embedUrl the hoster embed URL, or null when the link-out (or the site) failed before one was known
 * @param failure why it failed; null for the attempt that worked
 */
public record Attempt(String hoster, Language language, URI embedUrl, ProviderFailure failure) {
    public Attempt {
        Objects.requireNonNull(hoster, "hoster");
        Objects.requireNonNull(language, "language");
    }

    /** True for the attempt that produced the stream. */
    public boolean succeeded() {
        return failure == null;
    }

    /**
     * One line: the hoster and what happened, naming the host but never the full URL (hoster URLs
     * carry tokens), e.g. {@code VOE: video gone: page says 'File not found' (voe.sx)}.
     */
    public String describe() {
        if (failure == null) return hoster + ": ok";
        String host = failure.url() == null || failure.url().getHost() == null ? null : failure.url().getHost();
        return hoster + ": " + reason(failure) + (host == null ? "" : " (" + host + ")");
    }

    private static String reason(ProviderFailure failure) {
        return switch (failure) {
            case ProviderFailure.Unreachable u -> "unreachable: " + u.reason();
            case ProviderFailure.Blocked b -> "blocked by " + b.kind().label();
            case ProviderFailure.NotFound n -> "not found";
            case ProviderFailure.MarkupChanged m -> "markup changed: expected " + m.concept() + " at '" + m.selector() + "'";
            case ProviderFailure.HosterGone g -> "video gone: " + g.reason();
        };
    }
}
