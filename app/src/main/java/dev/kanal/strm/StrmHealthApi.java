package dev.kanal.strm;

import dev.kanal.KanalException;
import dev.kanal.web.ApiGroup;
import dev.kanal.web.ApiKey;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health/strm} counts the {@code .strm} files and those that no longer play, and with the
 * API key lists the broken ones (path, episode, why);
 * {@code POST /api/strm/regenerate} (API key) rewrites files whose URL format is outdated.
 */
public final class StrmHealthApi implements ApiGroup {
    private final StrmLibrary library;
    private final ApiKey apiKey;
    private final java.util.Optional<String> publicUrlWarning;

    public StrmHealthApi(StrmLibrary library, String apiKey, java.util.Optional<String> publicUrlWarning) {
        this.library = library;
        this.apiKey = new ApiKey(apiKey);
        this.publicUrlWarning = publicUrlWarning;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health/strm", this::health);
        routes.post("/api/strm/regenerate", this::regenerate);
    }

    /**
     * Counts for anyone (a monitoring probe needs no key); the broken files themselves — absolute
     * paths of the user's library — only with the API key.
     */
    private void health(Context ctx) {
        ctx.json(view(library, publicUrlWarning, apiKey.matches(ctx)));
    }

    /** The document {@code /health/strm} serves with the API key (the logged-in web page reads it in-process). */
    public static Map<String, Object> view(StrmLibrary library) {
        return view(library, java.util.Optional.empty(), true);
    }

    /** {@link #view(StrmLibrary)} with the public-URL warning {@code /health/strm} adds when it has one. */
    static Map<String, Object> view(StrmLibrary library, java.util.Optional<String> publicUrlWarning,
            boolean withPaths) {
        var health = library.health();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", health.broken().isEmpty() ? "ok" : "degraded");
        out.put("files", health.files());
        out.put("brokenCount", health.broken().size());
        out.put("lastScan", health.lastScan() == null ? "never" : health.lastScan().toString());
        if (withPaths) {
            out.put("broken", health.broken().stream().map(f -> Map.<String, Object>of(
                    "path", f.path().toString(),
                    "episode", f.target().describe(),
                    "reason", f.brokenReason(),
                    "checkedAt", String.valueOf(f.checkedAt()))).toList());
        } else {
            out.put("detail", "send the API key (X-Api-Key header or apikey parameter) to list the broken files");
        }
        publicUrlWarning.ifPresent(w -> out.put("warnings", List.of(w)));
        return out;
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
