package dev.kanal.providers.http;

import dev.kanal.providers.ChallengeKind;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.ProviderSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import okhttp3.ConnectionPool;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Fetcher} used in production: one OkHttp client (connection pool and cookie jar) per
 * site, browser headers, the private-address guard, a per-host token bucket, retries with
 * exponential backoff and jitter for transient failures (honouring {@code Retry-After}), a per-host
 * circuit breaker, and challenge detection before any body reaches a parser.
 *
 * <p>Over the usual size because the retry loop and its three response modes (page, redirect
 * target, stream) share one failure mapping that reads best in one place.
 */
public final class OkHttpFetcher implements Fetcher {
    private static final Logger log = LoggerFactory.getLogger(OkHttpFetcher.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Challenge pages say so early; a streamed body is sniffed without being consumed. */
    private static final long SNIFF_BYTES = 64 * 1024;

    private final OkHttpClient client;
    private final OkHttpClient noRedirects;
    private final ProviderSettings settings;
    private final HostHealthRegistry hosts;
    private final Map<String, String> defaultHeaders;
    private final RandomGenerator jitter;
    private final ChallengeDetector challenges = new ChallengeDetector();
    private final OutboundRoute route;
    private final SiteCookieJar jar = new SiteCookieJar();
    /** Per host: the User-Agent a solver's clearance cookies are bound to, used until they stop working. */
    private final Map<String, String> clearedAgents = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per host: the lock that keeps concurrent requests from asking the solver at the same time. */
    private final Map<String, Object> solving = new java.util.concurrent.ConcurrentHashMap<>();

    /** A stand-alone fetcher with its own host registry and the real clock. */
    public OkHttpFetcher(ProviderSettings settings) {
        this(settings, new HostHealthRegistry(HttpPolicy.from(settings), HttpClock.system()), Map.of());
    }

    /**
     * A fetcher sharing {@code hosts} (rate limits, breakers, health) with its siblings.
     *
     * @param defaultHeaders sent on every request unless a call overrides them (e.g. a site's Referer)
     */
    public OkHttpFetcher(ProviderSettings settings, HostHealthRegistry hosts, Map<String, String> defaultHeaders) {
        this(settings, hosts, defaultHeaders, OutboundRoute.DIRECT);
    }

    /**
     * As above, leaving through {@code route}: a proxy (HTTP or SOCKS5) and/or a challenge solver.
     * Through a proxy the target's host name is resolved by the proxy (a VPN container's DNS), so
     * the private-address guard can only refuse IP literals and {@code localhost}; the proxy
     * itself is the user's configuration and may be on a private address.
     */
    public OkHttpFetcher(ProviderSettings settings, HostHealthRegistry hosts, Map<String, String> defaultHeaders,
            OutboundRoute route) {
        this.settings = settings;
        this.hosts = hosts;
        this.defaultHeaders = Map.copyOf(defaultHeaders);
        this.route = route == null ? OutboundRoute.DIRECT : route;
        this.jitter = RandomGenerator.getDefault();
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        ProxySpec proxy = this.route.proxy();
        if (proxy == null) {
            builder.dns(new PrivateAddressGuard(settings.privateUpstreams()))
                    .socketFactory(new GuardedSocketFactory(settings.privateUpstreams()));
        } else {
            PrivateAddressGuard guard = new PrivateAddressGuard(settings.privateUpstreams());
            builder.proxy(proxy.toProxy())
                    .dns(host -> host.equalsIgnoreCase(proxy.host()) ? okhttp3.Dns.SYSTEM.lookup(host) : guard.lookup(host))
                    .addInterceptor(chain -> {
                        refuseLiteralPrivate(chain.request().url(), settings.privateUpstreams());
                        return chain.proceed(chain.request());
                    });
            if (proxy.user() != null) {
                String credentials = okhttp3.Credentials.basic(proxy.user(), proxy.password());
                builder.proxyAuthenticator((r, response) -> response.request().header("Proxy-Authorization") != null
                        ? null : response.request().newBuilder().header("Proxy-Authorization", credentials).build());
            }
        }
        this.client = builder
                .connectionPool(new ConnectionPool(8, 5, java.util.concurrent.TimeUnit.MINUTES))
                .cookieJar(jar)
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.readTimeout().plus(settings.connectTimeout()))
                .retryOnConnectionFailure(false) // our own loop retries, with backoff
                .followRedirects(true)
                .followSslRedirects(true)
                .build();
        this.noRedirects = client.newBuilder().followRedirects(false).followSslRedirects(false).build();
    }

