package dev.kanal.providers.hoster;

import dev.kanal.providers.ChallengeKind;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every hoster does around its own parsing: fetch the embed page (a 404/410 there means the
 * video is gone, not that a site page is missing), derive follow-up URLs from the page's own
 * origin, and turn "nothing matched" into the right {@link ProviderFailure}.
 */
final class EmbedPages {
    private EmbedPages() {}

    /** {@code scheme://host[:port]} of a URL; follow-up requests go there, never to a public domain. */
    static URI origin(URI url) {
        return URI.create(url.getScheme() + "://" + url.getRawAuthority());
    }

    /** The origin with a trailing slash, the Referer most hosters check. */
    static String referer(URI url) {
        return origin(url) + "/";
    }

    /** GET an embed or player page; a 404/410 becomes {@link ProviderFailure.HosterGone}. */
    static Page fetch(Fetcher fetcher, URI url, Map<String, String> headers) {
        try {
            return fetcher.get(url, headers);
        } catch (ProviderException e) {
            if (e.failure() instanceof ProviderFailure.NotFound) throw gone(url, "hoster answered 404/410");
            throw e;
        }
    }

    /** Resolves a (possibly relative or protocol-relative) reference against a page URL. */
    static URI resolve(URI base, String ref, String concept) {
        try {
            String trimmed = ref.strip();
            URI target = new URI(trimmed.replace(" ", "%20"));
            return base.resolve(target);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw markupChanged(base, concept, "invalid URL");
        }
    }

    /** The named group of the first match, if any. */
    static Optional<String> first(Pattern pattern, String text, String group) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(group)) : Optional.empty();
    }

    /**
     * Fails with {@link ProviderFailure.HosterGone} when the page carries one of the hoster's
     * "removed video" markers (matched ignoring case). Call it only once extraction found nothing,
     * so a marker string inside a working player's scripts cannot cause a false alarm.
     */
    static void failIfGone(URI url, String body, List<String> markers) {
        String lower = body.toLowerCase(Locale.ROOT);
        for (String marker : markers) {
            if (lower.contains(marker.toLowerCase(Locale.ROOT))) throw gone(url, "page says '" + marker + "'");
        }
    }

    /** Fails with {@link ProviderFailure.Blocked} when the page carries a hoster-specific captcha marker. */
    static void failIfCaptcha(URI url, String body, Map<String, ChallengeKind> markers) {
        String lower = body.toLowerCase(Locale.ROOT);
        markers.forEach((marker, kind) -> {
            if (lower.contains(marker.toLowerCase(Locale.ROOT))) {
                throw new ProviderException(new ProviderFailure.Blocked(url, kind));
            }
        });
    }

    static ProviderException gone(URI url, String reason) {
        return new ProviderException(new ProviderFailure.HosterGone(url, reason));
    }

    static ProviderException markupChanged(URI url, String concept, String selector) {
        return new ProviderException(new ProviderFailure.MarkupChanged(url, concept, selector));
    }

    /** The host of a URL for logs: never the path or query, which carry tokens. */
    static String hostOf(URI url) {
        return url.getHost() == null ? "?" : url.getHost();
    }
}
