package dev.kanal.config;

import static dev.kanal.config.Setting.of;
import static dev.kanal.config.Setting.secretOf;
import static dev.kanal.config.ValueType.decimal;
import static dev.kanal.config.ValueType.directory;
import static dev.kanal.config.ValueType.duration;
import static dev.kanal.config.ValueType.httpUrl;
import static dev.kanal.config.ValueType.integer;
import static dev.kanal.config.ValueType.listOf;
import static dev.kanal.config.ValueType.oneOf;
import static dev.kanal.config.ValueType.optionalHttpUrl;
import static dev.kanal.config.ValueType.optionalPath;
import static dev.kanal.config.ValueType.secret;
import static dev.kanal.config.ValueType.text;
import static dev.kanal.config.ValueType.umask;
import static dev.kanal.config.ValueType.words;

import dev.kanal.providers.http.UpstreamAllowance;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every setting Kanal reads, in one place. The environment variable names are a contract used by
 * outside tools and the docs; {@code docs/configuration.md} is generated from this list (a test
 * fails when the two differ).
 */
public final class Settings {
    private Settings() {}

    // --- server
    public static final Setting<String> HOST = of("KANAL_HOST", "server.host", text(), "0.0.0.0",
            "Address the HTTP server binds to.");
    public static final Setting<Integer> PORT = of("KANAL_PORT", "server.port", integer(0, 65535), "8080",
            "HTTP port for Torznab, the qBittorrent API, the stream proxy and the web page (0 picks a free one).");
    public static final Setting<URI> PUBLIC_URL = of("KANAL_PUBLIC_URL", "server.public_url", httpUrl(),
            "http://localhost:8080",
            "How Sonarr and media servers reach Kanal; used in magnets' links and .strm files. "
                    + "Unset, it is http://localhost:<KANAL_PORT>, which .strm files cannot use from another machine.");
    public static final Setting<Duration> SHUTDOWN_GRACE = of("KANAL_SHUTDOWN_GRACE", "server.shutdown_grace",
            duration(), "20s", "How long a stop waits for requests and downloads to reach a safe point.");
    public static final Setting<String> LOG_FORMAT = of("KANAL_LOG_FORMAT", "log.format", oneOf("text", "json"),
            "text", "Log as human-readable lines (text) or JSON lines (json).");
    public static final Setting<String> LOG_LEVEL = of("KANAL_LOG_LEVEL", "log.level",
            oneOf("trace", "debug", "info", "warn", "error"), "info", "Lowest level that is logged.");

    // --- storage
    public static final Setting<Path> DATA_DIR = of("KANAL_DATA_DIR", "storage.data_dir", directory(), "./data",
            "Directory for the SQLite database and generated secrets.");
    public static final Setting<Path> DOWNLOAD_DIR = of("KANAL_DOWNLOAD_DIR", "storage.download_dir", directory(),
            "./downloads", "Directory downloads and .strm files are written below; nothing outside it is touched.");

    // --- secrets (generated on first start when not set)
    public static final Setting<String> API_KEY = secretOf("KANAL_API_KEY", "security.api_key", secret(16),
            "API key for Torznab and Kanal's own API; generated and stored in the data directory when not set.");
    public static final Setting<String> SIGNING_KEY = secretOf("KANAL_SIGNING_KEY", "security.signing_key",
            secret(32), "Key that signs stream URLs; rotating it invalidates every .strm file. Generated when not set.");
    public static final Setting<List<String>> TRUSTED_PROXIES = of("KANAL_TRUSTED_PROXIES",
            "security.trusted_proxies", new ValueType<>("list", "comma-separated addresses or CIDR ranges", s -> {
                List<String> entries = words().parse(s);
                for (String e : entries) dev.kanal.web.AddressRange.parse(e);
                return entries;
            }), "",
            "Reverse proxies whose X-Forwarded-For/-Host/-Proto are believed (addresses or ranges such as"
                    + " 172.18.0.0/16, or 'localhost'): login throttling and logs then see the real client.");

