package dev.kanal.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks SkyHook, Sonarr's metadata proxy, what Sonarr itself asks: {@code search/en/?term=} to find
 * a series and {@code shows/en/<tvdbId>} for its episodes. Failures become {@link SkyHookException}
 * so the mapping stage can retry later without touching the live catalog.
 */
public final class SkyHookClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json;
    /**
     * The same series is often on three sites and under several names, and every refresh re-maps
     * active series: each show and each search term is asked once an hour, and a lookup already in
     * flight is waited for rather than sent again.
     */
    private final Cache<Integer, Optional<SkyHookShow>> shows =
            Caffeine.newBuilder().maximumSize(2048).expireAfterWrite(Duration.ofHours(1)).build();
    private final Cache<String, List<SkyHookShow>> searches =
            Caffeine.newBuilder().maximumSize(16_384).expireAfterWrite(Duration.ofHours(1)).build();

    public SkyHookClient(URI baseUrl, ObjectMapper json) {
        String b = baseUrl.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Why SkyHook could not answer. */
    public static final class SkyHookException extends RuntimeException {
        SkyHookException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /** Series matching {@code term}; SkyHook's search results carry no episodes. */
    public List<SkyHookShow> search(String term) {
        String normalized = term.toLowerCase(Locale.ROOT).trim();
        String q = URLEncoder.encode(normalized, StandardCharsets.UTF_8);
        return searches.get(normalized, k -> get("v1/tvdb/search/en/?term=" + q,
                new TypeReference<List<SkyHookShow>>() {}).orElse(List.of()));
    }

    /** One series with every episode; empty when TVDB does not know the id. */
    public Optional<SkyHookShow> show(int tvdbId) {
        return shows.get(tvdbId, id -> get("v1/tvdb/shows/en/" + id, new TypeReference<SkyHookShow>() {}));
    }

    private <T> Optional<T> get(String path, TypeReference<T> type) {
        URI uri = base.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) return Optional.empty();
            if (response.statusCode() != 200) {
                throw new SkyHookException("SkyHook answered HTTP " + response.statusCode() + " for " + uri.getPath(),
                        null);
            }
            return Optional.ofNullable(json.readValue(response.body(), type));
        } catch (IOException e) {
            throw new SkyHookException("SkyHook unreachable (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ") for " + uri.getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkyHookException("interrupted", e);
        }
    }
}
