package dev.kanal.providers.hoster;

import dev.kanal.providers.Hoster;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.hoster.js.PackedScript;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vidmoly (its TLD moves: .to → .net → .biz → .me). An HLS master in a plain JWPlayer setup; the
 * playlist and its segments need the page's Referer and Origin.
 */
public final class VidmolyHoster implements Hoster {
    /** XFS removed-file pages. */
    private static final List<String> GONE_MARKERS = List.of(
            "File Not Found", "file was removed", "file was deleted", "/notice.php");

    private final String userAgent;

    /** Vidmoly with Kanal's default browser User-Agent. */
    public VidmolyHoster() {
        this(ProviderSettings.DEFAULT_USER_AGENT);
    }

    /** @param userAgent sent on the page request and returned for the stream */
    public VidmolyHoster(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public String name() {
        return "Vidmoly";
    }

    @Override
    public Set<String> hosts() {
        return Set.of("vidmoly");
    }

    @Override
    public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
        Page page = EmbedPages.fetch(fetcher, embedUrl,
                Map.of("User-Agent", userAgent, "Referer", EmbedPages.referer(embedUrl)));
        URI pageUrl = page.url();
        String body = page.body();
        List<String> scripts = new ArrayList<>();
        try {
            scripts.addAll(PackedScript.unpackAll(body));
        } catch (IllegalArgumentException e) {
            // an unreadable packed script: the plain setup may still be there
        }
        scripts.add(body);
        String src = PlayerSetup.mediaUrl(scripts).orElseThrow(() -> {
            EmbedPages.failIfGone(pageUrl, body, GONE_MARKERS);
            return EmbedPages.markupChanged(pageUrl, "Vidmoly player source", "PlayerSetup sources/file");
        });
        URI media = EmbedPages.resolve(pageUrl, src, "Vidmoly player source");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", userAgent);
        headers.put("Referer", EmbedPages.referer(pageUrl));
        headers.put("Origin", EmbedPages.origin(pageUrl).toString());
        return new StreamSource(media, StreamSource.formatOf(media), headers, MediaExpiry.of(media), name());
    }
}