    // --- qBittorrent API
    public static final Setting<String> QBIT_USERNAME = of("KANAL_QBIT_USERNAME", "qbittorrent.username", text(),
            "admin", "User name Sonarr and Radarr log in with.");
    public static final Setting<String> QBIT_PASSWORD = secretOf("KANAL_QBIT_PASSWORD", "qbittorrent.password",
            secret(1), "Password Sonarr and Radarr log in with; generated and stored when not set.");
    public static final Setting<List<String>> QBIT_AUTH_BYPASS = of("KANAL_QBIT_AUTH_BYPASS",
            "qbittorrent.auth_bypass", ValueType.subnets(), "",
            "Clients that skip the qBittorrent login: 'localhost' and/or subnets such as 172.18.0.0/16.");
    public static final Setting<Duration> QBIT_SESSION_TIMEOUT = of("KANAL_QBIT_SESSION_TIMEOUT",
            "qbittorrent.session_timeout", duration(), "1h", "A qBittorrent session expires after this much inactivity.");
    public static final Setting<String> QBIT_PUBLIC_SAVE_PATH = of("KANAL_QBIT_PUBLIC_SAVE_PATH",
            "qbittorrent.public_save_path", optionalPath(), "",
            "The download directory as Sonarr sees it (another container's mount); empty means the same path.");

    // --- sites and outbound HTTP
    public static final Setting<List<String>> SITES = of("KANAL_SITES", "sites.enabled",
            listOf("aniworld", "sto", "megakino"), "aniworld,sto,megakino", "Sites to index and download from.");
    public static final Setting<List<String>> SITE_ORDER = of("KANAL_SITE_ORDER", "sites.order",
            listOf("aniworld", "sto", "megakino"), "aniworld,sto,megakino",
            "Which site wins when a title matches equally well on several.");
    public static final Setting<URI> ANIWORLD_URL = of("KANAL_ANIWORLD_URL", "sites.aniworld_url", httpUrl(),
            "https://aniworld.to", "Base URL of AniWorld (may carry a path prefix).");
    public static final Setting<URI> STO_URL = of("KANAL_STO_URL", "sites.sto_url", httpUrl(),
            "https://serienstream.to", "Base URL of s.to / SerienStream (may carry a path prefix).");
    public static final Setting<String> MEGAKINO_URL = of("KANAL_MEGAKINO_URL", "sites.megakino_url",
            new ValueType<>("url", "an absolute http:// or https:// URL, or empty for domain discovery",
                    s -> s.isEmpty() ? "" : httpUrl().parse(s).toString()),
            "", "Base URL of Megakino; empty means Kanal discovers the current domain.");
    public static final Setting<Double> HTTP_RATE_LIMIT = of("KANAL_HTTP_RATE_LIMIT", "http.rate_limit",
            decimal(0.1, 1000), "2", "Requests per second per upstream host.");
    public static final Setting<Duration> HTTP_TIMEOUT = of("KANAL_HTTP_TIMEOUT", "http.timeout", duration(), "30s",
            "Read timeout of one upstream request.");
    public static final Setting<Integer> HTTP_RETRIES = of("KANAL_HTTP_RETRIES", "http.retries", integer(0, 10), "3",
            "Retries of a transient upstream failure (network, 429, 5xx), with exponential backoff.");
    public static final Setting<UpstreamAllowance> ALLOW_PRIVATE_UPSTREAMS = of("KANAL_ALLOW_PRIVATE_UPSTREAMS",
            "http.allow_private_upstreams", new ValueType<>("allowance",
                    "true, false, or a comma-separated list of addresses and CIDR blocks",
                    UpstreamAllowance::parse), "false",
            "Which loopback and private addresses scrapers, downloader and proxy may reach: true (all), false "
                    + "(none) or a list such as 127.0.0.1/32,192.168.1.20 (one LAN mirror, nothing else).");
    public static final Setting<String> USER_AGENT = of("KANAL_USER_AGENT", "http.user_agent", text(), "",
            "User-Agent sent upstream; empty means a current desktop Chrome.");

