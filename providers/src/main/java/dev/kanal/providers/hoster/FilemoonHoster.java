package dev.kanal.providers.hoster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.hoster.js.PackedScript;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Filemoon ("Byse" front-end, rotating hosts). Current builds answer a REST call with an
 * AES-GCM encrypted source list; older ones (and the fallback when the API refuses) put a packed
 * JWPlayer setup into the embed page, sometimes one iframe hop away.
 */
public final class FilemoonHoster extends EmbedHoster {
    private static final Logger log = LoggerFactory.getLogger(FilemoonHoster.class);

    /** The file code: {@code /e/<code>} (embed) or {@code /d/<code>} (download page). */
    private static final Pattern CODE = Pattern.compile("/(?:e|d|download)/(?<code>[A-Za-z0-9]+)");

    /** The download page holds the player in one iframe. */
    private static final Pattern IFRAME = Pattern.compile("<iframe[^>]+src=[\"'](?<src>[^\"']+)[\"']");

    /** Filemoon's and XFS's removed-file pages. */
    private static final List<String> GONE_MARKERS = List.of(
            "File Not Found", "file was deleted", "file was removed", "Video is not found", "This video has been removed",
            "no longer serving videos");

    private final ObjectMapper json = new ObjectMapper();

    /** Filemoon with Kanal's default browser User-Agent. */
    public FilemoonHoster() {
        this(ProviderSettings.DEFAULT_USER_AGENT);
    }

    /** @param userAgent sent on every request and returned for the stream */
    public FilemoonHoster(String userAgent) {
        // Filemoon's successor ("Byse", byse.sx and rotating byse… domains) runs the same API
        super("Filemoon", Set.of("Byse", "ByseSX"), Set.of("filemoon", "byse", "bysezejataos", "bysetayico", "byse.sx"),
                GONE_MARKERS, userAgent);
    }

    @Override
    public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
        String code = EmbedPages.first(CODE, embedUrl.getPath() == null ? "" : embedUrl.getPath(), "code")
                .orElseThrow(() -> EmbedPages.markupChanged(embedUrl, "Filemoon file code", "CODE"));
        Optional<StreamSource> viaApi = fromApi(embedUrl, code, fetcher);
        if (viaApi.isPresent()) return viaApi.get();
        return fromPackedPage(embedUrl, fetcher);
    }

    /** {@code GET <origin>/api/videos/<code>}: plain {@code sources} or an encrypted {@code playback}. */
    private Optional<StreamSource> fromApi(URI embedUrl, String code, Fetcher fetcher) {
        URI api = EmbedPages.origin(embedUrl).resolve("/api/videos/" + code);
        Page page;
        try {
            page = fetcher.get(api, Map.of("User-Agent", userAgent, "Referer", embedUrl.toString(),
                    "Accept", "application/json"));
        } catch (ProviderException e) {
            log.debug("hoster=Filemoon api_failed=\"{}\" fallback=packed_page", e.failure().describe());
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = json.readTree(page.body());
        } catch (Exception e) {
            return Optional.empty(); // the SPA answered HTML: no API on this host
        }
        if (root == null || !root.isObject()) return Optional.empty();
        JsonNode sources = root;
        if (root.has("playback")) {
            Optional<String> plain = FilemoonPlayback.decrypt(root.get("playback"));
            if (plain.isEmpty()) {
                log.debug("hoster=Filemoon api_playback=undecryptable fallback=packed_page");
                return Optional.empty();
            }
            try {
                sources = json.readTree(plain.get());
            } catch (Exception e) {
                return Optional.empty();
            }
        }
        return bestSource(sources).map(url -> source(EmbedPages.resolve(embedUrl, url, "Filemoon source"), embedUrl));
    }

    /** The highest {@code height} in {@code sources[]} ({@code url} or {@code file}), else {@code source}/{@code file}. */
    private static Optional<String> bestSource(JsonNode node) {
        String best = null;
        int bestHeight = Integer.MIN_VALUE;
        for (JsonNode s : node.path("sources")) {
            String url = s.path("url").asText(s.path("file").asText(""));
            if (url.isBlank()) continue;
            int height = s.path("height").asInt(parseHeight(s.path("label").asText("")));
            if (best == null || height > bestHeight) {
                best = url;
                bestHeight = height;
            }
        }
        if (best != null) return Optional.of(best);
        for (String field : List.of("source", "file")) {
            if (node.path(field).isTextual() && !node.path(field).asText().isBlank()) {
                return Optional.of(node.path(field).asText());
            }
        }
        return Optional.empty();
    }

    private static int parseHeight(String label) {
        String digits = label.replaceAll("\\D", "");
        return digits.isEmpty() || digits.length() > 5 ? 0 : Integer.parseInt(digits);
    }

    /** The legacy page: packed JWPlayer setup, on the embed page or behind its iframe. */
    private StreamSource fromPackedPage(URI embedUrl, Fetcher fetcher) {
        Page page = page(fetcher, embedUrl);
        if (!PackedScript.containsPacked(page.body())) {
            Optional<String> iframe = EmbedPages.first(IFRAME, page.body(), "src");
            if (iframe.isPresent()) {
                URI player = EmbedPages.resolve(page.url(), iframe.get(), "Filemoon player iframe");
                page = EmbedPages.fetch(fetcher, player, Map.of("User-Agent", userAgent, "Referer", page.url().toString()));
            }
        }
        URI pageUrl = page.url();
        List<String> scripts = PlayerSetup.scripts(pageUrl, page.body(), "Filemoon packed player script");
        Optional<String> media = PlayerSetup.mediaUrl(scripts);
        String file = found(media, pageUrl, page.body(), "Filemoon player source", "PackedScript.PACKED + PlayerSetup");
        return source(EmbedPages.resolve(pageUrl, file, "Filemoon file"), pageUrl);
    }

    private StreamSource source(URI media, URI playerPage) {
        log.debug("hoster=Filemoon media_host={}", EmbedPages.hostOf(media));
        return stream(media, mediaHeadersWithOrigin(playerPage));
    }
}
