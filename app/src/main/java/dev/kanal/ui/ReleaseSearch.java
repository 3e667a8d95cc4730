package dev.kanal.ui;

import dev.kanal.KanalException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a search the way Sonarr does — {@code GET /torznab/api?t=search&q=…&apikey=…} on this
 * Kanal — and reads the answer as Sonarr would, so the search view shows exactly what Sonarr gets.
 */
final class ReleaseSearch {
    static final int MAX_QUERY = 200;

    private final KanalEndpoints endpoints;
    private final String apiKey;

    ReleaseSearch(KanalEndpoints endpoints, String apiKey) {
        this.endpoints = endpoints;
        this.apiKey = apiKey;
    }

    /** A search as typed on the page: trimmed, not blank, not absurdly long. */
    record Query(String text) {
        static Query of(String raw) {
            if (raw == null || raw.isBlank()) throw new KanalException.BadRequest("type a title to search for");
            if (raw.length() > MAX_QUERY) {
                throw new KanalException.BadRequest("the search is longer than " + MAX_QUERY + " characters");
            }
            return new Query(raw.strip());
        }
    }

    List<Release> search(Query q) {
        KanalEndpoints.Answer a = endpoints.get("/torznab/api?t=search&extended=1&q="
                + URLEncoder.encode(q.text(), StandardCharsets.UTF_8)
                + "&apikey=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
        if (a.status() == 404 || a.status() == 0) {
            throw new KanalException.Unavailable("Torznab did not answer (HTTP " + a.status() + ")");
        }
        try {
            return TorznabReleases.parse(a.body());
        } catch (TorznabReleases.Failure e) {
            throw new KanalException.UpstreamFailed("Torznab answered an error: " + e.getMessage(), null);
        }
    }
}
