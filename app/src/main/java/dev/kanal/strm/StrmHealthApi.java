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
    private final java.util.Optional<String> publicUrlWarning;

    StrmHealthApi(StrmLibrary library, String apiKey, java.util.Optional<String> publicUrlWarning) {
        this.library = library;
        this.apiKey = new ApiKey(apiKey);
        this.publicUrlWarning = publicUrlWarning;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health/strm", this::health);
        routes.post("/api/strm/regenerate", this::regenerate);
    }

    private void health(Context ctx) {
        ctx.json(view(library, publicUrlWarning));
    }

    /** The document {@code /health/strm} serves, as it is now (the web page reads it in-process). */
    public static Map<String, Object> view(StrmLibrary library) {
        return view(library, java.util.Optional.empty());
    }

    /** {@link #view(StrmLibrary)} with the public-URL warning {@code /health/strm} adds when it has one. */
    static Map<String, Object> view(StrmLibrary library, java.util.Optional<String> publicUrlWarning) {
        var health = library.health();
        List<Map<String, Object>> broken = health.broken().stream().map(f -> Map.<String, Object>of(
                "path", f.path().toString(),
                "episode", f.target().describe(),
                "reason", f.brokenReason(),
                "checkedAt", String.valueOf(f.checkedAt()))).toList();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", broken.isEmpty() ? "ok" : "degraded");
        body.put("files", health.files());
        body.put("lastScan", health.lastScan() == null ? "never" : health.lastScan().toString());
        body.put("broken", broken);
        publicUrlWarning.ifPresent(w -> body.put("warnings", List.of(w)));
        return body;
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
