package dev.kanal.arr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.config.KanalConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * One Sonarr or Radarr, spoken to on its v3 API with its {@code X-Api-Key}: {@code system/status} for
 * the Test button, {@code queue} paged through to find a download by its hash (the arr's
 * {@code downloadId} is the upper-case info-hash), and the queue item's removal with blocklisting,
 * which makes the arr search another release at once (Sonarr's {@code QueueController.RemoveAction};
 * Radarr has the same routes).
 */
public final class ArrClient {
    static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 50;

    private final KanalConfig.ArrInstance instance;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;

    public ArrClient(KanalConfig.ArrInstance instance, HttpClient http, ObjectMapper json, Duration timeout) {
        this.instance = instance;
        this.http = http;
        this.json = json;
        this.timeout = timeout;
    }

    public KanalConfig.ArrInstance instance() {
        return instance;
    }

    /** What {@code GET /api/v3/system/status} says. */
    public record Status(String appName, String version) {}

    /** Why a call failed, in one line (never the API key). */
    public static final class ArrException extends IOException {
        ArrException(String message) {
            super(message);
        }
    }

    public Status status() throws ArrException {
        JsonNode body = get("/api/v3/system/status");
        return new Status(body.path("appName").asText(instance.name()), body.path("version").asText(""));
    }

    /** The queue item id of the download with {@code hash}, paging through the whole queue. */
    public Optional<Long> queueItem(String hash) throws ArrException {
        String wanted = hash.toUpperCase(java.util.Locale.ROOT);
        for (int page = 1; page <= MAX_PAGES; page++) {
            // Sonarr names the flag includeUnknownSeriesItems, Radarr includeUnknownMovieItems; each ignores the other
            JsonNode body = get("/api/v3/queue?page=" + page + "&pageSize=" + PAGE_SIZE
                    + "&includeUnknownSeriesItems=true&includeUnknownMovieItems=true");
            JsonNode records = body.path("records");
            for (JsonNode r : records) {
                if (wanted.equalsIgnoreCase(r.path("downloadId").asText())) return Optional.of(r.path("id").asLong());
            }
            long total = body.path("totalRecords").asLong(0);
            // past the last page the arrs answer the last page again: stop by the count
            if (records.isEmpty() || (long) page * PAGE_SIZE >= total) return Optional.empty();
        }
        return Optional.empty();
    }

    /** Removes the queue item from the client, blocklists the release and lets the arr search again. */
    public void removeAndBlocklist(long queueId) throws ArrException {
        send(HttpRequest.newBuilder(uri("/api/v3/queue/" + queueId + "?removeFromClient=true&blocklist=true"))
                .DELETE(), "DELETE /api/v3/queue/" + queueId);
    }

    private JsonNode get(String pathAndQuery) throws ArrException {
        String body = send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), "GET " + pathAndQuery.replaceAll("\\?.*", ""));
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new ArrException(instance.name() + " answered something that is not JSON");
        }
    }

    private String send(HttpRequest.Builder request, String what) throws ArrException {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(timeout).header("X-Api-Key", instance.apiKey())
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ArrException(instance.name() + " at " + instance.url() + " is unreachable: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArrException("interrupted");
        }
        int code = response.statusCode();
        if (code == 401 || code == 403) throw new ArrException(instance.name() + " refused the API key (" + code + ")");
        if (code / 100 != 2) throw new ArrException(instance.name() + " answered " + code + " to " + what);
        return response.body();
    }

    private URI uri(String pathAndQuery) {
        return URI.create(instance.url().toString().replaceAll("/+$", "") + pathAndQuery);
    }
}