    /** Through a proxy (which resolves names itself): numeric targets and {@code localhost} on private addresses are still refused. */
    private static void refuseLiteralPrivate(HttpUrl url, UpstreamAllowance allowance) throws IOException {
        if (allowance.allowsAllPrivate()) return;
        String host = url.host();
        if (host.equalsIgnoreCase("localhost") || host.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            java.net.InetAddress loopback = java.net.InetAddress.getLoopbackAddress();
            if (!allowance.allows(loopback)) throw new GuardedSocketFactory.PrivateUpstreamRefused(loopback, allowance);
            return;
        }
        // the same reading of numeric hosts as the direct guard: 127.1, 2130706433, 0x7f.1, [::ffff:…]
        java.net.InetAddress address = NumericHost.address(host).orElse(null);
        if (address != null && PrivateAddressGuard.isPrivate(address) && !allowance.allows(address)) {
            throw new GuardedSocketFactory.PrivateUpstreamRefused(address, allowance);
        }
    }

    /** How this fetcher leaves the machine (direct or via a proxy, with or without a solver). */
    public OutboundRoute route() {
        return route;
    }

    /** The underlying client, for callers that stream media through the same guard and pool. */
    public OkHttpClient client() {
        return client;
    }

    /** The per-host registry this fetcher reports into. */
    public HostHealthRegistry hosts() {
        return hosts;
    }

    @Override
    public Page get(URI url, Map<String, String> headers) {
        return call(client, request(url, headers).get().build(), this::toPage);
    }

    @Override
    public Page head(URI url, Map<String, String> headers) {
        return call(client, request(url, headers).head().build(), this::toPage);
    }

