package dev.kanal.providers.hoster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LoadX. The embed URL redirects to {@code /video/<hash>/…}; the player then POSTs
 * {@code /player/index.php?data=<hash>&do=getVideo} on that host and receives JSON whose
 * {@code videoSource} is the HLS master.
 */
public final class LoadXHoster extends EmbedHoster {
    /** Redirects are followed by hand up to the {@code /video/<hash>} URL; that page itself is not needed. */
    private static final int MAX_REDIRECTS = 5;

    private final ObjectMapper json = new ObjectMapper();

    /** LoadX with Kanal's default browser User-Agent. */
    public LoadXHoster() {
        this(ProviderSettings.DEFAULT_USER_AGENT);
    }

    /** @param userAgent sent on every request and returned for the stream */
    public LoadXHoster(String userAgent) {
        super("LoadX", Set.of(), Set.of("loadx"), List.of(), userAgent);
    }

    @Override
    public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
        URI videoUrl = followRedirects(embedUrl, fetcher);
        String[] segments = videoUrl.getPath() == null ? new String[0] : videoUrl.getPath().split("/");
        if (segments.length < 3 || !"video".equals(segments[1]) || segments[2].isBlank()) {
            throw EmbedPages.markupChanged(videoUrl, "LoadX video hash", "/video/<hash>/ path");
        }
        String hash = segments[2];
        URI api = EmbedPages.origin(videoUrl).resolve("/player/index.php?data=" + hash + "&do=getVideo");
        Page answer = call(api, "getVideo answered 404", () -> fetcher.postForm(api, Map.of(), Map.of(
                "User-Agent", userAgent, "X-Requested-With", "XMLHttpRequest", "Referer", videoUrl.toString(),
                "Origin", EmbedPages.origin(videoUrl).toString())));
        String source = videoSource(answer.body())
                .orElseThrow(() -> EmbedPages.markupChanged(api, "LoadX video source", "videoSource"));
        URI media = EmbedPages.resolve(videoUrl, source, "LoadX videoSource");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", userAgent);
        headers.put("Accept", "*/*");
        headers.put("Referer", EmbedPages.referer(videoUrl));
        return stream(media, headers);
    }

    private URI followRedirects(URI start, Fetcher fetcher) {
        URI current = start;
        for (int i = 0; i < MAX_REDIRECTS && !isVideoPage(current); i++) {
            URI at = current;
            Optional<URI> next = call(at, "LoadX answered 404",
                    () -> fetcher.redirectTarget(at, Map.of("User-Agent", userAgent)));
            if (next.isEmpty()) return current;
            current = next.get();
        }
        return current;
    }

    private static boolean isVideoPage(URI url) {
        return url.getPath() != null && url.getPath().startsWith("/video/");
    }

    private Optional<String> videoSource(String body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode source = node == null ? null : node.get("videoSource");
            return source != null && source.isTextual() && !source.asText().isBlank()
                    ? Optional.of(source.asText()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
