package dev.kanal.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The typed configuration, one record per section. Each component receives only its own section.
 * Built once at start from {@link ConfigValues}; there is no global or static configuration.
 */
public record KanalConfig(
        Server server,
        Storage storage,
        Security security,
        Qbittorrent qbittorrent,
        Sites sites,
        Http http,
        Catalog catalog,
        Torznab torznab,
        Downloads downloads,
        Strm strm,
        Demo demo,
        Permissions permissions,
        Arr arr) {

    public record Server(String host, int port, URI publicUrl, Duration shutdownGrace, String logFormat,
            String logLevel) {}

    public record Storage(Path dataDir, Path downloadDir) {
        public Path databaseFile() {
            return dataDir.resolve("kanal.sqlite");
        }
    }

    /** @param trustedProxies {@code KANAL_TRUSTED_PROXIES}: proxies whose forwarding headers are believed */
    public record Security(String apiKey, String signingKey, List<String> trustedProxies) {
        public Security(String apiKey, String signingKey) {
            this(apiKey, signingKey, List.of());
        }

        @Override
        public String toString() {
            return "Security[<redacted>]";
        }
    }

    public record Qbittorrent(String username, String password, List<String> authBypass, Duration sessionTimeout,
            String publicSavePath) {
        @Override
        public String toString() {
            return "Qbittorrent[username=" + username + ", password=<redacted>, authBypass=" + authBypass
                    + ", sessionTimeout=" + sessionTimeout + ", publicSavePath=" + publicSavePath + "]";
        }
    }

    /** Enabled sites and their base URLs; {@code megakinoUrl} empty means domain discovery. */
    public record Sites(List<String> enabled, List<String> order, URI aniworldUrl, URI stoUrl, String megakinoUrl) {}

    /**
     * @param privateUpstreams which loopback and private addresses upstream requests may reach
     * @param outbound how upstream requests leave the machine (proxies, FlareSolverr)
     */
    public record Http(double rateLimit, Duration timeout, int retries,
            dev.kanal.providers.http.UpstreamAllowance privateUpstreams, String userAgent, Outbound outbound) {
        public Http {
            outbound = outbound == null ? Outbound.DIRECT : outbound;
        }

        /** Without proxies or a challenge solver. */
        public Http(double rateLimit, Duration timeout, int retries,
                dev.kanal.providers.http.UpstreamAllowance privateUpstreams, String userAgent) {
            this(rateLimit, timeout, retries, privateUpstreams, userAgent, Outbound.DIRECT);
        }

        /** All private addresses allowed, or none; without proxies or a challenge solver. */
        public Http(double rateLimit, Duration timeout, int retries, boolean allowPrivateUpstreams, String userAgent) {
            this(rateLimit, timeout, retries, dev.kanal.providers.http.UpstreamAllowance.of(allowPrivateUpstreams),
                    userAgent, Outbound.DIRECT);
        }

        /** True when every private address may be reached (the setting's boolean meaning). */
        public boolean allowPrivateUpstreams() {
            return privateUpstreams.allowsAllPrivate();
        }
    }

    /**
     * How upstream requests leave the machine: a proxy for everything, overrides per site and for
     * the hosters (empty = the general one, {@code direct} = none), and FlareSolverr (empty = off).
     */
    public record Outbound(String proxy, String aniworldProxy, String stoProxy, String megakinoProxy,
            String hostersProxy, String flaresolverrUrl, Duration flaresolverrTimeout) {
        public static final Outbound DIRECT = new Outbound("", "", "", "", "", "", Duration.ofSeconds(60));
    }

    /** @param newEpisodesInterval how often the sites' new-episodes pages are read; zero: never */
    public record Catalog(URI skyhookUrl, Duration refreshInterval, Duration fullRefreshInterval,
            Duration newEpisodesInterval, int concurrency, Duration priorityBudget) {}

    public record Torznab(String strmMode, String releaseGroup) {}

    public record Downloads(int concurrency, int perHoster, List<String> hosterOrder, int retries,
            Duration retryDelay, String rateLimit, String ytdlp, String ffprobe, Duration stallTimeout) {}

    public record Strm(List<String> categories, Duration scanInterval) {}

    /** The offline demo site of {@code kanal demo}: its port and media bandwidth (0 = unlimited). */
    public record Demo(int port, int throttle) {}

    /** @param umask permission bits taken from files (0666) and folders (0777) Kanal creates */
    public record Permissions(int umask) {}

    /** The Sonarr/Radarr instances a finally failed grab is handed back to; empty: none. */
    public record Arr(List<ArrInstance> instances) {
        public Arr {
            instances = List.copyOf(instances);
        }

        static Arr from(URI sonarr, String sonarrKey, URI radarr, String radarrKey, String more) {
            List<ArrInstance> list = new java.util.ArrayList<>();
            if (sonarr != null) list.add(new ArrInstance("Sonarr", sonarr, sonarrKey == null ? "" : sonarrKey));
            if (radarr != null) list.add(new ArrInstance("Radarr", radarr, radarrKey == null ? "" : radarrKey));
            int n = 1;
            for (String entry : (more == null ? "" : more).split(",")) {
                if (entry.isBlank()) continue;
                int bar = entry.indexOf('|');
                if (bar < 0) throw new ConfigException("invalid KANAL_ARR_MORE: an entry has no '|' — expected <url>|<api key>");
                URI url;
                try {
                    url = ValueType.httpUrl().parse(entry.substring(0, bar).strip());
                } catch (RuntimeException e) {
                    throw new ConfigException("invalid KANAL_ARR_MORE: '" + entry.substring(0, bar).strip()
                            + "' — expected an absolute http:// or https:// URL");
                }
                list.add(new ArrInstance("arr " + (++n), url, entry.substring(bar + 1).strip()));
            }
            return new Arr(list);
        }
    }

    /** One Sonarr or Radarr: both answer the same {@code /api/v3} queue calls. */
    public record ArrInstance(String name, URI url, String apiKey) {
        @Override
        public String toString() {
            return "ArrInstance[name=" + name + ", url=" + url + ", apiKey=<redacted>]";
        }
    }

    /** The proxy and solver settings; also read by {@code kanal probe}. */
    public static Outbound outbound(ConfigValues v) {
        return new Outbound(v.get(Settings.PROXY), v.get(Settings.PROXY_ANIWORLD), v.get(Settings.PROXY_STO),
                v.get(Settings.PROXY_MEGAKINO), v.get(Settings.PROXY_HOSTERS), v.get(Settings.FLARESOLVERR_URL),
                v.get(Settings.FLARESOLVERR_TIMEOUT));
    }

    /** Builds the tree from fully loaded values (secrets filled). */
    public static KanalConfig from(ConfigValues v) {
        return new KanalConfig(
                new Server(v.get(Settings.HOST), v.get(Settings.PORT), v.get(Settings.PUBLIC_URL),
                        v.get(Settings.SHUTDOWN_GRACE), v.get(Settings.LOG_FORMAT), v.get(Settings.LOG_LEVEL)),
                new Storage(v.get(Settings.DATA_DIR), v.get(Settings.DOWNLOAD_DIR)),
                new Security(v.get(Settings.API_KEY), v.get(Settings.SIGNING_KEY),
                        v.get(Settings.TRUSTED_PROXIES)),
                new Qbittorrent(v.get(Settings.QBIT_USERNAME), v.get(Settings.QBIT_PASSWORD),
                        v.get(Settings.QBIT_AUTH_BYPASS), v.get(Settings.QBIT_SESSION_TIMEOUT),
                        v.get(Settings.QBIT_PUBLIC_SAVE_PATH)),
                new Sites(v.get(Settings.SITES), v.get(Settings.SITE_ORDER), v.get(Settings.ANIWORLD_URL),
                        v.get(Settings.STO_URL), v.get(Settings.MEGAKINO_URL)),
                new Http(v.get(Settings.HTTP_RATE_LIMIT), v.get(Settings.HTTP_TIMEOUT), v.get(Settings.HTTP_RETRIES),
                        v.get(Settings.ALLOW_PRIVATE_UPSTREAMS), v.get(Settings.USER_AGENT), outbound(v)),
                new Catalog(v.get(Settings.SKYHOOK_URL), v.get(Settings.CATALOG_REFRESH),
                        v.get(Settings.CATALOG_FULL_REFRESH), v.get(Settings.CATALOG_NEW_EPISODES),
                        v.get(Settings.CATALOG_CONCURRENCY),
                        v.get(Settings.PRIORITY_BUDGET)),
                new Torznab(v.get(Settings.STRM_MODE), v.get(Settings.RELEASE_GROUP)),
                new Downloads(v.get(Settings.DOWNLOAD_CONCURRENCY), v.get(Settings.HOSTER_CONCURRENCY),
                        v.get(Settings.HOSTER_ORDER), v.get(Settings.DOWNLOAD_RETRIES),
                        v.get(Settings.DOWNLOAD_RETRY_DELAY), v.get(Settings.DOWNLOAD_RATE_LIMIT),
                        v.get(Settings.YTDLP), v.get(Settings.FFPROBE), v.get(Settings.DOWNLOAD_STALL_TIMEOUT)),
                new Strm(v.get(Settings.STRM_CATEGORIES), v.get(Settings.STRM_SCAN_INTERVAL)),
                new Demo(v.get(Settings.DEMO_PORT), v.get(Settings.DEMO_THROTTLE)),
                new Permissions(v.get(Settings.UMASK)),
                Arr.from(v.get(Settings.ARR_SONARR_URL), v.get(Settings.ARR_SONARR_API_KEY),
                        v.get(Settings.ARR_RADARR_URL), v.get(Settings.ARR_RADARR_API_KEY), v.get(Settings.ARR_MORE)));
    }
}
