package dev.kanal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.KanalException;
import dev.kanal.Redact;
import dev.kanal.config.KanalConfig;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.server.NetworkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Javalin once, on virtual threads: registers every {@link ApiGroup}'s routes, maps every
 * failure in one place (rendered per surface, never a stack trace or an HTML page), writes the access
 * log, times every route for {@code /metrics}, and stops gracefully.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    private static final Logger access = LoggerFactory.getLogger("dev.kanal.access");
    /** Largest body accepted (forms, multipart adds); larger ones get 413. */
    static final long MAX_REQUEST_BYTES = 8L * 1024 * 1024;
    /** Longest request target (path and query) Kanal serves; longer ones get 414 in the surface's protocol. */
    static final int MAX_URI_BYTES = 32 * 1024;
    /** What Jetty itself accepts for the request line and headers; beyond it Jetty answers 414/431 as problem JSON. */
    static final int TRANSPORT_HEADER_BYTES = 256 * 1024;
    /** Largest form key count; more gets 400. */
    static final int MAX_FORM_KEYS = 2000;

    private final KanalConfig.Server config;
    private final List<ApiGroup> groups;
    private final MeterRegistry meters;
    private final Javalin app;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ObjectMapper json;
    private final Access guards;

    public HttpServer(KanalConfig.Server config, List<ApiGroup> groups, MeterRegistry meters, ObjectMapper json) {
        this(config, groups, meters, json, Access.of(List.of(), java.time.Clock.systemUTC(), meters));
    }

    /** @param access the shared client resolution and failure record (cross-site refusals, API key failures) */
    public HttpServer(KanalConfig.Server config, List<ApiGroup> groups, MeterRegistry meters, ObjectMapper json,
            Access access) {
        this.guards = access;
        this.config = config;
        this.groups = List.copyOf(groups);
        this.meters = meters;
        this.json = json;
        this.app = Javalin.create(cfg -> configure(cfg, json));
    }

    private void configure(JavalinConfig cfg, ObjectMapper json) {
        cfg.concurrency.useVirtualThreads = true;
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.prefer405over404 = true;
        cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
        // multipart bodies (qBittorrent's torrents/add) are parsed by Jetty, not Javalin: same cap
        cfg.jetty.multipartConfig.maxTotalRequestSize(MAX_REQUEST_BYTES, io.javalin.config.SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxFileSize(MAX_REQUEST_BYTES, io.javalin.config.SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
        cfg.jsonMapper(new JavalinJackson(json, true));
        cfg.jetty.host = config.host();
        cfg.jetty.port = config.port();
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            // Jetty's own limit is far above Kanal's (MAX_URI_BYTES): Jetty answers what it refuses before
            // any route is known, so only Kanal's check can answer in the surface's protocol (Torznab XML)
            http.setRequestHeaderSize(TRANSPORT_HEADER_BYTES);
        });
        cfg.jetty.modifyServer(server -> {
            server.setErrorHandler(new ProblemErrorHandler());
            // in-flight requests are awaited by stop(); Jetty's own graceful mode would also wait for
            // idle keep-alive connections (Sonarr keeps some open) and then fail with a timeout
            server.setStopTimeout(0);
        });
        cfg.jetty.modifyServletContextHandler(handler -> {
            handler.setMaxFormKeys(MAX_FORM_KEYS);
            handler.setMaxFormContentSize((int) MAX_REQUEST_BYTES);
            handler.setErrorHandler(new ProblemErrorHandler());
        });
        cfg.requestLogger.http(this::logRequest);
        cfg.routes.before(ctx -> inFlight.incrementAndGet());
        cfg.routes.before(HttpServer::checkUriLength);
        cfg.routes.before(FormLimits::check);
        SameOrigin sameOrigin = new SameOrigin(guards.clients(), config.publicUrl(), guards.connections());
        cfg.routes.before(sameOrigin::check);
        cfg.routes.after(ctx -> inFlight.decrementAndGet());
        cfg.routes.exception(KanalException.class, (e, ctx) -> {
            if (e instanceof KanalException.Unauthorized && isOwnApi(ctx.path())) {
                // Kanal's own /api/* answers 401 only for a missing or wrong API key (web.ApiKey)
                guards.connections().failed(Connections.Surface.API_KEY, Connections.Reason.WRONG_API_KEY,
                        guards.clients().of(ctx), ctx.header("User-Agent"));
            }
            renderError(ctx, e.status(), e.getMessage());
        });
        cfg.routes.exception(HttpResponseException.class, (e, ctx) -> renderError(ctx, e.getStatus(), e.getMessage()));
        cfg.routes.exception(Exception.class, this::unexpected);
        for (ApiGroup g : groups) g.addTo(cfg.routes);
    }

    private void unexpected(Exception e, Context ctx) {
        HttpException http = httpCause(e);
        if (http != null) {
            if (http.getCode() == 400 && exceedsLimit(e)) {
                // Jetty's multipart parser stops a body over the cap with a generic "bad multipart"
                renderError(ctx, 413, "body larger than " + MAX_REQUEST_BYTES + " bytes");
                return;
            }
            String reason = http.getReason() == null ? "bad request" : http.getReason();
            renderError(ctx, http.getCode(), reason);
            return;
        }
        String text = String.valueOf(e.getMessage());
        if (e instanceof IllegalStateException && text.toLowerCase().contains("form")) {
            renderError(ctx, text.toLowerCase().contains("keys") ? 400 : 413, text);
            return;
        }
        log.error("unhandled error method={} path={}", ctx.method(), ctx.path(), e);
        renderError(ctx, 500, "internal error; see Kanal's log");
    }

    private static void checkUriLength(Context ctx) {
        String query = ctx.queryString();
        long length = ctx.path().length() + (query == null ? 0 : query.length() + 1L);
        if (length > MAX_URI_BYTES) {
            throw new HttpResponseException(414, "request URI longer than " + MAX_URI_BYTES + " bytes");
        }
    }

    private static boolean isOwnApi(String path) {
        return path.startsWith("/api/") && !path.startsWith("/api/v2/");
    }

    private static boolean exceedsLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("exceed") || m.contains("too large") || m.contains("max length")) return true;
        }
        return false;
    }

    private static HttpException httpCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) return h;
        }
        return null;
    }

    /** Renders an error in the protocol of the surface that owns the path. */
    void renderError(Context ctx, int status, String message) {
        String safe = message == null || message.isBlank() ? HttpStatusText.of(status) : message;
        Optional<ErrorRenderer> renderer = groups.stream()
                .map(ApiGroup::errorRenderer).flatMap(Optional::stream)
                .filter(r -> r.handles(ctx.path()))
                .findFirst();
        if (renderer.isPresent()) {
            renderer.get().render(ctx, status, safe);
        } else {
            String body;
            try {
                body = json.writeValueAsString(Problem.of(status, safe, ctx.path()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                body = "{\"status\":" + status + "}";
            }
            ctx.status(status).contentType(Problem.CONTENT_TYPE).result(body);
        }
    }

    private void logRequest(Context ctx, Float ms) {
        String route = routeOf(ctx);
        Timer.builder("http.server.requests")
                .description("HTTP requests by route")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(meters)
                .record((long) (ms * 1_000_000L), TimeUnit.NANOSECONDS);
        boolean quiet = route.startsWith("/health") || route.equals("/ready") || route.equals("/metrics")
                || route.startsWith("/ui/api/");
        if (quiet ? !access.isDebugEnabled() : !access.isInfoEnabled()) return; // no line: nothing to format
        String q = Redact.query(ctx.queryString());
        String line = "{} {}{} status={} took_ms={} client={}";
        Object[] args = {ctx.method().name(), ctx.path(), q.isEmpty() ? "" : "?" + q, ctx.statusCode(),
                String.format(java.util.Locale.ROOT, "%.1f", ms), guards.clients().of(ctx)};
        if (quiet) access.debug(line, args);
        else access.info(line, args);
    }

    private static String routeOf(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /** Starts listening; returns the bound port (useful with port 0 in tests). */
    public int start() {
        app.start();
        return app.port();
    }

    public int port() {
        return app.port();
    }

    /**
     * Stops accepting connections, waits up to {@code grace} for in-flight requests, then stops.
     */
    public void stop(Duration grace) {
        var server = app.jettyServer().server();
        for (var connector : server.getConnectors()) {
            if (connector instanceof NetworkConnector nc) nc.close();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) log.warn("stopping with requests still running count={}", inFlight.get());
        app.stop();
    }

    @Override
    public void close() {
        stop(config.shutdownGrace());
    }
}