    // --- outbound routes (issue 14): proxies per site and for hosters, FlareSolverr
    public static final Setting<String> PROXY = of("KANAL_PROXY", "http.proxy", proxy(false), "",
            "Proxy for every site and hoster request: http://[user:password@]host:port or socks5://host:port "
                    + "(e.g. a VPN container); empty means direct. Media downloads and streams are not sent through it.");
    public static final Setting<String> PROXY_ANIWORLD = of("KANAL_PROXY_ANIWORLD", "http.proxy_aniworld", proxy(true),
            "", "Proxy for AniWorld only; empty uses KANAL_PROXY, 'direct' goes without one.");
    public static final Setting<String> PROXY_STO = of("KANAL_PROXY_STO", "http.proxy_sto", proxy(true), "",
            "Proxy for s.to only; empty uses KANAL_PROXY, 'direct' goes without one.");
    public static final Setting<String> PROXY_MEGAKINO = of("KANAL_PROXY_MEGAKINO", "http.proxy_megakino",
            proxy(true), "", "Proxy for Megakino only; empty uses KANAL_PROXY, 'direct' goes without one.");
    public static final Setting<String> PROXY_HOSTERS = of("KANAL_PROXY_HOSTERS", "http.proxy_hosters", proxy(true),
            "", "Proxy for hoster embed pages and APIs (VOE, Filemoon, …); empty uses KANAL_PROXY, 'direct' goes without one.");
    public static final Setting<String> FLARESOLVERR_URL = of("KANAL_FLARESOLVERR_URL", "http.flaresolverr_url",
            new ValueType<>("url", "empty, or FlareSolverr's address such as http://flaresolverr:8191",
                    s -> s.isEmpty() ? "" : httpUrl().parse(s).toString()),
            "", "FlareSolverr; when set, a Cloudflare or DDoS-Guard challenge page is solved there and its cookies and "
                    + "User-Agent are reused for that host until they stop working. Empty turns it off.");
    public static final Setting<Duration> FLARESOLVERR_TIMEOUT = of("KANAL_FLARESOLVERR_TIMEOUT",
            "http.flaresolverr_timeout", duration(), "60s", "How long FlareSolverr may work on one challenge (maxTimeout).");

    // --- catalog
    public static final Setting<URI> SKYHOOK_URL = of("KANAL_SKYHOOK_URL", "catalog.skyhook_url", httpUrl(),
            "https://skyhook.sonarr.tv", "Sonarr's metadata proxy, used to map titles onto TVDB numbering.");
    public static final Setting<Duration> CATALOG_REFRESH = of("KANAL_CATALOG_REFRESH", "catalog.refresh_interval",
            duration(), "6h", "How often the catalog looks for new titles and episodes.");
    public static final Setting<Duration> CATALOG_FULL_REFRESH = of("KANAL_CATALOG_FULL_REFRESH",
            "catalog.full_refresh_interval", duration(), "7d", "How often every title's details are re-read.");
    public static final Setting<Duration> CATALOG_NEW_EPISODES = of("KANAL_CATALOG_NEW_EPISODES_INTERVAL",
            "catalog.new_episodes_interval", duration(), "15m",
            "How often each site's new-episodes page is read between refreshes; titles it names with an episode or "
                    + "language the catalog lacks are re-read at once. 0s turns the check off.");
    public static final Setting<Integer> CATALOG_CONCURRENCY = of("KANAL_CATALOG_CONCURRENCY",
            "catalog.concurrency", integer(1, 16), "2", "Detail pages fetched at once per site.");
    public static final Setting<Duration> PRIORITY_BUDGET = of("KANAL_PRIORITY_BUDGET", "catalog.priority_budget",
            duration(), "5s", "How long a search may wait for a title's missing details before answering.");

    // --- torznab
    public static final Setting<String> STRM_MODE = of("KANAL_STRM_MODE", "torznab.strm_mode",
            oneOf("off", "both", "only"), "off",
            "Offer [STRM] releases: off, both (beside each download release) or only.");
    public static final Setting<String> RELEASE_GROUP = of("KANAL_RELEASE_GROUP", "torznab.release_group", text(),
            "KANAL", "Release group at the end of every release title.");

