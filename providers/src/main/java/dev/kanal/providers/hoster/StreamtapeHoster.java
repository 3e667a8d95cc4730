package dev.kanal.providers.hoster;

import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.hoster.js.StringExpression;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streamtape. The {@code get_video} URL is spliced together in a script from string pieces and
 * {@code substring} calls; since 2026 hidden elements ({@code ideoolink}, {@code botlink},
 * {@code robotlink}) also carry decoy tokens as text and in decoy assignments. So instead of taking
 * the first literal, this evaluates the expression assigned to the element the player reads.
 */
public final class StreamtapeHoster extends EmbedHoster {
    private static final Logger log = LoggerFactory.getLogger(StreamtapeHoster.class);

    /** {@code document.getElementById('<id>').innerHTML = <expression>;}: where the real value is built. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "document\\.getElementById\\(\\s*['\"](?<id>\\w+)['\"]\\s*\\)\\.innerHTML\\s*=(?!=)\\s*");

    /** The same element read rather than written: the one the player actually uses. */
    private static final Pattern READ = Pattern.compile(
            "document\\.getElementById\\(\\s*['\"](?<id>\\w+)['\"]\\s*\\)\\.innerHTML(?!\\s*=(?!=))");

    /** When no read is visible: 2026 pages play {@code botlink}, classic ones {@code robotlink}. */
    private static final List<String> USUAL_ELEMENTS = List.of("botlink", "robotlink");

    /** The element text form {@code /streamtape.com/get_video?…}: a host name after one slash. */
    private static final Pattern HOST_AFTER_ONE_SLASH = Pattern.compile("^/[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}/");

    /** Streamtape's removed-video page. */
    private static final List<String> GONE_MARKERS = List.of(">Video not found", "Video not found", "File not found");

    /** Streamtape with Kanal's default browser User-Agent (Streamtape challenges anything else). */
    public StreamtapeHoster() {
        this(ProviderSettings.DEFAULT_USER_AGENT);
    }

    /** @param userAgent a desktop browser User-Agent, returned for the stream as well */
    public StreamtapeHoster(String userAgent) {
        super("Streamtape", Set.of(), Set.of("streamtape", "strtape", "strcloud", "shavetape", "streamta.pe",
                "tapecontent", "watchadsontape"), GONE_MARKERS, userAgent);
    }

    @Override
    public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
        URI url = embedUrl.resolve(embedUrl.getRawPath().replaceFirst("^/v/", "/e/"));
        Page page = page(fetcher, url);
        URI pageUrl = page.url();
        String body = page.body();

        Map<String, String> assigned = new LinkedHashMap<>();
        Matcher m = ASSIGNMENT.matcher(body);
        while (m.find()) {
            try {
                assigned.put(m.group("id"), StringExpression.evaluate(body, m.end()));
            } catch (IllegalArgumentException e) {
                log.debug("hoster=Streamtape element={} expression=unsupported", m.group("id"));
            }
        }
        String value = found(chooseElement(body, assigned).map(assigned::get).filter(v -> v.contains("get_video?")),
                pageUrl, body, "Streamtape get_video link", "ASSIGNMENT");
        URI media = mediaUrl(pageUrl, value);
        log.debug("hoster=Streamtape media_host={}", EmbedPages.hostOf(media));

        return new StreamSource(media, StreamSource.Format.MP4, mediaHeaders(pageUrl), MediaExpiry.of(media), name());
    }

    /**
     * The link as the page built it, with only its scheme and host swapped for the page's own origin:
     * the literal names {@code streamtape.com} even on mirrors, and the mirror serves the same path
     * ({@code /get_video}, or a prefixed one such as {@code /st/get_video}). The path is kept as is.
     */
    static URI mediaUrl(URI pageUrl, String value) {
        String link = value.strip();
        int at = link.indexOf("get_video?");
        String beforeQuery = link.substring(0, at);
        String query = link.substring(at + "get_video?".length());
        if (!query.contains("stream=")) query += "&stream=1";
        String path;
        if (beforeQuery.startsWith("//") || beforeQuery.matches("(?i)^https?://.*")
                || HOST_AFTER_ONE_SLASH.matcher(beforeQuery).find()) {
            String noScheme = beforeQuery.replaceFirst("(?i)^(https?:)?//?", "");
            int slash = noScheme.indexOf('/');
            path = slash < 0 ? "/" : noScheme.substring(slash);
        } else {
            path = beforeQuery.startsWith("/") ? beforeQuery : pageUrl.resolve(beforeQuery.isEmpty() ? "." : beforeQuery).getRawPath();
            if (path == null || path.isEmpty()) path = "/";
        }
        if (!path.endsWith("/")) path += "/";
        return EmbedPages.resolve(pageUrl, EmbedPages.origin(pageUrl) + path + "get_video?" + query,
                "Streamtape get_video URL");
    }

    /** The element the player reads, else the usual one, else whatever was assigned first. */
    private static Optional<String> chooseElement(String body, Map<String, String> assigned) {
        Matcher read = READ.matcher(body);
        while (read.find()) {
            if (assigned.containsKey(read.group("id"))) return Optional.of(read.group("id"));
        }
        for (String id : USUAL_ELEMENTS) {
            if (assigned.containsKey(id)) return Optional.of(id);
        }
        return assigned.keySet().stream().findFirst();
    }
}
