package dev.kanal;

import dev.kanal.arr.ArrApi;
import dev.kanal.arr.ArrClient;
import dev.kanal.arr.ArrHandback;
import dev.kanal.catalog.Catalog;
import dev.kanal.catalog.CatalogHealthApi;
import dev.kanal.catalog.CatalogTitleApi;
import dev.kanal.catalog.ProviderRoutesFactory;
import dev.kanal.catalog.ProviderSettingsFactory;
import dev.kanal.cli.KanalCommand;
import dev.kanal.config.KanalConfig;
import dev.kanal.config.PublicUrlCheck;
import dev.kanal.db.Database;
import dev.kanal.demo.DemoCommand;
import dev.kanal.download.DownloadPaths;
import dev.kanal.download.FfProbe;
import dev.kanal.download.FileModes;
import dev.kanal.download.Subtitles;
import dev.kanal.download.YtDlp;
import dev.kanal.health.HealthApi;
import dev.kanal.health.MetricsApi;
import dev.kanal.health.OperationalHistory;
import dev.kanal.health.Readiness;
import dev.kanal.health.SiteConditions;
import dev.kanal.health.ToolVersions;
import dev.kanal.jobs.HosterLimits;
import dev.kanal.jobs.Job;
import dev.kanal.jobs.JobEvents;
import dev.kanal.jobs.JobRunner;
import dev.kanal.jobs.JobScheduler;
import dev.kanal.jobs.JobState;
import dev.kanal.jobs.JobStore;
import dev.kanal.jobs.JobsApi;
import dev.kanal.jobs.MediaInfoSink;
import dev.kanal.jobs.StrmWriter;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.providers.Providers;
import dev.kanal.providers.resolve.SourceResolver;
import dev.kanal.qbittorrent.CategoryNames;
import dev.kanal.qbittorrent.CategoryStore;
import dev.kanal.qbittorrent.QbAdd;
import dev.kanal.qbittorrent.QbApi;
import dev.kanal.qbittorrent.QbLabels;
import dev.kanal.qbittorrent.QbSessions;
import dev.kanal.qbittorrent.QbTorrentList;
import dev.kanal.qbittorrent.QbTorrentView;
import dev.kanal.qbittorrent.QbTorrents;
import dev.kanal.qbittorrent.QbTorrentsApi;
import dev.kanal.sources.CatalogOtherSites;
import dev.kanal.sources.EpisodeSources;
import dev.kanal.sources.FallbackEpisodeSources;
import dev.kanal.sources.HosterPreferenceStore;
import dev.kanal.sources.HttpOnlySources;
import dev.kanal.sources.ProviderEpisodeSources;
import dev.kanal.strm.StrmFeature;
import dev.kanal.strm.StrmHealthApi;
import dev.kanal.torznab.ReleaseOffers;
import dev.kanal.torznab.TorznabApi;
import dev.kanal.ui.ConnectValues;
import dev.kanal.ui.HostHealthStatus;
import dev.kanal.ui.PageReads;
import dev.kanal.ui.WebUi;
import dev.kanal.web.Access;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;