    @Override
    public Page postForm(URI url, Map<String, String> form, Map<String, String> headers) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        return call(client, request(url, headers).post(body.build()).build(), this::toPage);
    }

    @Override
    public Page postJson(URI url, String json, Map<String, String> headers) {
        return call(client, request(url, headers).post(RequestBody.create(json, JSON)).build(), this::toPage);
    }

    @Override
    public Optional<URI> redirectTarget(URI url, Map<String, String> headers) {
        return call(noRedirects, request(url, headers).get().build(), (r, u) -> {
            String location = r.header("Location");
            if (location == null || location.isBlank()) return Optional.empty();
            HttpUrl resolved = r.request().url().resolve(location.trim());
            return Optional.ofNullable(resolved).map(HttpUrl::uri);
        });
    }

    @Override
    public <T> T stream(URI url, Map<String, String> headers, BodyReader<T> reader) {
        return call(client, request(url, headers).get().build(), (r, u) -> {
            try {
                return reader.read(r.request().url().uri(), r.body().byteStream());
            } catch (IOException e) {
                // the reader already saw part of the body: not safe to retry from here
                throw new ProviderException(new ProviderFailure.Unreachable(u, "body cut off: " + e.getMessage()), e);
            }
        });
    }

    /** Turns a 2xx (or, without redirect following, a 3xx) response into the caller's result. */
    @FunctionalInterface
    private interface Handler<T> {
        T handle(Response response, URI url) throws IOException;
    }

    private Request.Builder request(URI url, Map<String, String> headers) {
        HttpUrl httpUrl = HttpUrl.parse(url.toString());
        if (httpUrl == null) {
            throw new ProviderException(new ProviderFailure.Unreachable(url, "not an http(s) URL"));
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("User-Agent", settings.userAgent());
        all.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        all.put("Accept-Language", "de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7");
        all.put("Upgrade-Insecure-Requests", "1");
        all.put("Sec-Fetch-Dest", "document");
        all.put("Sec-Fetch-Mode", "navigate");
        all.put("Sec-Fetch-Site", "none");
        all.putAll(defaultHeaders);
        all.putAll(headers);
        String cleared = clearedAgents.get(hostKey(httpUrl));
        if (cleared != null) all.put("User-Agent", cleared); // the solver's cookies only count with its agent
        Request.Builder b = new Request.Builder().url(httpUrl);
        all.forEach(b::header);
        return b;
    }

    /**
     * One request with the whole policy around it. Long on purpose: breaker, bucket, challenge,
     * status mapping, health bookkeeping and backoff are one sequence and read best top to bottom.
     */
    private <T> T call(OkHttpClient c, Request request, Handler<T> handler) {
        Request req = request;
        boolean solved = false;
        URI url = req.url().uri();
        HostLane lane = hosts.lane(hostKey(req.url()));
        HttpPolicy policy = hosts.policy();
        HttpClock clock = hosts.clock();
        for (int attempt = 0; ; attempt++) {
            if (!lane.breaker.tryAcquire()) {
                String last = lane.lastError();
                throw new ProviderException(new ProviderFailure.Unreachable(url, (last == null ? "" : last + "; ")
                        + "circuit open for " + req.url().host() + ", next try in "
                        + lane.breaker.remainingCoolDown().toSeconds() + "s"));
            }
            lane.bucket.acquire();
            long start = clock.nanoTime();
            String reason;
            Duration retryAfter = null;
            try (Response r = c.newCall(req).execute()) {
                Duration latency = Duration.ofNanos(clock.nanoTime() - start);
                int code = r.code();
                boolean redirect = r.isRedirect() && c == noRedirects;
                if (!redirect) {
                    String sniff = r.peekBody(SNIFF_BYTES).string();
                    Optional<ChallengeKind> challenge = challenges.detect(code, r.header("Server"), sniff);
                    if (challenge.isPresent() && !solved && solvable(challenge.get())) {
                        solved = true;
                        Optional<Request> cleared = clear(req);
                        if (cleared.isPresent()) {
                            lane.blocked(latency, challenge.get().label());
                            req = cleared.get();
                            continue;
                        }
                    }
                    if (challenge.isPresent()) {
                        lane.blocked(latency, challenge.get().label());
                        log.warn("http blocked host={} path={} kind={}", req.url().host(), req.url().encodedPath(),
                                challenge.get());
                        throw new ProviderException(new ProviderFailure.Blocked(url, challenge.get()));
                    }
                }
                if (code == 429 || code >= 500) {
                    lane.failure(latency, "HTTP " + code);
                    reason = "HTTP " + code;
                    retryAfter = RetryAfter.parse(r.header("Retry-After"), clock.now()).orElse(null);
                } else {
                    lane.success(latency);
                    log.debug("http ok host={} path={} status={} took_ms={}", req.url().host(),
                            req.url().encodedPath(), code, latency.toMillis());
                    if (code == 404 || code == 410) throw new ProviderException(new ProviderFailure.NotFound(url));
                    if (!redirect && (code < 200 || code >= 300)) {
                        throw new ProviderException(new ProviderFailure.Unreachable(url, "HTTP " + code));
                    }
                    return handler.handle(r, url);
                }
            } catch (PrivateAddressGuard.PrivateAddressRefused | GuardedSocketFactory.PrivateUpstreamRefused e) {
                throw new ProviderException(new ProviderFailure.Unreachable(url, e.getMessage()), e);
            } catch (IOException e) {
                Duration latency = Duration.ofNanos(clock.nanoTime() - start);
                reason = Unreachability.reason(e, req.url().host());
                lane.failure(latency, reason);
            }
            Duration wait = backoff(policy, attempt, retryAfter);
            // the retry count is this fetcher's own (domain probes use none); waits follow the host policy
            if (attempt >= settings.maxRetries() || wait.compareTo(policy.maxBackoff()) > 0) {
                log.debug("http giving up host={} path={} attempts={} reason={}", req.url().host(),
                        req.url().encodedPath(), attempt + 1, reason);
                throw new ProviderException(new ProviderFailure.Unreachable(url, reason));
            }
            log.info("http retry host={} path={} attempt={} reason=\"{}\" wait_ms={}", req.url().host(),
                    req.url().encodedPath(), attempt + 1, reason, wait.toMillis());
            clock.sleep(wait);
        }
    }

    /** Challenges a browser-based solver passes on its own (captchas need a person). */
    private boolean solvable(ChallengeKind kind) {
        return route.solver() != null && (kind == ChallengeKind.CLOUDFLARE || kind == ChallengeKind.TURNSTILE
                || kind == ChallengeKind.DDOS_GUARD);
    }

    /**
     * Asks the solver for the page's clearance, keeps its cookies in this site's jar and its agent
     * for the host, and returns the request to send again with that agent. Empty when unsolved.
     */
    private Optional<Request> clear(Request req) {
        String key = hostKey(req.url());
        Object lock = solving.computeIfAbsent(key, k -> new Object());
        String agentBefore = req.header("User-Agent");
        synchronized (lock) { // one solve per host at a time; a request that waited reuses the fresh clearance
            String fresh = clearedAgents.get(key);
            if (fresh != null && !fresh.equals(agentBefore)) {
                return Optional.of(req.newBuilder().header("User-Agent", fresh).build());
            }
            return solveNow(req, key);
        }
    }

    private Optional<Request> solveNow(Request req, String key) {
        clearedAgents.remove(key);
        Optional<ChallengeSolver.Clearance> clearance = route.solver().solve(req.url().uri());
        if (clearance.isEmpty()) return Optional.empty();
        List<okhttp3.Cookie> cookies = new java.util.ArrayList<>();
        String host = req.url().host();
        for (ChallengeSolver.SolvedCookie sc : clearance.get().cookies()) {
            String domain = sc.domain() == null ? "" : sc.domain().replaceFirst("^\\.", "").toLowerCase(Locale.ROOT);
            okhttp3.Cookie.Builder b = new okhttp3.Cookie.Builder().name(sc.name()).value(sc.value())
                    .path(sc.path() == null || sc.path().isBlank() ? "/" : sc.path());
            if (!domain.isEmpty() && !domain.equals(host) && host.endsWith("." + domain)) b.domain(domain);
            else b.hostOnlyDomain(host);
            cookies.add(b.build());
        }
        jar.saveFromResponse(req.url(), cookies);
        Request.Builder again = req.newBuilder();
        String ua = clearance.get().userAgent();
        if (ua != null) {
            clearedAgents.put(key, ua);
            again.header("User-Agent", ua);
        }
        log.info("http challenge solved host={} solver={} cookies={}", host, route.solver().name(), cookies.size());
        return Optional.of(again.build());
    }

    private Duration backoff(HttpPolicy policy, int attempt, Duration retryAfter) {
        if (retryAfter != null) return retryAfter;
        long base = policy.baseBackoff().toMillis() << Math.min(attempt, 16);
        long withJitter = base + (long) (base * 0.5 * jitter.nextDouble());
        return Duration.ofMillis(Math.min(withJitter, policy.maxBackoff().toMillis()));
    }

    private Page toPage(Response r, URI url) throws IOException {
        String body = r.body().string();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : r.headers().names()) {
            headers.put(name.toLowerCase(Locale.ROOT), r.headers(name));
        }
        return new Page(r.request().url().uri(), r.code(), headers, body);
    }

    /** Limits and health are per host and port, so two local test servers do not share a lane. */
    static String hostKey(HttpUrl url) {
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        return defaultPort ? url.host() : url.host() + ":" + url.port();
    }
}