    // --- downloads
    public static final Setting<Integer> DOWNLOAD_CONCURRENCY = of("KANAL_DOWNLOAD_CONCURRENCY",
            "downloads.concurrency", integer(1, 32), "3", "Downloads that run at once.");
    public static final Setting<Integer> HOSTER_CONCURRENCY = of("KANAL_HOSTER_CONCURRENCY",
            "downloads.per_hoster", integer(1, 32), "2", "Downloads that run at once from one hoster.");
    public static final Setting<List<String>> HOSTER_ORDER = of("KANAL_HOSTER_ORDER", "downloads.hoster_order",
            ValueType.namesOf("hoster", HosterNames::all), "VOE,Filemoon,Vidoza,Vidmoly,Doodstream,Streamtape,LoadX,Luluvdo,GXPlayer",
            "Hosters in the order they are tried (the one that last worked for a title goes first).");
    public static final Setting<Integer> DOWNLOAD_RETRIES = of("KANAL_DOWNLOAD_RETRIES", "downloads.retries",
            integer(0, 20), "3", "Retries of a transient hoster failure before the next hoster is tried.");
    public static final Setting<Duration> DOWNLOAD_RETRY_DELAY = of("KANAL_DOWNLOAD_RETRY_DELAY",
            "downloads.retry_delay", duration(), "10s", "First retry delay; doubles on each retry.");
    public static final Setting<String> DOWNLOAD_RATE_LIMIT = of("KANAL_DOWNLOAD_RATE_LIMIT",
            "downloads.rate_limit", new ValueType<>("rate", "empty or a rate such as 500K or 4M",
                    s -> {
                        if (!s.isEmpty() && !s.matches("(?i)\\d+(\\.\\d+)?[KMG]?")) {
                            throw new IllegalArgumentException("bad rate");
                        }
                        return s;
                    }),
            "", "Bandwidth limit per download (yt-dlp --limit-rate); empty means unlimited.");
    public static final Setting<Duration> DOWNLOAD_STALL_TIMEOUT = of("KANAL_DOWNLOAD_STALL_TIMEOUT",
            "downloads.stall_timeout", duration(), "2m",
            "A download that makes no progress for this long is stopped and counts as a failed attempt of its hoster; 0s turns the check off.");
    public static final Setting<String> YTDLP = of("KANAL_YTDLP", "downloads.ytdlp", text(), "yt-dlp",
            "The yt-dlp executable.");
    public static final Setting<String> FFPROBE = of("KANAL_FFPROBE", "downloads.ffprobe", text(), "ffprobe",
            "The ffprobe executable, used to check finished files.");

    // --- strm
    public static final Setting<List<String>> STRM_CATEGORIES = of("KANAL_STRM_CATEGORIES", "strm.categories",
            words(), "", "qBittorrent categories whose grabs always become .strm files.");
    public static final Setting<Duration> STRM_SCAN_INTERVAL = of("KANAL_STRM_SCAN_INTERVAL", "strm.scan_interval",
            duration(), "12h", "How often the .strm files Kanal wrote are checked to still play.");

    // --- files
    public static final Setting<Integer> UMASK = of("KANAL_UMASK", "storage.umask", umask(), "022",
            "Permission bits taken away from downloads, .strm files (0666) and the folders Kanal creates (0777), as linuxserver images read UMASK: 022 gives 0644 and 0755.");

