package dev.kanal.health;

import dev.kanal.web.ApiGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Liveness ({@code GET /health}) and readiness ({@code GET /ready}) for Docker and orchestrators. */
public final class HealthApi implements ApiGroup {
    private final String version;
    private final Instant startedAt;
    private final Clock clock;
    private final Readiness readiness;
    private final ToolVersions tools;

    public HealthApi(String version, Clock clock, Readiness readiness) {
        this(version, clock, readiness, ToolVersions.none());
    }

    /** With the versions of yt-dlp and ffmpeg shown as {@code tools}. */
    public HealthApi(String version, Clock clock, Readiness readiness, ToolVersions tools) {
        this.version = version;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.readiness = readiness;
        this.tools = tools;
    }

    record Health(String status, String version, long uptime_seconds, Instant started_at, Map<String, String> tools) {}

    record Ready(boolean ready, List<String> waiting_for) {}

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/ready", this::ready);
    }

    private void health(Context ctx) {
        long uptime = Duration.between(startedAt, clock.instant()).toSeconds();
        ctx.json(new Health("ok", version, uptime, startedAt, tools.current()));
    }

    private void ready(Context ctx) {
        boolean ready = readiness.ready();
        ctx.status(ready ? 200 : 503).json(new Ready(ready, readiness.waitingFor()));
    }
}
