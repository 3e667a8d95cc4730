package dev.kanal.ui;

import dev.kanal.web.LoginThrottle;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web page's login: checks the qBittorrent credentials or the API key, hands out a random
 * session id in an HttpOnly, SameSite=Strict cookie, and answers {@link #isValid(Context)} for every
 * route that the page calls. Sessions live in memory (a restart asks people to log in again) and
 * expire after {@link #IDLE_TIMEOUT} without a request. Repeated wrong passwords make that client
 * wait a few seconds between attempts ({@link LoginThrottle}, shared with the qBittorrent login), so
 * the page cannot be used to guess the password, and no stranger can lock the owner out for long.
 */
public final class UiSessions {
    /** Name of the session cookie. */
    public static final String COOKIE = "kanal_session";
    /** A session ends after this much inactivity. */
    static final Duration IDLE_TIMEOUT = Duration.ofHours(12);

    private final byte[] username;
    private final byte[] password;
    private final byte[] apiKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final LoginThrottle throttle;

    /** What a login attempt carried, or what logs in: a user name and password, or an API key. */
    public record Credentials(String username, String password, String apikey) {}

    /**
     * How a login attempt ended; {@code sessionId} is set only for {@code OK}, {@code retryAfter} only
     * for {@code LOCKED} (the attempt was not checked).
     */
    record Outcome(Result result, String sessionId, Duration retryAfter) {
        Outcome(Result result, String sessionId) {
            this(result, sessionId, Duration.ZERO);
        }

        enum Result { OK, WRONG, LOCKED }
    }

    /** @param accepted the qBittorrent user name and password, and the API key */
    public UiSessions(Credentials accepted, Clock clock) {
        this(accepted, clock, new LoginThrottle(clock));
    }

    /** @param throttle shared with the qBittorrent login, which guards the same password */
    public UiSessions(Credentials accepted, Clock clock, LoginThrottle throttle) {
        this.throttle = throttle;
        this.username = bytes(accepted.username());
        this.password = bytes(accepted.password());
        this.apiKey = bytes(accepted.apikey());
        this.clock = clock;
    }

    /** Whether the request carries a live session cookie; touching it keeps the session alive. */
    public boolean isValid(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id == null || id.isEmpty()) return false;
        Instant now = clock.instant();
        Instant last = sessions.get(id);
        if (last == null) return false;
        if (last.plus(IDLE_TIMEOUT).isBefore(now)) {
            sessions.remove(id);
            return false;
        }
        sessions.put(id, now);
        return true;
    }

    /** Whether the request carries the API key ({@code X-Api-Key} header), for scripts using the page's API. */
    boolean hasApiKey(Context ctx) {
        String given = ctx.header("X-Api-Key");
        return given != null && MessageDigest.isEqual(bytes(given), apiKey);
    }

    Outcome login(String address, Credentials c) {
        Instant now = clock.instant();
        var wait = throttle.waitFor(address);
        if (wait.isPresent()) return new Outcome(Outcome.Result.LOCKED, null, wait.get());
        boolean byPassword = c.username() != null && c.password() != null
                && MessageDigest.isEqual(bytes(c.username()), username)
                & MessageDigest.isEqual(bytes(c.password()), password);
        boolean byKey = c.apikey() != null && !c.apikey().isEmpty() && MessageDigest.isEqual(bytes(c.apikey()), apiKey);
        if (!byPassword && !byKey) {
            throttle.failed(address);
            return new Outcome(Outcome.Result.WRONG, null);
        }
        throttle.succeeded(address);
        sessions.values().removeIf(last -> last.plus(IDLE_TIMEOUT).isBefore(now));
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        sessions.put(id, now);
        return new Outcome(Outcome.Result.OK, id);
    }

    /** Sets the session cookie on the response. */
    void attach(Context ctx, String sessionId) {
        ctx.cookie(cookie(sessionId, (int) IDLE_TIMEOUT.toSeconds(), secure(ctx)));
    }

    /** Ends the request's session (if any) and clears the cookie. */
    void logout(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null) sessions.remove(id);
        ctx.cookie(cookie("", 0, secure(ctx)));
    }

    private static Cookie cookie(String value, int maxAge, boolean secure) {
        Cookie c = new Cookie(COOKIE, value);
        c.setPath("/");
        c.setMaxAge(maxAge);
        c.setHttpOnly(true);
        c.setSecure(secure);
        c.setSameSite(SameSite.STRICT);
        return c;
    }

    /** Secure cookies only over HTTPS (directly or behind a TLS-terminating proxy), or the browser drops them. */
    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    }
}