    // --- Sonarr/Radarr connections (optional): a finally failed grab is removed from the arr's queue,
    // blocklisted and searched again
    public static final Setting<URI> ARR_SONARR_URL = of("KANAL_ARR_SONARR_URL", "arr.sonarr_url", optionalHttpUrl(),
            "", "Sonarr's URL (e.g. http://sonarr:8989). With its API key, a grab that finally fails is removed from Sonarr's queue with blocklisting, so Sonarr searches another release at once.");
    public static final Setting<String> ARR_SONARR_API_KEY = new Setting<>("KANAL_ARR_SONARR_API_KEY",
            "arr.sonarr_api_key", text(), "", "Sonarr's API key (Settings → General).", true);
    public static final Setting<URI> ARR_RADARR_URL = of("KANAL_ARR_RADARR_URL", "arr.radarr_url", optionalHttpUrl(),
            "", "Radarr's URL (e.g. http://radarr:7878); as KANAL_ARR_SONARR_URL, for films.");
    public static final Setting<String> ARR_RADARR_API_KEY = new Setting<>("KANAL_ARR_RADARR_API_KEY",
            "arr.radarr_api_key", text(), "", "Radarr's API key (Settings → General).", true);
    public static final Setting<String> ARR_MORE = new Setting<>("KANAL_ARR_MORE", "arr.more", text(), "",
            "More Sonarr/Radarr instances, comma-separated, each <url>|<api key> (e.g. http://sonarr-4k:8989|0123abcd).",
            true);

    // --- demo (only read by `kanal demo`)
    public static final Setting<Integer> DEMO_PORT = of("KANAL_DEMO_PORT", "demo.port", integer(0, 65535), "0",
            "Port of the offline demo site that `kanal demo` starts on 127.0.0.1 (0 picks a free one).");
    public static final Setting<Integer> DEMO_THROTTLE = of("KANAL_DEMO_THROTTLE", "demo.throttle",
            integer(0, Integer.MAX_VALUE), "0",
            "Bytes per second the demo's hosters send media at (0 = unlimited); keeps a demo download in flight.");

    /** Empty, a proxy URL, or (for overrides) {@code direct}. */
    private static ValueType<String> proxy(boolean allowDirect) {
        return new ValueType<>("proxy", allowDirect
                ? "empty, 'direct', or a proxy URL (http://host:port, socks5://host:port)"
                : "empty or a proxy URL (http://host:port, socks5://host:port)",
                s -> {
                    if (s.isEmpty()) return "";
                    if (allowDirect && s.equalsIgnoreCase("direct")) return "direct";
                    dev.kanal.providers.http.ProxySpec.parse(s);
                    return s;
                });
    }

    /** Every setting, in the order the reference lists them. */
    public static final List<Setting<?>> ALL = List.of(
            HOST, PORT, PUBLIC_URL, SHUTDOWN_GRACE, LOG_FORMAT, LOG_LEVEL,
            DATA_DIR, DOWNLOAD_DIR,
            API_KEY, SIGNING_KEY,
            TRUSTED_PROXIES,
            QBIT_USERNAME, QBIT_PASSWORD, QBIT_AUTH_BYPASS, QBIT_SESSION_TIMEOUT, QBIT_PUBLIC_SAVE_PATH,
            SITES, SITE_ORDER, ANIWORLD_URL, STO_URL, MEGAKINO_URL,
            HTTP_RATE_LIMIT, HTTP_TIMEOUT, HTTP_RETRIES, ALLOW_PRIVATE_UPSTREAMS, USER_AGENT,
            PROXY, PROXY_ANIWORLD, PROXY_STO, PROXY_MEGAKINO, PROXY_HOSTERS, FLARESOLVERR_URL, FLARESOLVERR_TIMEOUT,
            SKYHOOK_URL, CATALOG_REFRESH, CATALOG_FULL_REFRESH, CATALOG_NEW_EPISODES, CATALOG_CONCURRENCY,
            PRIORITY_BUDGET,
            STRM_MODE, RELEASE_GROUP,
            DOWNLOAD_CONCURRENCY, HOSTER_CONCURRENCY, HOSTER_ORDER, DOWNLOAD_RETRIES, DOWNLOAD_RETRY_DELAY,
            DOWNLOAD_RATE_LIMIT, DOWNLOAD_STALL_TIMEOUT, YTDLP, FFPROBE,
            STRM_CATEGORIES, STRM_SCAN_INTERVAL,
            UMASK,
            ARR_SONARR_URL, ARR_SONARR_API_KEY, ARR_RADARR_URL, ARR_RADARR_API_KEY, ARR_MORE,
            DEMO_PORT, DEMO_THROTTLE);
}
