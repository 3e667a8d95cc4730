package dev.kanal.strm;

import dev.kanal.KanalException;
import dev.kanal.web.ApiGroup;
import dev.kanal.web.ApiKey;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health/strm} lists the {@code .strm} files that no longer play and why;
 * {@code POST /api/strm/regenerate} (API key) rewrites files whose URL format is outdated.
 */
public final class StrmHealthApi implements ApiGroup {
    private final StrmLibrary library;
    private final ApiKey apiKey;

    StrmHealthApi(StrmLibrary library, String apiKey) {
        this.library = library;
        this.apiKey = new ApiKey(apiKey);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health/strm", this::health);
        routes.post("/api/strm/regenerate", this::regenerate);
    }

    private void health(Context ctx) {
        ctx.json(view(library));
    }

    /** The document {@code /health/strm} serves, as it is now (the web page reads it in-process). */
    public static Map<String, Object> view(StrmLibrary library) {
        var health = library.health();
        List<Map<String, Object>> broken = health.broken().stream().map(f -> Map.<String, Object>of(
                "path", f.path().toString(),
                "episode", f.target().describe(),
                "reason", f.brokenReason(),
                "checkedAt", String.valueOf(f.checkedAt()))).toList();
        return Map.of(
                "status", broken.isEmpty() ? "ok" : "degraded",
                "files", health.files(),
                "lastScan", health.lastScan() == null ? "never" : health.lastScan().toString(),
                "broken", broken);
    }

    private void regenerate(Context ctx) {
        apiKey.require(ctx);
        String only = ctx.queryParam("path");
        try {
            List<Path> rewritten = library.regenerate(only == null || only.isBlank() ? null : Path.of(only));
            ctx.json(Map.of("regenerated", rewritten.stream().map(Path::toString).toList()));
        } catch (IOException e) {
            throw new KanalException.Conflict("regenerating failed: " + e.getMessage());
        }
    }
}
