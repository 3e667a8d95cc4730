package dev.kanal.qbittorrent;

import dev.kanal.config.KanalConfig;
import dev.kanal.web.AddressRange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * qBittorrent's login: random {@code SID} sessions that expire after inactivity, the credential
 * check, and the optional bypass for localhost or listed subnets. Throttling of repeated failures is
 * {@link dev.kanal.web.LoginThrottle}'s (shared with the page's login; seconds, never qBittorrent's
 * one-hour ban, so a stranger cannot lock Sonarr out). Sessions live in memory: after a restart
 * Sonarr gets 403 and logs in again, which it does by itself.
 */
public final class QbSessions {
    private final KanalConfig.Qbittorrent config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final List<AddressRange> bypass = new ArrayList<>();

    public QbSessions(KanalConfig.Qbittorrent config, Clock clock) {
        this.config = config;
        this.clock = clock;
        for (String entry : config.authBypass()) bypass.addAll(AddressRange.parse(entry));
    }

    /** True when {@code username} and {@code password} are the configured ones (constant time). */
    boolean matches(String username, String password) {
        return equal(username, config.username()) & equal(password, config.password());
    }

    /** Starts a session without checking credentials (bypassed addresses, existing sessions). */
    String open() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String sid = Base64.getEncoder().encodeToString(bytes).replace('+', '-').replace('/', '_');
        sessions.put(sid, clock.instant());
        return sid;
    }

    /** True (and refreshed) when {@code sid} is a live session. */
    boolean valid(String sid) {
        if (sid == null) return false;
        Instant now = clock.instant();
        Instant last = sessions.get(sid);
        if (last == null) return false;
        if (Duration.between(last, now).compareTo(config.sessionTimeout()) > 0) {
            sessions.remove(sid);
            return false;
        }
        sessions.put(sid, now);
        if (sessions.size() > 1000) sessions.entrySet().removeIf(e ->
                Duration.between(e.getValue(), now).compareTo(config.sessionTimeout()) > 0);
        return true;
    }

    void logout(String sid) {
        if (sid != null) sessions.remove(sid);
    }

    /** True when {@code address} may skip the login ({@code KANAL_QBIT_AUTH_BYPASS}). */
    boolean bypassed(String address) {
        if (bypass.isEmpty() || address == null) return false;
        byte[] ip = AddressRange.literal(address);
        return ip != null && bypass.stream().anyMatch(s -> s.contains(ip));
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(String.valueOf(a).getBytes(StandardCharsets.UTF_8),
                String.valueOf(b).getBytes(StandardCharsets.UTF_8));
    }
}
