package dev.kanal;

import dev.kanal.catalog.Catalog;
import dev.kanal.catalog.CatalogHealthApi;
import dev.kanal.catalog.ProviderSettingsFactory;
import dev.kanal.cli.KanalCommand;
import dev.kanal.config.KanalConfig;
import dev.kanal.db.Database;
import dev.kanal.download.DownloadPaths;
import dev.kanal.download.FfProbe;
import dev.kanal.download.YtDlp;
import dev.kanal.health.HealthApi;
import dev.kanal.health.MetricsApi;
import dev.kanal.health.Readiness;
import dev.kanal.jobs.JobEvents;
import dev.kanal.jobs.JobScheduler;
import dev.kanal.jobs.JobStore;
import dev.kanal.jobs.JobsApi;
import dev.kanal.jobs.MediaInfoSink;
import dev.kanal.jobs.StrmWriter;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.qbittorrent.QbApi;
import dev.kanal.sources.EpisodeSources;
import dev.kanal.sources.ResolvingEpisodeSources;
import dev.kanal.strm.StrmFeature;
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
import java.util.Optional;
import picocli.CommandLine;

/** Entry point. Parses the command line, then wires Kanal's components by hand; nothing else. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new KanalCommand(System.getenv())).execute(args));
    }

    /**
     * Components a caller supplies instead of the ones {@code Main} builds (tests inject fakes;
     * the lead wires the real ones here until they move into {@code start}).
     */
    public record Overrides(Optional<EpisodeSources> sources, Optional<StrmWriter> strm,
            Optional<MediaInfoSink> mediaInfo, Optional<Providers> providers) {
        public static Overrides none() {
            return new Overrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public Overrides withSources(EpisodeSources s) {
            return new Overrides(Optional.of(s), strm, mediaInfo, providers);
        }

        public Overrides withStrm(StrmWriter w) {
            return new Overrides(sources, Optional.of(w), mediaInfo, providers);
        }

        public Overrides withMediaInfo(MediaInfoSink m) {
            return new Overrides(sources, strm, Optional.of(m), providers);
        }

        /** Sites and hosters to use instead of the configured real ones. */
        public Overrides withProviders(Providers p) {
            return new Overrides(sources, strm, mediaInfo, Optional.of(p));
        }
    }

    /** Wires and starts every component for {@code config}. The caller owns the returned application. */
    public static Application start(KanalConfig config) {
        return start(config, Overrides.none());
    }

    /** {@link #start(KanalConfig)} with some components supplied by the caller. */
    /** {@link #start(KanalConfig)} with the given sites and hosters (tests inject fakes here). */
    public static Application start(KanalConfig config, Providers providers) {
        return start(config, Overrides.none().withProviders(providers));
    }

    /** {@link #start(KanalConfig)} with some components supplied by the caller. */
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

            Providers providers = overrides.providers().orElseGet(
                    () -> Providers.create(ProviderSettingsFactory.from(config.sites(), config.http())));
            EpisodeSources sources = overrides.sources().orElseGet(
                    () -> new ResolvingEpisodeSources(providers, config.downloads().hosterOrder()));
            StrmFeature strm = new StrmFeature(config, db, sources, meters, json, clock);
            started.push(strm);

            DownloadPaths paths = new DownloadPaths(config.storage().downloadDir(),
                    config.qbittorrent().publicSavePath());
            JobEvents jobEvents = new JobEvents();
            JobStore jobStore = new JobStore(db, json, clock);
            JobScheduler jobs = JobScheduler.create(jobStore, jobEvents,
                    sources,
                    new YtDlp(config.downloads().ytdlp(), config.downloads().rateLimit()),
                    new FfProbe(config.downloads().ffprobe(), json), paths,
                    overrides.strm().orElse(strm.files()::write), overrides.mediaInfo().orElse(MediaInfoSink.NONE),
                    config.downloads(), config.server().shutdownGrace(), clock, meters);
            started.push(jobs);
            jobs.start();

            Catalog catalog = new Catalog(providers, db, config.catalog(),
                    ProviderSettingsFactory.order(config.sites().order()), meters, json, clock);
            started.push(catalog);
            catalog.start();

            List<ApiGroup> groups = new ArrayList<>();
            groups.add(new HealthApi(Version.current(), clock, readiness));
            groups.add(new MetricsApi(meters));
            groups.addAll(QbApi.create(config.qbittorrent(), clock, jobs, jobStore, db, paths, new MagnetCodec(),
                    config.strm().categories()));
            groups.add(new JobsApi(jobStore, jobs, jobEvents, config.security().apiKey()));

            groups.addAll(strm.apis());

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
