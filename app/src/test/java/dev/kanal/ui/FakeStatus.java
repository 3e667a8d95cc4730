package dev.kanal.ui;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the catalog's build progress and the {@code .strm} library's health, in the shapes
 * {@code /health/catalog} and {@code /health/strm} serve: AniWorld's details stage advances on every
 * read (so the page's bar can be seen moving), s.to's mapping failed, one broken {@code .strm} file.
 */
final class FakeStatus {
    private final AtomicInteger catalogReads = new AtomicInteger();

    int catalogReads() {
        return catalogReads.get();
    }

    StatusView catalog() {
        return () -> {
            int n = catalogReads.incrementAndGet();
            int done = Math.min(1200, 150 + n * 120);
            return Map.of("ready", false, "sites", List.of(
                    Map.of("site", "aniworld", "searchable", true, "stages", Map.of(
                            "titles", stage("ready", 1200, 1200, null, null, "2026-11-21T06:00:00Z", null),
                            "details", stage("running", done, 1200, 4.2, (1200L - done) / 4, null, null),
                            "mapping", stage("pending", 0, 0, null, null, null, null))),
                    Map.of("site", "sto", "searchable", true, "stages", Map.of(
                            "titles", stage("ready", 9800, 9800, null, null, "2026-11-21T05:40:00Z", null),
                            "details", stage("ready", 9800, 9800, null, null, "2026-11-21T05:58:00Z",
                                    "s.to answered 503 for /serie/foo"),
                            "mapping", stage("failed", 10, 9800, null, null, null, "skyhook unreachable: timeout")))));
        };
    }

    StatusView strm() {
        return () -> Map.of("status", "degraded", "files", 42, "lastScan", "2026-11-21T06:10:00Z",
                "broken", List.of(Map.of("path", "/downloads/tv-sonarr/Show S01E02.strm",
                        "episode", "sto/show S01E02 German Dub", "reason", "every hoster failed: VOE: video removed",
                        "checkedAt", "2026-11-21T06:10:00Z")));
    }

    private static Map<String, Object> stage(String state, int done, int total, Double rate, Long eta,
            String lastSuccess, String lastError) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("state", state);
        m.put("done", done);
        m.put("total", total);
        m.put("rate", rate);
        m.put("eta_seconds", eta);
        m.put("last_success", lastSuccess);
        m.put("last_error", lastError);
        return m;
    }
}