/**
 * Entry point and the one place that wires Kanal's components, by hand: every component gets its
 * collaborators and only its own configuration section here. Nothing in the application imports
 * this class back; the command line receives {@link #start} as its {@link KanalCommand.Starter}.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** {@code kanal} with its subcommands; serving starts Kanal through {@link #start(KanalConfig)}. */
    public static CommandLine commandLine(Map<String, String> env) {
        return new CommandLine(new KanalCommand(env, Main::start)).addSubcommand(new DemoCommand());
    }

    /**
     * Components a caller supplies instead of the ones {@code start} builds: tests inject fake
     * sites, resolvers, writers or page backends here. Empty means "build the real one".
     */
    public record Overrides(Optional<Providers> providers, Optional<EpisodeSources> sources,
            Optional<StrmWriter> strm, Optional<MediaInfoSink> mediaInfo, Optional<WebUi.Backends> ui) {
        public static Overrides none() {
            return new Overrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty());
        }

        public Overrides withProviders(Providers p) {
            return new Overrides(Optional.of(p), sources, strm, mediaInfo, ui);
        }

        public Overrides withSources(EpisodeSources s) {
            return new Overrides(providers, Optional.of(s), strm, mediaInfo, ui);
        }

        public Overrides withStrm(StrmWriter w) {
            return new Overrides(providers, sources, Optional.of(w), mediaInfo, ui);
        }

        public Overrides withMediaInfo(MediaInfoSink m) {
            return new Overrides(providers, sources, strm, Optional.of(m), ui);
        }

        public Overrides withUi(WebUi.Backends b) {
            return new Overrides(providers, sources, strm, mediaInfo, Optional.of(b));
        }
    }

    /** Wires and starts every component for {@code config}. The caller owns the returned application. */
    public static Application start(KanalConfig config) {
        return start(config, Overrides.none());
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
                    () -> Providers.create(ProviderSettingsFactory.from(config.sites(), config.http()),
                            ProviderRoutesFactory.from(config.http().outbound())));
            Catalog catalog = new Catalog(providers, db, config.catalog(),
                    ProviderSettingsFactory.order(config.sites().order()), meters, json, clock);
            started.push(catalog);
            catalog.start();

            EpisodeSources siteSources = overrides.sources().orElseGet(() -> new ProviderEpisodeSources(
                    new SourceResolver(providers, providers.hosterFetcher()), config.downloads().hosterOrder(),
                    new HosterPreferenceStore(db, clock),
                    (episode, links) -> catalog.store().recordHosters(episode, links, clock.instant())));
            // downloads and the stream proxy fetch only http(s): a hoster answering file:// is a failed hoster;
            // a grab whose site fails or is blocked is tried on the other sites carrying the same work
            EpisodeSources sources = new FallbackEpisodeSources(new HttpOnlySources(siteSources),
                    new CatalogOtherSites(db, ProviderSettingsFactory.order(config.sites().order()).stream()
                            .filter(id -> providers.site(id).isPresent()).toList()));

            StrmFeature strm = new StrmFeature(strmSettings(config), config.http(), db, sources, meters, json, clock);
            started.push(strm);

            DownloadPaths paths = new DownloadPaths(config.storage().downloadDir(),
                    config.qbittorrent().publicSavePath());
            JobEvents jobEvents = new JobEvents();
            JobStore jobStore = new JobStore(db, json, clock);
            MediaInfoSink mediaInfo = overrides.mediaInfo().orElse(catalog.store()::recordMediaInfo);
            // optional Sonarr/Radarr connections: a finally failed grab is removed from the arr's queue and blocklisted
            java.net.http.HttpClient arrHttp = java.net.http.HttpClient.newBuilder()
                    .connectTimeout(java.time.Duration.ofSeconds(10)).build();
            List<ArrClient> arrs = config.arr().instances().stream()
                    .map(i -> new ArrClient(i, arrHttp, json, java.time.Duration.ofSeconds(20))).toList();
            ArrHandback handback = new ArrHandback(arrs, 3, java.time.Duration.ofSeconds(5));
            started.push(handback);
            JobRunner runner = new JobRunner(jobStore, jobEvents, strm.sharingSources(),
                    new YtDlp(config.downloads().ytdlp(), config.downloads().rateLimit(),
                            config.http().privateUpstreams()),
                    new FfProbe(config.downloads().ffprobe(), json), paths,
                    overrides.strm().orElse(strm.files()::write), mediaInfo,
                    new HosterLimits(config.downloads().perHoster()), config.downloads(), clock, meters,
                    new FileModes(config.permissions().umask()), handback,
                    new Subtitles(providers.hosterFetcher()));
            JobScheduler jobs = new JobScheduler(jobStore, jobEvents, runner, paths, config.downloads().concurrency(),
                    config.server().shutdownGrace(), meters);
            started.push(jobs);
            jobs.start();

            MagnetCodec magnets = new MagnetCodec();
            AtomicReference<HttpServer> self = new AtomicReference<>();
            ReleaseOffers offers = new ReleaseOffers(config.torznab(), magnets, db);
            CatalogHealthApi catalogHealth = new CatalogHealthApi(catalog, clock);
            Access access = Access.of(config.security().trustedProxies(), clock, meters);
            List<ApiGroup> groups = new ArrayList<>();
            groups.add(new HealthApi(Version.current(), clock, readiness, ToolVersions.detect(
                    config.downloads().ytdlp(), config.downloads().ffprobe())));
            groups.add(new MetricsApi(meters));
            var history = new OperationalHistory(
                    () -> OperationalHistory.catalogProgress(catalog.progress()),
                    providers.health()::snapshot,
                    () -> OperationalHistory.countByState(JobState.class,
                            jobStore.all().stream().map(Job::state).toList()),
                    meters, clock, java.time.Duration.ofMinutes(5), java.time.Duration.ofDays(1)).start();
            started.push(history);
            groups.add(history);
            groups.add(catalogHealth);
            groups.add(new CatalogTitleApi(catalog, config.security().apiKey()));
            groups.add(new TorznabApi(config.security(), catalog, offers, Version.current(), access));
            QbLabels labels = new QbLabels(new CategoryStore(db), jobStore, paths);
            QbTorrentView torrentView = new QbTorrentView(paths);
            QbTorrentList torrentList = new QbTorrentList(jobStore, torrentView);
            groups.add(new QbApi(new QbSessions(config.qbittorrent(), clock), torrentList, labels, paths,
                    config.qbittorrent(), config.security().apiKey(), () -> self.get().port(), access));
            groups.add(new QbTorrentsApi(new QbAdd(jobs, labels, paths, magnets, config.strm().categories()),
                    torrentList, torrentView, new QbTorrents(jobs, jobStore), labels, json));
            JobsApi jobsApi = new JobsApi(jobStore, jobs, jobEvents, new JobsApi.Grabs(magnets, paths,
                    config.strm().categories(), CategoryNames::valid), config.security().apiKey(), json);
            groups.add(jobsApi);
            groups.addAll(strm.apis());
            groups.add(new ArrApi(arrs));
            WebUi ui = WebUi.create(config.qbittorrent(), config.security(), config.storage().downloadDir(),
                    ConnectValues.of(config), new PageReads(catalog, offers, db, catalogHealth::view,
                            () -> StrmHealthApi.view(strm.library())),
                    overrides.ui().orElseGet(() -> WebUi.Backends.hosts(
                            HostHealthStatus.of(providers.health(), catalog::retryNow))),
                    json, clock, access);
            groups.addAll(ui.groups());

            HttpServer http = new HttpServer(config.server(), groups, meters, json, access);
            self.set(http);
            int port = http.start();
            started.push(http);
            // closed before the server: open event streams end so a stop need not wait for them
            started.push(jobsApi);

            readiness.require(new SiteConditions(catalog)::nothingReachable);
            readiness.done("startup");
            return new Application(config, port, started);
        } catch (RuntimeException e) {
            new Application(config, -1, started).close();
            throw e;
        }
    }

    /** The STRM capability's slice of the configuration. */
    public static StrmFeature.Settings strmSettings(KanalConfig config) {
        return new StrmFeature.Settings(config.server().publicUrl(), config.security().signingKey(),
                config.security().apiKey(), config.storage().downloadDir(), config.strm().scanInterval(),
                PublicUrlCheck.warning(config));
    }
}
