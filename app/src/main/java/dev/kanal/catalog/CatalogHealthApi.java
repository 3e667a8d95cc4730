package dev.kanal.catalog;

import dev.kanal.providers.SiteId;
import dev.kanal.web.ApiGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health/catalog}: each enabled site's stages with counters, rate, ETA and the last
 * success and error, plus whether the whole catalog is ready. Outside tools read this shape.
 */
public final class CatalogHealthApi implements ApiGroup {
    private final Catalog catalog;
    private final Clock clock;

    public CatalogHealthApi(Catalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public record StageView(String state, int done, int total, Double rate, Long eta_seconds, Instant last_success,
            String last_error, Instant started_at) {}

    /**
     * @param condition healthy, building, unreachable, blocked, markup_changed or failing (issue 14; added field)
     * @param cause the specific cause in words, or null when healthy
     * @param hint what the user can do, or null
     */
    public record SiteView(String site, boolean searchable, Map<String, StageView> stages, String condition, String cause,
            String hint) {}

    public record CatalogView(boolean ready, List<SiteView> sites) {}

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health/catalog", this::health);
    }

    private void health(Context ctx) {
        ctx.json(view());
    }

    /** The document {@code /health/catalog} serves, as it is now (the web page reads it in-process). */
    public CatalogView view() {
        var searchable = catalog.searchableSites();
        List<SiteView> sites = new ArrayList<>();
        for (Map.Entry<SiteId, List<StageProgress>> e : catalog.progress().entrySet()) {
            Map<String, StageView> stages = new LinkedHashMap<>();
            for (StageProgress p : e.getValue()) stages.put(p.stage().tag(), stage(p));
            var condition = dev.kanal.health.SiteConditions.of(e.getValue());
            String hint = condition.hint();
            sites.add(new SiteView(e.getKey().id(), searchable.contains(e.getKey()), stages, condition.state(),
                    condition.cause(), hint.isEmpty() ? null : hint));
        }
        return new CatalogView(catalog.ready(), sites);
    }

    private StageView stage(StageProgress p) {
        Double rate = null;
        Long eta = null;
        if (p.state() == StageState.RUNNING && p.startedAt() != null) {
            double seconds = Math.max(1, Duration.between(p.startedAt(), clock.instant()).toMillis() / 1000.0);
            rate = Math.round(p.done() / seconds * 100) / 100.0;
            if (rate > 0 && p.total() >= p.done()) eta = Math.round((p.total() - p.done()) / rate);
        }
        return new StageView(p.state().tag(), p.done(), p.total(), rate, eta, p.lastSuccess(), p.lastError(),
                p.startedAt());
    }
}
