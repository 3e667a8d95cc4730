package dev.kanal.catalog;

import dev.kanal.providers.SiteId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The catalog's meters on {@code /metrics}: stage progress per site, detail fetches, priority lane. */
public final class CatalogMetrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public CatalogMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Publishes a stage's counters as {@code kanal_catalog_stage_done} / {@code _total}. */
    void stage(SiteId site, Stage stage, long done, long total) {
        gauge("kanal.catalog.stage.done", site, stage).set(done);
        gauge("kanal.catalog.stage.total", site, stage).set(total);
    }

    /** 1 while the stage is ready, 0 otherwise. */
    void stageReady(SiteId site, Stage stage, boolean ready) {
        gauge("kanal.catalog.stage.ready", site, stage).set(ready ? 1 : 0);
    }

    void detailFetched(SiteId site, long nanos) {
        Timer.builder("kanal.catalog.detail.fetch").description("Detail page fetch and store, per title")
                .tag("site", site.id()).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    void detailFailed(SiteId site) {
        counter("kanal.catalog.detail.failures", site);
    }

    void listingFailed(SiteId site) {
        counter("kanal.catalog.listing.failures", site);
    }

    void mappingFailed(SiteId site) {
        counter("kanal.catalog.mapping.failures", site);
    }

    /** An episode page read to pair a new episode's hosters with its languages. */
    void hosterPage(SiteId site, boolean ok) {
        Counter.builder("kanal.catalog.hoster.pages").description("Episode pages read to pair hosters with languages")
                .tag("site", site.id()).tag("outcome", ok ? "ok" : "failed").register(registry).increment();
    }

    /** A read of the site's new-episodes page between refreshes. */
    void recentCheck(SiteId site, boolean ok) {
        Counter.builder("kanal.catalog.new_episodes.checks").description("Reads of the sites' new-episodes pages")
                .tag("site", site.id()).tag("outcome", ok ? "ok" : "failed").register(registry).increment();
    }

    void priorityRequest(SiteId site) {
        counter("kanal.catalog.priority.requests", site);
    }

    void priorityOverBudget(SiteId site) {
        counter("kanal.catalog.priority.over_budget", site);
    }

    private void counter(String name, SiteId site) {
        Counter.builder(name).tag("site", site.id()).register(registry).increment();
    }

    private AtomicLong gauge(String name, SiteId site, Stage stage) {
        return gauges.computeIfAbsent(name + "|" + site.id() + "|" + stage.tag(), k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tag("site", site.id()).tag("stage", stage.tag())
                    .register(registry);
            return value;
        });
    }
}
