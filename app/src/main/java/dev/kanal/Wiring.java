package dev.kanal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.arr.ArrApi;
import dev.kanal.arr.ArrClient;
import dev.kanal.arr.ArrHandback;
import dev.kanal.catalog.Catalog;
import dev.kanal.catalog.CatalogChanges;
import dev.kanal.catalog.CatalogHealthApi;
import dev.kanal.catalog.CatalogMetrics;
import dev.kanal.catalog.CatalogTitleApi;
import dev.kanal.catalog.DetailFetcher;
import dev.kanal.catalog.DetailQueue;
import dev.kanal.catalog.EpisodeStore;
import dev.kanal.catalog.ImdbLookup;
import dev.kanal.catalog.MappingStage;
import dev.kanal.catalog.MappingStore;
import dev.kanal.catalog.PriorityLane;
import dev.kanal.catalog.ProviderRoutesFactory;
import dev.kanal.catalog.ProviderSettingsFactory;
import dev.kanal.catalog.ReleaseFacts;
import dev.kanal.catalog.ReleaseQueries;
import dev.kanal.catalog.SiteCrawler;
import dev.kanal.catalog.SkyHookClient;
import dev.kanal.catalog.StageStore;
import dev.kanal.catalog.TitleResolver;
import dev.kanal.catalog.TitleStore;
import dev.kanal.config.KanalConfig;
import dev.kanal.config.PublicUrlCheck;
import dev.kanal.db.Database;
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
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.resolve.SourceResolver;
import dev.kanal.qbittorrent.CategoryNames;
import dev.kanal.qbittorrent.CategoryStore;
import dev.kanal.qbittorrent.MainData;
import dev.kanal.qbittorrent.QbAdd;
import dev.kanal.qbittorrent.QbApi;
import dev.kanal.qbittorrent.QbLabels;
import dev.kanal.qbittorrent.QbPreferences;
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
import dev.kanal.strm.MediaCopier;
import dev.kanal.strm.NextEpisodeWarmer;
import dev.kanal.strm.SourceCache;
import dev.kanal.strm.SourceStore;
import dev.kanal.strm.StreamMetrics;
import dev.kanal.strm.StreamProxyApi;
import dev.kanal.strm.StreamService;
import dev.kanal.strm.StrmFeature;
import dev.kanal.strm.StrmFileStore;
import dev.kanal.strm.StrmFiles;
import dev.kanal.strm.StrmHealthApi;
import dev.kanal.strm.StrmLibrary;
import dev.kanal.strm.StrmLinks;
import dev.kanal.strm.UpstreamClient;
import dev.kanal.strm.UrlSigner;
import dev.kanal.torznab.ItemFactory;
import dev.kanal.torznab.ReleaseNamer;
import dev.kanal.torznab.ReleaseOffers;
import dev.kanal.torznab.StoredNames;
import dev.kanal.torznab.TorznabApi;
import dev.kanal.torznab.TorznabSearch;
import dev.kanal.ui.ConnectValues;
import dev.kanal.ui.ConnectionsApi;
import dev.kanal.ui.HostHealthStatus;
import dev.kanal.ui.PageBackends;
import dev.kanal.ui.PageSearch;
import dev.kanal.ui.StatusApi;
import dev.kanal.ui.StatusView;
import dev.kanal.ui.TitleNames;
import dev.kanal.ui.UiAssets;
import dev.kanal.ui.UiAuthApi;
import dev.kanal.ui.UiSessions;
import dev.kanal.web.Access;
import dev.kanal.web.ApiGroup;
import dev.kanal.web.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one place that builds Kanal's components, by hand: every part of every capability is
 * constructed here, and each receives only the settings it reads (a section of {@link KanalConfig}
 * that is its own, or a record of the values). {@link #start} builds and starts them in order and
 * returns the {@link Application} that closes them in reverse; one private method a capability
 * keeps it readable. Only {@code Main} and tests call it; nothing it builds imports it back.
 */
public final class Wiring {
    private final KanalConfig config;
    private final Overrides overrides;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Clock clock = Clock.systemUTC();
    private final ObjectMapper json = Json.mapper();

    private Wiring(KanalConfig config, Overrides overrides) {
        this.config = config;
        this.overrides = overrides;
    }

    /**
     * Components a caller supplies instead of the ones {@code start} builds: tests inject fake
     * sites, resolvers, writers or page backends here. Empty means "build the real one".
     */
    public record Overrides(Optional<Providers> providers, Optional<EpisodeSources> sources,
            Optional<StrmWriter> strm, Optional<MediaInfoSink> mediaInfo, Optional<PageBackends> ui) {
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

        public Overrides withUi(PageBackends b) {
            return new Overrides(providers, sources, strm, mediaInfo, Optional.of(b));
        }
    }

    /** Wires and starts every component for {@code config}. The caller owns the returned application. */
    public static Application start(KanalConfig config) {
        return start(config, Overrides.none());
    }

    /** {@link #start(KanalConfig)} with some components supplied by the caller. */
    public static Application start(KanalConfig config, Overrides overrides) {
        return new Wiring(config, overrides).start();
    }

    /** What the jobs capability hands to the APIs that add, list and follow jobs. */
    private record Jobs(JobStore store, JobEvents events, JobScheduler scheduler, DownloadPaths paths,
            List<ArrClient> arrs) {}

    private Application start() {
        try {
            PrometheusMeterRegistry meters = meters();

            Readiness readiness = new Readiness();
            readiness.waitFor("startup");

            Database db = Database.open(config.storage().databaseFile());
            started.push(db);

            Providers providers = overrides.providers().orElseGet(
                    () -> Providers.create(ProviderSettingsFactory.from(config.sites(), config.http()),
                            ProviderRoutesFactory.from(config.http().outbound())));
            List<SiteId> siteOrder = ProviderSettingsFactory.order(config.sites().order());
            Catalog catalog = catalog(providers, db, config.catalog(), siteOrder, meters, json, clock);
            started.push(catalog);
            catalog.start();

            EpisodeSources sources = sources(providers, db, catalog, siteOrder);
            StrmFeature strm = strm(strmSettings(config), config.http(), db, sources, meters, json, clock);
            started.push(strm);
            Jobs jobs = jobs(providers, db, catalog, strm, meters);

            MagnetCodec magnets = new MagnetCodec();
            AtomicReference<HttpServer> self = new AtomicReference<>();
            ItemFactory items = new ItemFactory(magnets, new ReleaseNamer(config.torznab().releaseGroup(),
                    new StoredNames(db)), ItemFactory.StrmMode.of(config.torznab().strmMode()));
            ReleaseOffers offers = new ReleaseOffers(items);
            CatalogHealthApi catalogHealth = new CatalogHealthApi(catalog, clock);
            Access access = Access.of(config.security().trustedProxies(), clock, meters);
            List<ApiGroup> groups = new ArrayList<>();
            groups.add(new HealthApi(Version.current(), clock, readiness, ToolVersions.detect(
                    config.downloads().ytdlp(), config.downloads().ffprobe())));
            groups.add(new MetricsApi(meters));
            groups.add(history(providers, catalog, jobs.store(), meters));
            groups.add(catalogHealth);
            groups.add(new CatalogTitleApi(catalog, config.security().apiKey()));
            groups.add(new TorznabApi(config.security().apiKey(), catalog, new TorznabSearch(catalog, items),
                    Version.current(), access));
            groups.addAll(qbittorrent(db, jobs, magnets, () -> self.get().port(), access));
            JobsApi jobsApi = new JobsApi(jobs.store(), jobs.scheduler(), jobs.events(), new JobsApi.Grabs(magnets,
                    jobs.paths(), config.strm().categories(), CategoryNames::valid), config.security().apiKey(), json);
            groups.add(jobsApi);
            groups.addAll(strm.apis());
            groups.add(new ArrApi(jobs.arrs()));
            groups.addAll(ui(db, catalog, offers, catalogHealth::view, () -> StrmHealthApi.view(strm.library()),
                    overrides.ui().orElseGet(() -> PageBackends.hosts(
                            HostHealthStatus.of(providers.health(), catalog::retryNow))),
                    access));

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

    /** The Prometheus registry with the JVM's and the process's meters bound. */
    private PrometheusMeterRegistry meters() {
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
        return meters;
    }

    /**
     * The staged catalog: one crawler and detail fetcher per site of {@code providers}, sharing the
     * stores, the detail queue and the mapping stage; not started.
     */
    private static Catalog catalog(Providers providers, Database db, KanalConfig.Catalog config,
            List<SiteId> siteOrder, MeterRegistry meters, ObjectMapper json, Clock clock) {
        StageStore stages = new StageStore(db);
        CatalogChanges changes = new CatalogChanges();
        DetailQueue queue = new DetailQueue(db, changes);
        ReleaseFacts facts = new ReleaseFacts(db, changes);
        EpisodeStore episodes = new EpisodeStore(db, changes);
        ReleaseQueries queries = new ReleaseQueries(db, changes);
        TitleResolver resolver = new TitleResolver(queries, siteOrder);
        CatalogMetrics metrics = new CatalogMetrics(meters);
        TitleStore titleStore = new TitleStore(db, changes);
        MappingStage mapping = new MappingStage(new MappingStore(db, changes),
                new SkyHookClient(config.skyhookUrl(), json), clock, config.concurrency());
        Map<SiteId, DetailFetcher> fetchers = new LinkedHashMap<>();
        Map<SiteId, SiteCrawler> crawlers = new LinkedHashMap<>();
        for (Site site : providers.sites()) {
            DetailFetcher fetcher = new DetailFetcher(site, episodes, queue, facts, metrics, clock,
                    config.refreshInterval());
            fetchers.put(site.id(), fetcher);
            crawlers.put(site.id(), new SiteCrawler(site, queue, titleStore, stages, mapping, fetcher, resolver,
                    metrics, config, clock));
        }
        PriorityLane priority = new PriorityLane(queue, fetchers, config.priorityBudget(), metrics);
        ImdbLookup imdbLookup = new ImdbLookup(providers.sites(), db, changes, config.priorityBudget());
        return new Catalog(crawlers, stages, queue, facts, queries, resolver, priority, imdbLookup, meters);
    }

    /**
     * Where grabs and streams find an episode's video: the site's hosters (only http(s) answers count,
     * a hoster answering file:// is a failed hoster), then the other sites carrying the same work.
     */
    private EpisodeSources sources(Providers providers, Database db, Catalog catalog, List<SiteId> siteOrder) {
        EpisodeSources siteSources = overrides.sources().orElseGet(() -> new ProviderEpisodeSources(
                new SourceResolver(providers, providers.hosterFetcher()), config.downloads().hosterOrder(),
                new HosterPreferenceStore(db, clock),
                (episode, links) -> catalog.store().recordHosters(episode, links, clock.instant())));
        return new FallbackEpisodeSources(new HttpOnlySources(siteSources),
                new CatalogOtherSites(db, siteOrder.stream().filter(id -> providers.site(id).isPresent()).toList()));
    }

    /** The STRM capability's slice of the configuration. */
    public static StrmFeature.Settings strmSettings(KanalConfig config) {
        return new StrmFeature.Settings(config.server().publicUrl(), config.security().signingKey(),
                config.security().apiKey(), config.storage().downloadDir(), config.strm().scanInterval(),
                PublicUrlCheck.warning(config));
    }

    /**
     * The STRM capability with its library scan started: the {@code .strm} writer, the stream proxy
     * fetching through its own upstream client ({@code http}'s guard, timeout and user agent), and
     * the library health. The caller closes it.
     */
    public static StrmFeature strm(StrmFeature.Settings settings, KanalConfig.Http http, Database db,
            EpisodeSources sources, MeterRegistry meters, ObjectMapper json, Clock clock) {
        StrmLinks links = new StrmLinks(settings.publicUrl(), new UrlSigner(settings.signingKey()), clock);
        SourceCache cache = new SourceCache(sources, new SourceStore(db, json), clock);
        StreamMetrics metrics = new StreamMetrics(meters);
        UpstreamClient upstream = new UpstreamClient(
                new UpstreamClient.Settings(http.privateUpstreams(), http.timeout(), http.userAgent()));
        NextEpisodeWarmer warmer = new NextEpisodeWarmer(cache);
        StrmFileStore written = new StrmFileStore(db);
        StrmFiles files = new StrmFiles(links, written, clock);
        StrmLibrary library = new StrmLibrary(written, files, cache, clock,
                StrmLibrary.libraryRoots(settings.downloadDir()));
        StreamService service = new StreamService(cache, upstream, links, metrics, warmer, clock);
        StrmFeature strm = new StrmFeature(sources, cache, files, library, warmer, upstream,
                List.of(new StreamProxyApi(links, service, new MediaCopier(metrics)),
                        new StrmHealthApi(library, settings.apiKey(), settings.publicUrlWarning())),
                settings.scanInterval());
        strm.start();
        return strm;
    }

    /**
     * The persistent jobs: their store and live events, the runner (yt-dlp, ffprobe, the STRM writer,
     * subtitles) and the started scheduler; a finally failed grab is handed back to the optional
     * Sonarr/Radarr connections, which remove it from their queue and blocklist it.
     */
    private Jobs jobs(Providers providers, Database db, Catalog catalog, StrmFeature strm, MeterRegistry meters) {
        DownloadPaths paths = new DownloadPaths(config.storage().downloadDir(), config.qbittorrent().publicSavePath());
        JobEvents events = new JobEvents();
        JobStore store = new JobStore(db, json, clock);
        MediaInfoSink mediaInfo = overrides.mediaInfo().orElse(catalog.store()::recordMediaInfo);
        HttpClient arrHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<ArrClient> arrs = config.arr().instances().stream()
                .map(i -> new ArrClient(i, arrHttp, json, Duration.ofSeconds(20))).toList();
        ArrHandback handback = new ArrHandback(arrs, 3, Duration.ofSeconds(5));
        started.push(handback);
        JobRunner runner = new JobRunner(store, events, strm.sharingSources(),
                new YtDlp(config.downloads().ytdlp(), config.downloads().rateLimit(), config.http().privateUpstreams()),
                new FfProbe(config.downloads().ffprobe(), json), paths,
                overrides.strm().orElse(strm.files()::write), mediaInfo,
                new HosterLimits(config.downloads().perHoster()), config.downloads(), clock, meters,
                new FileModes(config.permissions().umask()), handback,
                new Subtitles(providers.hosterFetcher()));
        JobScheduler scheduler = new JobScheduler(store, events, runner, paths, config.downloads().concurrency(),
                config.server().shutdownGrace(), meters);
        started.push(scheduler);
        scheduler.start();
        return new Jobs(store, events, scheduler, paths, arrs);
    }

    /** The started operational history: catalog progress, host health and job states over the last day. */
    private OperationalHistory history(Providers providers, Catalog catalog, JobStore jobs, MeterRegistry meters) {
        OperationalHistory history = new OperationalHistory(
                () -> OperationalHistory.catalogProgress(catalog.progress()),
                providers.health()::snapshot,
                () -> OperationalHistory.countByState(JobState.class, jobs.all().stream().map(Job::state).toList()),
                meters, clock, Duration.ofMinutes(5), Duration.ofDays(1)).start();
        started.push(history);
        return history;
    }

    /** The qBittorrent Web API Sonarr and Radarr use as a download client. */
    private List<ApiGroup> qbittorrent(Database db, Jobs jobs, MagnetCodec magnets,
            java.util.function.IntSupplier port, Access access) {
        QbLabels labels = new QbLabels(new CategoryStore(db), jobs.store(), jobs.paths());
        QbTorrentView torrentView = new QbTorrentView(jobs.paths());
        QbTorrentList torrentList = new QbTorrentList(jobs.store(), torrentView);
        return List.of(
                new QbApi(new QbSessions(config.qbittorrent(), clock), torrentList, labels, jobs.paths(),
                        new QbPreferences(jobs.paths(), config.qbittorrent(), port), new MainData(),
                        config.security().apiKey(), access),
                new QbTorrentsApi(new QbAdd(jobs.scheduler(), labels, jobs.paths(), magnets,
                        config.strm().categories()), torrentList, torrentView,
                        new QbTorrents(jobs.scheduler(), jobs.store()), labels, json));
    }

    /**
     * The web page's surfaces: assets, login (the qBittorrent credentials or the API key), the
     * connections record and the status views with the in-process search. It reads the catalog and
     * the release offers Torznab renders, every title's names from the database, and the
     * {@code /health/catalog} and {@code /health/strm} documents, unless {@code backends} replaces them.
     */
    private List<ApiGroup> ui(Database db, Catalog catalog, ReleaseOffers offers, StatusView catalogStatus,
            StatusView strmStatus, PageBackends backends, Access access) {
        UiSessions sessions = new UiSessions(new UiSessions.Credentials(config.qbittorrent().username(),
                config.qbittorrent().password(), config.security().apiKey()), clock, access.throttle());
        PageSearch search = new PageSearch(catalog, offers, new TitleNames(db, clock));
        return List.of(
                new UiAssets(),
                new UiAuthApi(sessions, json, config.qbittorrent().username(), access),
                new ConnectionsApi(access.connections()),
                new StatusApi(ConnectValues.of(config), config.storage().downloadDir(),
                        backends.catalog().orElse(catalogStatus), backends.strm().orElse(strmStatus),
                        backends.hosts(), search));
    }
}
