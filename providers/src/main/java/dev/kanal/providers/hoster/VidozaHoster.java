package dev.kanal.providers.hoster;

import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Vidoza: a plain MP4 named in the player's {@code sourcesCode} list (or the {@code <source>} tag). */
public final class VidozaHoster extends EmbedHoster {
    /** {@code sourcesCode: [{ src: "https://strNN.vidoza.net/…/v.mp4", type: "video/mp4", … }]}. */
    private static final Pattern SOURCES_CODE = Pattern.compile(
            "sourcesCode\\s*:\\s*\\[\\s*\\{\\s*src\\s*:\\s*[\"'](?<url>[^\"']+)[\"']");

    /** The HTML5 fallback: {@code <source src="…" type="video/mp4">}. */
    private static final Pattern SOURCE_TAG = Pattern.compile(
            "<source[^>]+src=[\"'](?<url>[^\"']+)[\"'][^>]*type=[\"']video/mp4[\"']");

    /** XFS removed-file pages. */
    private static final List<String> GONE_MARKERS = List.of(
            "File was deleted", "file was removed", "File Not Found", "Video not found", "/notice.php");

    /** Vidoza with Kanal's default browser User-Agent. */
    public VidozaHoster() {
        this(ProviderSettings.DEFAULT_USER_AGENT);
    }

    /** @param userAgent sent on the page request and returned for the stream */
    public VidozaHoster(String userAgent) {
        super("Vidoza", Set.of(), Set.of("vidoza"), GONE_MARKERS, userAgent);
    }

    @Override
    public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
        Page page = page(fetcher, embedUrl);
        String body = page.body();
        String src = found(EmbedPages.first(SOURCES_CODE, body, "url").or(() -> EmbedPages.first(SOURCE_TAG, body, "url")),
                page.url(), body, "Vidoza video source", "SOURCES_CODE|SOURCE_TAG");
        return stream(EmbedPages.resolve(page.url(), src, "Vidoza video source"), mediaHeaders(page.url()));
    }
}
