package dev.kanal.providers.hoster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vidara ({@code vidara.to}, {@code vidara.so}). The embed page holds no source; its player asks
 * {@code POST <origin>/api/stream} with {@code {"filecode":"<code>","device":"web"}} and plays the
 * {@code streaming_url} of the answer (an HLS master).
 */
public final class VidaraHoster extends EmbedHoster {
    private static final Logger log = LoggerFactory.getLogger(VidaraHoster.class);

    /** The file code: {@code /e/<code>}, {@code /v/<code>}, {@code /embed/<code>} or {@code /<code>}. */
    private static final Pattern CODE = Pattern.compile("^/(?:e/|v/|d/|embed/)?(?<code>[A-Za-z0-9_-]{6,})(?:[/.].*)?$");

    private static final List<String> GONE_MARKERS = List.of(
            "File not found", "Video not found", "file was deleted", "has been removed");

    private final ObjectMapper json = new ObjectMapper();

    /** Vidara with Kanal's default browser User-Agent. */
    public VidaraHoster() {
        this(ProviderSettings.DEFAULT_USER_AGENT);
    }

    /** @param userAgent sent on every request and returned for the stream */
    public VidaraHoster(String userAgent) {
        super("Vidara", Set.of(), Set.of("vidara"), GONE_MARKERS, userAgent);
    }

    @Override
    public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
        String code = EmbedPages.first(CODE, embedUrl.getRawPath() == null ? "" : embedUrl.getRawPath(), "code")
                .orElseThrow(() -> EmbedPages.markupChanged(embedUrl, "Vidara file code", "CODE"));
        Page embed = page(fetcher, embedUrl);
        URI pageUrl = embed.url();
        URI api = EmbedPages.origin(pageUrl).resolve("/api/stream");
        ObjectNode request = json.createObjectNode().put("filecode", code).put("device", "web");
        Page answer = call(api, "stream API answered 404/410", () -> fetcher.postJson(api, request.toString(), Map.of(
                "User-Agent", userAgent, "Referer", pageUrl.toString(),
                "Origin", EmbedPages.origin(pageUrl).toString(), "Accept", "application/json")));
        String url = streamingUrl(answer.body());
        if (url == null) {
            EmbedPages.failIfGone(pageUrl, embed.body() + "\n" + answer.body(), GONE_MARKERS);
            throw EmbedPages.markupChanged(api, "Vidara streaming URL", "POST /api/stream → streaming_url");
        }
        URI media = EmbedPages.resolve(pageUrl, url, "Vidara streaming_url");
        log.debug("hoster=Vidara media_host={}", EmbedPages.hostOf(media));
        return stream(media, mediaHeadersWithOrigin(pageUrl));
    }

    /** {@code streaming_url} at the top level or under {@code data}; null when absent or not JSON. */
    private String streamingUrl(String body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null) return null;
            for (JsonNode node : List.of(root, root.path("data"), root.path("result"))) {
                JsonNode v = node.path("streaming_url");
                if (v.isTextual() && !v.asText().isBlank()) return v.asText();
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }
}
