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
        Demo demo) {

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

    public record Http(double rateLimit, Duration timeout, int retries, boolean allowPrivateUpstreams,
            String userAgent) {}

    /** @param newEpisodesInterval how often the sites' new-episodes pages are read; zero: never */
    public record Catalog(URI skyhookUrl, Duration refreshInterval, Duration fullRefreshInterval,
            Duration newEpisodesInterval, int concurrency, Duration priorityBudget) {}

    public record Torznab(String strmMode, String releaseGroup) {}

    public record Downloads(int concurrency, int perHoster, List<String> hosterOrder, int retries,
            Duration retryDelay, String rateLimit, String ytdlp, String ffprobe, Duration stallTimeout) {}

    public record Strm(List<String> categories, Duration scanInterval) {}

    /** The offline demo site of {@code kanal demo}: its port and media bandwidth (0 = unlimited). */
    public record Demo(int port, int throttle) {}

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
                        v.get(Settings.ALLOW_PRIVATE_UPSTREAMS), v.get(Settings.USER_AGENT)),
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
                new Demo(v.get(Settings.DEMO_PORT), v.get(Settings.DEMO_THROTTLE)));
    }
}
