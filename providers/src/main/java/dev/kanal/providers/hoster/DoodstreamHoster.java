package dev.kanal.providers.hoster;

import dev.kanal.providers.ChallengeKind;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Doodstream (and its many domains). The player asks {@code /pass_md5/…} for a URL prefix, then
 * appends ten random characters plus {@code ?token=…&expiry=<now ms>}; we do the same. The
 * {@code expiry} parameter is the request time, not an end of validity, so no
 * {@link StreamSource#expiresAt()} is reported.
 */
public final class DoodstreamHoster extends EmbedHoster {
    private static final Logger log = LoggerFactory.getLogger(DoodstreamHoster.class);

    /** {@code $.get('/pass_md5/<a>-<b>-…-<md5>/<token>', function(data) …}. */
    private static final Pattern PASS_MD5 = Pattern.compile(
            "\\$\\.get\\(\\s*['\"](?<path>[^'\"]*/pass_md5/[^'\"]+)['\"]");

    /** Some builds build the call differently; the path literal itself is enough. */
    private static final Pattern PASS_MD5_LITERAL = Pattern.compile("['\"](?<path>/pass_md5/[^'\"<>\\s]+)['\"]");

    /** {@code makePlay} appends {@code ?token=<token>&expiry=…}; the token also ends the pass_md5 path. */
    private static final Pattern TOKEN = Pattern.compile("[?&]token=(?<token>[A-Za-z0-9]+)");

    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Doodstream's removed-video pages. */
    private static final List<String> GONE_MARKERS = List.of(
            "<h1>Oops! Sorry", "Video not found", "File not found", "<iframe src=\"/e/\"");

    /** Captcha gates Doodstream puts before the player. */
    private static final Map<String, ChallengeKind> CAPTCHA_MARKERS = Map.of(
            "op=validate&gc_response=", ChallengeKind.CAPTCHA,
            "data-sitekey=", ChallengeKind.CAPTCHA,
            "cf-turnstile", ChallengeKind.TURNSTILE);

    private final Clock clock;
    private final RandomGenerator random;

    /** Doodstream with Kanal's default User-Agent, the system clock and a secure random suffix. */
    public DoodstreamHoster() {
        this(ProviderSettings.DEFAULT_USER_AGENT, Clock.systemUTC(), new SecureRandom());
    }

    /**
     * @param userAgent sent on the page requests and returned for the stream (Doodstream binds them)
     * @param clock the time put into {@code expiry}
     * @param random source of the ten-character suffix; must be thread-safe when the hoster is shared
     */
    public DoodstreamHoster(String userAgent, Clock clock, RandomGenerator random) {
        // hosts: the brand labels seen in extractors; the TLDs churn too often to list
        super("Doodstream", Set.of("Dood", "DoodStream"), Set.of("dood", "d000d", "d0000d", "ds2play", "dsvplay",
                "myvidplay", "vidply", "doply", "do7go", "vide0", "playmogo", "all3do"), GONE_MARKERS, userAgent);
        this.clock = clock;
        this.random = random;
    }

    @Override
    public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
        URI url = embedUrl.resolve(embedUrl.getRawPath().replaceFirst("^/d/", "/e/")
                + (embedUrl.getRawQuery() == null ? "" : "?" + embedUrl.getRawQuery()));
        Page page = page(fetcher, url);
        URI pageUrl = page.url(); // the host often changes (myvidplay.com, …): follow-ups go there
        String body = page.body();
        String path = EmbedPages.first(PASS_MD5, body, "path")
                .or(() -> EmbedPages.first(PASS_MD5_LITERAL, body, "path"))
                .orElseThrow(() -> {
                    EmbedPages.failIfCaptcha(pageUrl, body, CAPTCHA_MARKERS);
                    return missing(pageUrl, body, "Doodstream pass_md5 call", "PASS_MD5");
                });
        String token = EmbedPages.first(TOKEN, body, "token")
                .orElseGet(() -> path.substring(path.lastIndexOf('/') + 1));

        URI passMd5 = EmbedPages.resolve(pageUrl, path, "Doodstream pass_md5 path");
        Page prefixPage = EmbedPages.fetch(fetcher, passMd5, Map.of(
                "User-Agent", userAgent, "Referer", pageUrl.toString(), "X-Requested-With", "XMLHttpRequest"));
        String prefix = prefixPage.body().strip();
        if (!prefix.startsWith("http")) {
            throw EmbedPages.markupChanged(passMd5, "Doodstream media URL prefix", "pass_md5 body starting with http");
        }
        URI media = EmbedPages.resolve(pageUrl, prefix + suffix() + "?token=" + token + "&expiry=" + clock.millis(),
                "Doodstream media URL");
        log.debug("hoster=Doodstream media_host={}", EmbedPages.hostOf(media));

        return new StreamSource(media, StreamSource.formatOf(media), mediaHeaders(pageUrl), null, name());
    }

    /** Ten characters from the player's own alphabet, as {@code makePlay} appends. */
    private String suffix() {
        StringBuilder sb = new StringBuilder(10);
        for (int i = 0; i < 10; i++) sb.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        return sb.toString();
    }
}
