package dev.kanal.qbittorrent;

import dev.kanal.KanalException;
import dev.kanal.download.DownloadPaths;
import dev.kanal.web.Access;
import dev.kanal.web.ApiGroup;
import dev.kanal.web.Connections;
import dev.kanal.web.ErrorRenderer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The qBittorrent WebAPI v2 surface Sonarr, Radarr and third-party tools talk to, presenting as
 * qBittorrent 5.1.4 / WebAPI 2.11.4: login and sessions, {@code app/*}, {@code transfer/info} and
 * {@code sync/maindata}. The {@code torrents/*} endpoints are in {@link QbTorrentsApi}. Without a
 * session every path under {@code /api/v2/} but {@code auth/login} answers 403 {@code Forbidden}.
 * Sonarr's API-key mode ({@code Authorization: Bearer <key>}, no login; Sonarr sends it to any
 * server version) is accepted with Kanal's API key in place of a session.
 */
public final class QbApi implements ApiGroup {
    static final String VERSION = "v5.1.4";
    static final String WEBAPI_VERSION = "2.11.4";
    private static final String TEXT = "text/plain; charset=UTF-8";

    private final QbSessions sessions;
    private final QbTorrentList list;
    private final QbLabels labels;
    private final DownloadPaths paths;
    private final byte[] apiKey;
    private final Access access;
    private final MainData mainData;
    private final QbPreferences preferences;

    public QbApi(QbSessions sessions, QbTorrentList list, QbLabels labels, DownloadPaths paths,
            QbPreferences preferences, MainData mainData, String apiKey, Access access) {
        this.preferences = preferences;
        this.mainData = mainData;
        this.access = access;
        this.apiKey = ("Bearer " + apiKey).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.sessions = sessions;
        this.list = list;
        this.labels = labels;
        this.paths = paths;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(QbErrors.PREFIX + "/*", this::authenticate);
        routes.post("/api/v2/auth/login", this::login);
        routes.post("/api/v2/auth/logout", this::logout);
        read(routes, "/api/v2/app/version", ctx -> text(ctx, VERSION));
        read(routes, "/api/v2/app/webapiVersion", ctx -> text(ctx, WEBAPI_VERSION));
        read(routes, "/api/v2/app/buildInfo", this::buildInfo);
        read(routes, "/api/v2/app/defaultSavePath", ctx -> text(ctx, paths.toPublic(paths.root())));
        read(routes, "/api/v2/app/preferences", ctx -> ctx.json(preferences.values()));
        routes.post("/api/v2/app/setPreferences", ctx -> QbParams.of(ctx).required("json"));
        read(routes, "/api/v2/transfer/info", ctx -> ctx.json(transferInfo()));
        read(routes, "/api/v2/sync/maindata", this::mainData);
    }

    @Override
    public Optional<ErrorRenderer> errorRenderer() {
        return Optional.of(new QbErrors());
    }

    /** qBittorrent serves its read endpoints on GET and POST alike. */
    static void read(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.post(path, handler);
    }

    private void authenticate(Context ctx) {
        if (ctx.path().equals("/api/v2/auth/login")) return;
        // behind a trusted proxy the bypass applies to the client it names, not to the proxy itself
        if (sessions.bypassed(access.clients().of(ctx))) return;
        if (bearer(ctx)) {
            access.connections().qbittorrentLogin(access.clients().of(ctx), ctx.header("User-Agent"));
            return;
        }
        if (ctx.header("Authorization") != null && ctx.header("Authorization").regionMatches(true, 0, "Bearer ", 0, 7)) {
            access.connections().failed(Connections.Surface.QBITTORRENT_API_KEY, Connections.Reason.WRONG_API_KEY,
                    access.clients().of(ctx), ctx.header("User-Agent"));
        }
        if (!sessions.valid(ctx.cookie("SID"))) throw new KanalException.Forbidden("Forbidden");
    }

    /** Sonarr's API-key mode; a wrong key is 403 like a missing session (never 401, which would not be retried anyway). */
    private boolean bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && java.security.MessageDigest.isEqual(
                        ("Bearer " + header.substring(7).strip()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        apiKey);
    }

    /**
     * As qBittorrent's {@code AuthController::loginAction}: a request that already has a session gets
     * {@code Ok.} and keeps it (no new SID without credentials); a bypassed address gets a session;
     * everyone else is checked — unless the client failed so often that {@link dev.kanal.web.LoginThrottle}
     * makes it wait a few seconds (403 with qBittorrent's ban message and {@code Retry-After}).
     */
    private void login(Context ctx) {
        if (sessions.valid(ctx.cookie("SID"))) {
            text(ctx, "Ok.");
            return;
        }
        String client = access.clients().of(ctx);
        String agent = ctx.header("User-Agent");
        if (sessions.bypassed(client)) {
            setCookie(ctx, sessions.open());
            access.connections().qbittorrentLogin(client, agent);
            text(ctx, "Ok.");
            return;
        }
        var wait = access.throttle().waitFor(client);
        if (wait.isPresent()) {
            access.connections().failed(Connections.Surface.QBITTORRENT_LOGIN, Connections.Reason.THROTTLED, client,
                    agent);
            ctx.header("Retry-After", Long.toString(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
            throw new KanalException.Forbidden(
                    "Your IP address has been banned after too many failed authentication attempts.");
        }
        QbParams p = QbParams.of(ctx);
        if (sessions.matches(p.optional("username").orElse(""), p.optional("password").orElse(""))) {
            access.throttle().succeeded(client);
            access.connections().qbittorrentLogin(client, agent);
            setCookie(ctx, sessions.open());
            text(ctx, "Ok.");
        } else {
            access.throttle().failed(client);
            access.connections().failed(Connections.Surface.QBITTORRENT_LOGIN, Connections.Reason.WRONG_PASSWORD,
                    client, agent);
            text(ctx, "Fails.");
        }
    }

    private void logout(Context ctx) {
        sessions.logout(ctx.cookie("SID"));
        ctx.header("Set-Cookie", "SID=; HttpOnly; path=/; SameSite=Strict; Max-Age=0");
    }

    private static void setCookie(Context ctx, String sid) {
        ctx.header("Set-Cookie", "SID=" + sid + "; HttpOnly; path=/; SameSite=Strict");
    }

    private void buildInfo(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("qt", "6.7.3");
        m.put("libtorrent", "2.0.11.0");
        m.put("boost", "1.86.0");
        m.put("openssl", "3.4.0");
        m.put("zlib", "1.3.1");
        m.put("bitness", 64);
        m.put("platform", "linux");
        ctx.json(m);
    }

    private void mainData(Context ctx) {
        int rid;
        try {
            rid = Integer.parseInt(QbParams.of(ctx).optional("rid").orElse("0").strip());
        } catch (NumberFormatException e) {
            rid = 0;
        }
        var infos = list.info(InfoQuery.all());
        Map<String, Map<String, Object>> cats = new LinkedHashMap<>();
        labels.categories().forEach(cats::put);
        var snapshot = new MainData.Snapshot(MainData.keyed(infos), cats, MainData.copy(labels.tags()),
                serverState(infos));
        ctx.json(mainData.answer(rid, snapshot));
    }

    private Map<String, Object> transferInfo() {
        var infos = list.info(InfoQuery.all());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dl_info_speed", sum(infos, "dlspeed"));
        m.put("dl_info_data", sum(infos, "downloaded"));
        m.put("up_info_speed", 0);
        m.put("up_info_data", 0);
        m.put("dl_rate_limit", 0);
        m.put("up_rate_limit", 0);
        m.put("last_external_address_v4", "");
        m.put("last_external_address_v6", "");
        m.put("dht_nodes", 0);
        m.put("connection_status", "connected");
        return m;
    }

    private Map<String, Object> serverState(List<Map<String, Object>> infos) {
        Map<String, Object> m = new LinkedHashMap<>(transferInfo());
        m.put("alltime_dl", sum(infos, "downloaded"));
        m.put("alltime_ul", 0);
        m.put("total_wasted_session", 0);
        m.put("global_ratio", "0.00");
        m.put("total_peer_connections", 0);
        m.put("read_cache_hits", "0");
        m.put("total_buffers_size", 0);
        m.put("write_cache_overload", "0");
        m.put("read_cache_overload", "0");
        m.put("queued_io_jobs", 0);
        m.put("average_time_queue", 0);
        m.put("total_queued_size", 0);
        m.put("free_space_on_disk", paths.root().toFile().getUsableSpace());
        m.put("queueing", true);
        m.put("use_alt_speed_limits", false);
        m.put("refresh_interval", 1500);
        m.put("use_subcategories", true);
        return m;
    }

    private static long sum(List<Map<String, Object>> infos, String key) {
        return infos.stream().mapToLong(i -> ((Number) i.get(key)).longValue()).sum();
    }

    private static void text(Context ctx, String body) {
        ctx.contentType(TEXT).result(body);
    }
}
