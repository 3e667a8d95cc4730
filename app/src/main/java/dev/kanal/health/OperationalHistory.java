package dev.kanal.health;

import dev.kanal.providers.http.HostHealth;
import dev.kanal.web.ApiGroup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Kanal did over the last day, for pictures rather than prose: every few minutes it samples
 * the catalog's progress per site, each upstream host's success rate and latency, and how many
 * downloads completed since the last sample, and keeps a day of samples in memory
 * ({@code GET /health/history}, drawn as small charts on the page's Health view). The same figures
 * are gauges on {@code /metrics} for Prometheus and the Grafana dashboard in {@code docs/grafana/}:
 * {@code kanal_jobs{state}}, {@code kanal_host_success_ratio{host}}, {@code kanal_host_latency_seconds{host}},
 * {@code kanal_host_up{host}}.
 */
public final class OperationalHistory implements ApiGroup, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OperationalHistory.class);

    /** Catalog progress of one site: items done of items known, over all stages. */
    public record Progress(int done, int total) {}

    /** One sample. */
    record Point(Instant at, Map<String, Progress> catalog, Map<String, HostPoint> hosts, long completed) {}

    record HostPoint(double success, long latency_ms, int samples) {}

    private final Supplier<Map<String, Progress>> catalog;
    private final Supplier<List<HostHealth>> hosts;
    private final Supplier<Map<String, Long>> jobsByState;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration interval;
    private final int capacity;
    private final Deque<Point> points = new ArrayDeque<>();
    private final MultiGauge jobs;
    private final MultiGauge hostSuccess;
    private final MultiGauge hostLatency;
    private final MultiGauge hostUp;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("history").factory());
    private double completedSoFar;

    public OperationalHistory(Supplier<Map<String, Progress>> catalog, Supplier<List<HostHealth>> hosts,
            Supplier<Map<String, Long>> jobsByState, MeterRegistry meters, Clock clock, Duration interval,
            Duration span) {
        this.catalog = catalog;
        this.hosts = hosts;
        this.jobsByState = jobsByState;
        this.meters = meters;
        this.clock = clock;
        this.interval = interval;
        this.capacity = (int) Math.max(2, span.toSeconds() / Math.max(1, interval.toSeconds()));
        this.jobs = MultiGauge.builder("kanal.jobs").description("Jobs by state").register(meters);
        this.hostSuccess = MultiGauge.builder("kanal.host.success.ratio")
                .description("Share of recent requests to the host that succeeded").register(meters);
        this.hostLatency = MultiGauge.builder("kanal.host.latency").baseUnit("seconds")
                .description("Mean latency of recent requests to the host").register(meters);
        this.hostUp = MultiGauge.builder("kanal.host.up")
                .description("1 while the host answers (ok or slow), 0 while failing, blocked or circuit open")
                .register(meters);
        this.completedSoFar = completedTotal();
    }

    /** Samples now, then every interval; gauges are refreshed every 15 seconds. */
    public OperationalHistory start() {
        scheduler.scheduleWithFixedDelay(this::sampleQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::gaugesQuietly, 0, 15, TimeUnit.SECONDS);
        return this;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health/history", this::history);
    }

    private void history(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interval_seconds", interval.toSeconds());
        body.put("points", points());
        ctx.json(body);
    }

    synchronized List<Point> points() {
        return List.copyOf(points);
    }

    /** Takes one sample (the scheduler calls this; tests may too). */
    synchronized Point sample() {
        double completed = completedTotal();
        long delta = Math.max(0, Math.round(completed - completedSoFar));
        completedSoFar = completed;
        Map<String, HostPoint> hostPoints = new LinkedHashMap<>();
        for (HostHealth h : hosts.get()) {
            hostPoints.put(h.host(), new HostPoint(h.successRate(),
                    h.averageLatency() == null ? 0 : h.averageLatency().toMillis(), h.samples()));
        }
        Point p = new Point(clock.instant(), Map.copyOf(catalog.get()), hostPoints, delta);
        points.addLast(p);
        while (points.size() > capacity) points.removeFirst();
        return p;
    }

    /** Sets the gauges from the current figures. */
    void refreshGauges() {
        List<MultiGauge.Row<?>> jobRows = new ArrayList<>();
        jobsByState.get().forEach((state, n) -> jobRows.add(MultiGauge.Row.of(Tags.of("state", state), n)));
        jobs.register(jobRows, true);
        List<MultiGauge.Row<?>> success = new ArrayList<>();
        List<MultiGauge.Row<?>> latency = new ArrayList<>();
        List<MultiGauge.Row<?>> up = new ArrayList<>();
        for (HostHealth h : hosts.get()) {
            Tags tags = Tags.of("host", h.host());
            success.add(MultiGauge.Row.of(tags, h.successRate()));
            latency.add(MultiGauge.Row.of(tags, h.averageLatency() == null ? 0 : h.averageLatency().toMillis() / 1000.0));
            up.add(MultiGauge.Row.of(tags, h.state() == HostHealth.State.OK || h.state() == HostHealth.State.SLOW ? 1 : 0));
        }
        hostSuccess.register(success, true);
        hostLatency.register(latency, true);
        hostUp.register(up, true);
    }

    private double completedTotal() {
        return meters.find("kanal.jobs.outcomes").tag("outcome", "completed").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.warn("history sample failed reason={}", e.getMessage());
        }
    }

    private void gaugesQuietly() {
        try {
            refreshGauges();
        } catch (RuntimeException e) {
            log.warn("gauge refresh failed reason={}", e.getMessage());
        }
    }

    /** Per site: items done of items known over all of its catalog stages. */
    public static Map<String, Progress> catalogProgress(
            Map<dev.kanal.providers.SiteId, List<dev.kanal.catalog.StageProgress>> progress) {
        Map<String, Progress> out = new LinkedHashMap<>();
        progress.forEach((site, stages) -> out.put(site.id(), new Progress(
                stages.stream().mapToInt(dev.kanal.catalog.StageProgress::done).sum(),
                stages.stream().mapToInt(dev.kanal.catalog.StageProgress::total).sum())));
        return out;
    }

    /** Jobs counted by state name, lower case, every state present (0 when none). */
    public static <S extends Enum<S>> Map<String, Long> countByState(Class<S> states, List<S> current) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (S s : states.getEnumConstants()) out.put(s.name().toLowerCase(Locale.ROOT), 0L);
        for (S s : current) out.merge(s.name().toLowerCase(Locale.ROOT), 1L, Long::sum);
        return out;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
