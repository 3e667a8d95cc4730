package dev.kanal.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Kanal's own public surfaces ({@code /health/catalog}, {@code /health/strm},
 * {@code /torznab/api}) over loopback HTTP, exactly as Sonarr or a monitoring tool would. The page
 * thereby shows what those surfaces really answer, and depends on their documented contracts rather
 * than on the classes behind them.
 */
public final class KanalEndpoints {
    private static final Logger log = LoggerFactory.getLogger(KanalEndpoints.class);
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<URI> base;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** What a surface answered: its status and body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** {@code base} yields Kanal's own address, e.g. {@code http://127.0.0.1:8080}, once the server listens. */
    public KanalEndpoints(Supplier<URI> base, ObjectMapper json) {
        this.base = base;
        this.json = json;
    }

    /** The body of {@code path}, or empty when the surface does not exist (yet) or cannot be reached. */
    Optional<JsonNode> json(String path) {
        Answer a = get(path);
        if (!a.ok()) return Optional.empty();
        try {
            return Optional.of(json.readTree(a.body()));
        } catch (IOException e) {
            log.warn("surface answered no JSON path={}", path);
            return Optional.empty();
        }
    }

    /** {@link #json(String)} sending Kanal's API key, for surfaces that show the owner more. */
    Optional<JsonNode> json(String path, String apiKey) {
        Answer a = get(path, apiKey);
        if (!a.ok()) return Optional.empty();
        try {
            return Optional.of(json.readTree(a.body()));
        } catch (IOException e) {
            log.warn("surface answered no JSON path={}", path);
            return Optional.empty();
        }
    }

    /** GETs {@code pathAndQuery}; status 0 when Kanal could not be reached. */
    Answer get(String pathAndQuery) {
        return get(pathAndQuery, null);
    }

    private Answer get(String pathAndQuery, String apiKey) {
        URI uri = URI.create(base.get() + pathAndQuery);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        if (apiKey != null) builder.header("X-Api-Key", apiKey);
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            log.warn("own surface unreachable path={} error={}", uri.getPath(), e.toString());
            return new Answer(0, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "");
        }
    }
}
