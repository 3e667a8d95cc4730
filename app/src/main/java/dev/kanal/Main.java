package dev.kanal;

import dev.kanal.catalog.Catalog;
import dev.kanal.catalog.CatalogHealthApi;
import dev.kanal.catalog.ProviderSettingsFactory;
import dev.kanal.cli.KanalCommand;
import dev.kanal.config.KanalConfig;
import dev.kanal.db.Database;
import dev.kanal.health.HealthApi;
import dev.kanal.health.MetricsApi;
import dev.kanal.health.Readiness;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.providers.Providers;
import dev.kanal.torznab.TorznabApi;
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

    public static void main(String[] args) {
        System.exit(new CommandLine(new KanalCommand(System.getenv())).execute(args));
    }

    /** Wires and starts every component for {@code config}. The caller owns the returned application. */
    public static Application start(KanalConfig config) {
        return start(config, Providers.create(ProviderSettingsFactory.from(config.sites(), config.http())));
    }

    /** {@link #start(KanalConfig)} with the given sites and hosters (tests inject fakes here). */
    public static Application start(KanalConfig config, Providers providers) {
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

            Catalog catalog = new Catalog(providers, db, config.catalog(),
                    ProviderSettingsFactory.order(config.sites().order()), meters, json, clock);
            started.push(catalog);
            catalog.start();

            List<ApiGroup> groups = new ArrayList<>();
            groups.add(new HealthApi(Version.current(), clock, readiness));
            groups.add(new MetricsApi(meters));
            groups.add(new CatalogHealthApi(catalog, clock));
            groups.add(new TorznabApi(config.security(), config.torznab(), catalog, new MagnetCodec(),
                    Version.current()));

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
