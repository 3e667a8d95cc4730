package dev.kanal.providers.resolve;

import dev.kanal.providers.ChallengeKind;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.SiteId;
import java.net.URI;
import java.util.Objects;

/**
 * One hoster link tried while resolving an episode, kept so the app can show why a download
 * failed and which hoster finally worked. The same record travels from the resolver up through the
 * app's sources, jobs and STRM proxy.
 *
 * @param hoster the hoster's name as the site shows it (may be a placeholder such as {@code Provider}),
 *     or the site's id when the site's own episode page failed; {@code <site>:<hoster>} once another
 *     site than the grabbed one was tried (see {@link #onSite})
 * @param language the language that was asked for
 * @param embedUrl the hoster embed URL, or null when the link-out (or the site) failed before one was known
 * @param failure why it failed; null for the attempt that worked
 * @param reason why it failed in one line for users and job records, without the hoster's name
 *     (e.g. {@code video gone: page says 'File not found' (voe.sx)},
 *     {@code s.to answered a link gate (needs a browser)}); null for the attempt that worked
 */
public record Attempt(String hoster, Language language, URI embedUrl, ProviderFailure failure, String reason) {
    public Attempt {
        Objects.requireNonNull(hoster, "hoster");
        Objects.requireNonNull(language, "language");
        if (failure != null && reason == null) reason = reason(null, hoster, embedUrl, failure);
        if (failure == null) reason = null;
    }

    /** An attempt whose reason is worded from {@code failure} alone. */
    public Attempt(String hoster, Language language, URI embedUrl, ProviderFailure failure) {
        this(hoster, language, embedUrl, failure, null);
    }

    /** The attempt that produced the stream. */
    public static Attempt worked(String hoster, Language language, URI embedUrl) {
        return new Attempt(hoster, language, embedUrl, null, null);
    }

    /**
     * A failed attempt on {@code site}'s link: an anti-bot wall met before any embed was known is
     * named after the site ({@code s.to answered …}), one on the embed page after the hoster.
     */
    public static Attempt failed(SiteId site, String hoster, Language language, URI embedUrl, ProviderFailure failure) {
        return new Attempt(hoster, language, embedUrl, failure, reason(site, hoster, embedUrl, failure));
    }

    /** True for the attempt that produced the stream. */
    public boolean succeeded() {
        return failure == null;
    }

    /** True when the failure may go away by itself (network, 429, 5xx): worth trying again later. */
    public boolean transientFailure() {
        return failure != null && failure.transientFailure();
    }

    /** The same attempt under the name {@code <site>:<hoster>}, for a site other than the grabbed one. */
    public Attempt onSite(SiteId site) {
        return new Attempt(site.id() + ":" + hoster, language, embedUrl, failure, reason);
    }

    /**
     * One line: the hoster and what happened, naming the host but never the full URL (hoster URLs
     * carry tokens), e.g. {@code VOE: video gone: page says 'File not found' (voe.sx)}.
     */
    public String describe() {
        if (failure == null) return hoster + ": ok";
        return hoster + ": " + detail(failure);
    }

    private static String reason(SiteId site, String hoster, URI embedUrl, ProviderFailure failure) {
        if (failure instanceof ProviderFailure.Blocked b) {
            // the site's page or link-out (no embed yet) or the hoster's embed page met an anti-bot wall
            String who = embedUrl == null && site != null ? site.label() : hoster;
            return who + " answered " + article(b.kind()) + " (needs a browser)";
        }
        return detail(failure);
    }

    private static String detail(ProviderFailure failure) {
        String host = failure.url() == null || failure.url().getHost() == null ? null : failure.url().getHost();
        return what(failure) + (host == null ? "" : " (" + host + ")");
    }

    private static String what(ProviderFailure failure) {
        return switch (failure) {
            case ProviderFailure.Unreachable u -> "unreachable: " + u.reason();
            case ProviderFailure.Blocked b -> "blocked by " + b.kind().label();
            case ProviderFailure.NotFound n -> "not found";
            case ProviderFailure.MarkupChanged m -> "markup changed: expected " + m.concept() + " at '" + m.selector() + "'";
            case ProviderFailure.HosterGone g -> "video gone: " + g.reason();
        };
    }

    private static String article(ChallengeKind kind) {
        String l = kind.label().replace("s.to link-out gate", "link gate");
        return ("aeiouAEIOU".indexOf(l.charAt(0)) >= 0 ? "an " : "a ") + l;
    }
}
