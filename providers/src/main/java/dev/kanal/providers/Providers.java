package dev.kanal.providers;

import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.HostHealthRegistry;
import dev.kanal.providers.http.HttpClock;
import dev.kanal.providers.http.HttpPolicy;
import dev.kanal.providers.http.OkHttpFetcher;
import dev.kanal.providers.http.OutboundRoute;
import dev.kanal.providers.site.SiteAddress;
import dev.kanal.providers.site.aniworld.AniWorldSite;
import dev.kanal.providers.site.aniworld.AniWorldUrls;
import dev.kanal.providers.site.megakino.MegakinoDomains;
import dev.kanal.providers.site.megakino.MegakinoSite;
import dev.kanal.providers.site.sto.StoSite;
import dev.kanal.providers.site.sto.StoUrls;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point the app wires: every enabled site (listed explicitly, no ServiceLoader) and every
 * hoster, built from one {@link ProviderSettings}. All fetchers it builds share one
 * {@link HostHealthRegistry}, so rate limits and circuit breakers are per host across the app and
 * the status page sees every host.
 */
public final class Providers {
    private final List<Site> sites;
    private final HosterRegistry hosters;
    private final Fetcher hosterFetcher;
    private final HostHealthRegistry health;

    /** Hand-built providers (tests, tools): hosters fetch with the default, private-address-refusing fetcher. */
    public Providers(List<Site> sites, HosterRegistry hosters) {
        this(sites, hosters, defaultHealth());
    }

    private Providers(List<Site> sites, HosterRegistry hosters, HostHealthRegistry health) {
        this(sites, hosters, new OkHttpFetcher(ProviderSettings.defaults(), health, Map.of()), health);
    }

    private static HostHealthRegistry defaultHealth() {
        return new HostHealthRegistry(HttpPolicy.from(ProviderSettings.defaults()), HttpClock.system());
    }

    /**
     * @param hosterFetcher the fetcher hosters use
     * @param health the host registry behind every fetcher
     */
    public Providers(List<Site> sites, HosterRegistry hosters, Fetcher hosterFetcher, HostHealthRegistry health) {
        this.sites = List.copyOf(sites);
        this.hosters = hosters;
        this.hosterFetcher = java.util.Objects.requireNonNull(hosterFetcher, "hosterFetcher");
        this.health = java.util.Objects.requireNonNull(health, "health");
    }

    /** Builds the standard sites and hosters for the given settings. */
    public static Providers create(ProviderSettings settings) {
        return create(settings, HttpClock.system(), Clock.systemUTC(), MegakinoDomains.DEFAULT_CANDIDATES);
    }

    /**
     * As {@link #create(ProviderSettings)}, with the clocks and Megakino's domain candidates
     * injected (tests point discovery at local servers).
     */
    public static Providers create(ProviderSettings settings, HttpClock httpClock, Clock clock,
            List<java.net.URI> megakinoCandidates) {
        return create(settings, ProviderRoutes.DIRECT, httpClock, clock, megakinoCandidates);
    }

    /** Builds the standard sites and hosters, each site's and the hosters' requests leaving through {@code routes}. */
    public static Providers create(ProviderSettings settings, ProviderRoutes routes) {
        return create(settings, routes, HttpClock.system(), Clock.systemUTC(), MegakinoDomains.DEFAULT_CANDIDATES);
    }

    /** As {@link #create(ProviderSettings, ProviderRoutes)} with the clocks and Megakino's candidates injected. */
    public static Providers create(ProviderSettings settings, ProviderRoutes routes, HttpClock httpClock, Clock clock,
            List<java.net.URI> megakinoCandidates) {
        HostHealthRegistry health = new HostHealthRegistry(HttpPolicy.from(settings), httpClock);
        List<Site> sites = new ArrayList<>();
        for (SiteId id : SiteId.values()) {
            if (!settings.enabledSites().contains(id)) continue;
            sites.add(switch (id) {
                case ANIWORLD -> {
                    SiteAddress address = new SiteAddress(settings.baseUrl(id).orElse(AniWorldUrls.DEFAULT_BASE));
                    yield new AniWorldSite(siteFetcher(settings, health, address, routes.site(id)), address);
                }
                case STO -> {
                    SiteAddress address = new SiteAddress(settings.baseUrl(id).orElse(StoUrls.DEFAULT_BASE));
                    yield new StoSite(siteFetcher(settings, health, address, routes.site(id)), address);
                }
                case MEGAKINO -> {
                    // the Referer follows the discovered domain, so no fixed site headers here
                    Fetcher fetcher = new OkHttpFetcher(settings, health, Map.of(), routes.site(id));
                    MegakinoDomains domains = new MegakinoDomains(probeFetcher(settings, health, routes.site(id)),
                            settings.baseUrl(id).orElse(null), megakinoCandidates, clock, MegakinoDomains.DEFAULT_RECHECK);
                    yield new MegakinoSite(fetcher, domains, clock);
                }
            });
        }
        Fetcher hosterFetcher = new OkHttpFetcher(settings, health, Map.of(), routes.hosters());
        return new Providers(sites, HosterRegistry.standard(settings.userAgent()), hosterFetcher, health);
    }

    /**
     * Domain probes fail fast: dead TLDs hang in DNS or refuse connections, and a dozen candidates
     * with full retries and 30 s timeouts would stall discovery for minutes.
     */
    private static Fetcher probeFetcher(ProviderSettings settings, HostHealthRegistry health, OutboundRoute route) {
        java.time.Duration cap = java.time.Duration.ofSeconds(6);
        ProviderSettings quick = new ProviderSettings(settings.baseUrls(), settings.enabledSites(),
                settings.rateLimitPerHost(), settings.allowPrivateUpstreams(),
                min(settings.connectTimeout(), cap), min(settings.readTimeout(), cap), 0, settings.userAgent(),
                settings.privateUpstreams());
        return new OkHttpFetcher(quick, health, Map.of(), route);
    }

    private static java.time.Duration min(java.time.Duration a, java.time.Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Fetcher siteFetcher(ProviderSettings settings, HostHealthRegistry health, SiteAddress address,
            OutboundRoute route) {
        return new OkHttpFetcher(settings, health, Map.of("Referer", address.referer()), route);
    }

    /** The enabled sites. */
    public List<Site> sites() {
        return sites;
    }

    public Optional<Site> site(SiteId id) {
        return sites.stream().filter(s -> s.id() == id).findFirst();
    }

    public HosterRegistry hosters() {
        return hosters;
    }

    /** The fetcher hosters resolve embeds with: same guard, policy and host registry as the sites. */
    public Fetcher hosterFetcher() {
        return hosterFetcher;
    }

    /** Per-host health of every upstream contacted so far (read-only). */
    public HostHealthRegistry health() {
        return health;
    }
}
