package dev.kanal.health;

import dev.kanal.web.ApiGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * {@code GET /metrics} in Prometheus text format. Every package registers its meters on the same
 * registry, which {@code Wiring} creates and hands out.
 */
public final class MetricsApi implements ApiGroup {
    private final PrometheusMeterRegistry registry;

    public MetricsApi(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/metrics", this::metrics);
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
