package dev.kanal;

import dev.kanal.cli.KanalCommand;
import dev.kanal.config.KanalConfig;
import dev.kanal.db.Database;
import dev.kanal.health.HealthApi;
import dev.kanal.health.MetricsApi;
import dev.kanal.health.Readiness;
import dev.kanal.sources.EpisodeSources;
import dev.kanal.sources.SourceAttempt;
import dev.kanal.sources.SourceResult;
import dev.kanal.strm.StrmFeature;
import dev.kanal.web.ApiGroup;
import dev.kanal.web.HttpServer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import picocli.CommandLine;

/** Entry point. Parses the command line, then wires Kanal's components by hand; nothing else. */
public final class Main {
    private Main() {}

    /** Until the hoster resolver is wired: every episode reports that no resolver exists. */
    private static final EpisodeSources UNWIRED_SOURCES = (episode, language, skip) -> new SourceResult.NotFound(
            List.of(new SourceAttempt("kanal", "no hoster resolver is wired into this build", false)));

    public static void main(String[] args) {
        System.exit(new CommandLine(new KanalCommand(System.getenv())).execute(args));
    }

    /** Wires and starts every component for {@code config}. The caller owns the returned application. */
    public static Application start(KanalConfig config) {
        return start(config, Overrides.NONE);
    }

    /**
     * Components a caller supplies instead of the production ones (tests inject fakes here); a null
     * field means "wire the real one".
     *
     * @param episodeSources resolves episodes to media sources (jobs and the stream proxy)
     */
    public record Overrides(EpisodeSources episodeSources) {
        public static final Overrides NONE = new Overrides(null);
    }

    /** {@link #start(KanalConfig)} with some components replaced. */
    public static Application start(KanalConfig config, Overrides overrides) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            Clock clock = Clock.systemUTC();
            var json = Json.mapper();
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(meters);
            new JvmThreadMetrics().bindTo(meters);
            new ClassLoaderMetrics().bindTo(meters);
            new ProcessorMetrics().bindTo(meters);
            new UptimeMetrics().bindTo(meters);
            new FileDescriptorMetrics().bindTo(meters);
            JvmGcMetrics gc = new JvmGcMetrics();
            gc.bindTo(meters);
            started.push(gc);

            Readiness readiness = new Readiness();
            readiness.waitFor("startup");

            Database db = Database.open(config.storage().databaseFile());
            started.push(db);

            List<ApiGroup> groups = new ArrayList<>();
            groups.add(new HealthApi(Version.current(), clock, readiness));
            groups.add(new MetricsApi(meters));

            EpisodeSources sources = overrides.episodeSources() != null ? overrides.episodeSources()
                    : UNWIRED_SOURCES;
            StrmFeature strm = new StrmFeature(config, db, sources, meters, json, clock);
            started.push(strm);
            groups.addAll(strm.apis());

            HttpServer http = new HttpServer(config.server(), groups, meters, json);
            int port = http.start();
            started.push(http);

            readiness.done("startup");
            return new Application(config, port, started);
        } catch (RuntimeException e) {
            new Application(config, -1, started).close();
            throw e;
        }
    }
}
