package dev.kanal.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.jobs.JobState;
import dev.kanal.providers.http.HostHealth;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 16 point 7: a day of samples for the page's charts, gauges for Prometheus, a dashboard on them. */
class OperationalHistoryTest {
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<List<HostHealth>> hosts = new AtomicReference<>(List.of());
    private final AtomicReference<Map<String, OperationalHistory.Progress>> catalog =
            new AtomicReference<>(Map.of("sto", new OperationalHistory.Progress(10, 40)));

    private OperationalHistory history() {
        return new OperationalHistory(catalog::get, hosts::get,
                () -> OperationalHistory.countByState(JobState.class, List.of(JobState.COMPLETED, JobState.COMPLETED,
                        JobState.FAILED)),
                meters, Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5),
                Duration.ofMinutes(15));
    }

    private static HostHealth host(String name, HostHealth.State state, double success, long latencyMs) {
        return new HostHealth(name, state, 20, success, Duration.ofMillis(latencyMs), null, null, null);
    }

    @Test
    void samples_keep_one_span_and_count_downloads_completed_since_the_last_one() {
        OperationalHistory history = history();
        hosts.set(List.of(host("voe.sx", HostHealth.State.OK, 0.9, 250)));
        meters.counter("kanal.jobs.outcomes", "outcome", "completed", "hoster", "VOE").increment(2);
        var first = history.sample();
        assertThat(first.completed()).isEqualTo(2);
        assertThat(first.hosts().get("voe.sx")).isEqualTo(new OperationalHistory.HostPoint(0.9, 250, 20));
        assertThat(first.catalog()).containsEntry("sto", new OperationalHistory.Progress(10, 40));
        meters.counter("kanal.jobs.outcomes", "outcome", "completed", "hoster", "VOE").increment();
        meters.counter("kanal.jobs.outcomes", "outcome", "failed", "hoster", "").increment();
        assertThat(history.sample().completed()).isEqualTo(1);
        assertThat(history.sample().completed()).isZero();
        history.sample();
        assertThat(history.points()).hasSize(3); // 15 minutes of 5-minute samples
    }

    @Test
    void gauges_show_jobs_by_state_and_each_hosts_health() {
        OperationalHistory history = history();
        hosts.set(List.of(host("voe.sx", HostHealth.State.SLOW, 0.75, 1500),
                host("aniworld.to", HostHealth.State.CIRCUIT_OPEN, 0.1, 100)));
        history.refreshGauges();
        String text = meters.scrape();
        assertThat(text).contains("kanal_jobs{state=\"completed\"} 2.0", "kanal_jobs{state=\"failed\"} 1.0",
                "kanal_jobs{state=\"queued\"} 0.0");
        assertThat(text).contains("kanal_host_success_ratio{host=\"voe.sx\"} 0.75",
                "kanal_host_latency_seconds{host=\"voe.sx\"} 1.5", "kanal_host_up{host=\"voe.sx\"} 1.0",
                "kanal_host_up{host=\"aniworld.to\"} 0.0");
        hosts.set(List.of());
        history.refreshGauges();
        assertThat(meters.scrape()).doesNotContain("voe.sx");
    }

    @Test
    void every_metric_the_grafana_dashboard_reads_is_one_kanal_publishes() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        String dashboard = Files.readString(root.resolve("docs/grafana/kanal-dashboard.json"));
        StringBuilder sources = new StringBuilder();
        try (var files = Files.walk(root.resolve("app/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) sources.append(Files.readString(f));
        }
        Matcher m = Pattern.compile("\\b((?:kanal|http)_[a-z_]+)").matcher(dashboard);
        List<String> missing = new ArrayList<>();
        int seen = 0;
        while (m.find()) {
            seen++;
            String name = m.group(1);
            boolean found = false;
            for (String candidate : List.of(name, name.replaceAll("_total$", ""), name.replaceAll("_seconds_count$", ""),
                    name.replaceAll("_seconds$", ""))) {
                if (sources.indexOf("\"" + candidate.replace('_', '.') + "\"") >= 0) found = true;
            }
            if (!found) missing.add(name);
        }
        assertThat(seen).isGreaterThanOrEqualTo(10);
        assertThat(missing).as("dashboard metrics no meter in app/src/main/java publishes").isEmpty();
    }
}
