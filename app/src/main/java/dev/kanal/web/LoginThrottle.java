package dev.kanal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down whoever keeps failing to log in, without ever locking anyone out for long: the first
 * {@value #FREE_FAILURES} failures of a client cost nothing, each further one makes it wait before
 * its next attempt is even checked — 1 s, 2 s, 4 s … at most {@link #MAX_DELAY}. Attempts made while
 * waiting are refused unchecked and do not lengthen the wait. A success or {@link #FORGET_AFTER}
 * without failures clears the client. Shared by the qBittorrent login and the page's login, which
 * guard the same password.
 *
 * <p>The client is what {@link ClientAddress} says: behind a proxy that is not in
 * {@code KANAL_TRUSTED_PROXIES} every visitor shares the proxy's address, so a stranger's burst of
 * wrong passwords delays the owner's (and Sonarr's) next login by seconds, never by an hour.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 4;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofSeconds(10);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final Map<String, State> clients = new ConcurrentHashMap<>();

    private record State(int failures, Instant lastFailure, Instant notBefore) {}

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code client} must still wait before an attempt is checked; empty when it may try now. */
    public Optional<Duration> waitFor(String client) {
        State s = clients.get(client);
        Instant now = clock.instant();
        if (s == null || !now.isBefore(s.notBefore())) return Optional.empty();
        return Optional.of(Duration.between(now, s.notBefore()));
    }

    /** Records a checked, wrong attempt; returns how long the client must now wait (zero at first). */
    public Duration failed(String client) {
        Instant now = clock.instant();
        if (clients.size() > MAX_TRACKED) {
            clients.values().removeIf(s -> s.lastFailure().plus(FORGET_AFTER).isBefore(now));
            // still full (a flood from many addresses): forget those that are not being slowed down yet
            if (clients.size() > MAX_TRACKED) clients.values().removeIf(s -> s.failures() <= FREE_FAILURES);
        }
        State s = clients.merge(client, new State(1, now, now), (old, one) -> {
            int n = old.lastFailure().plus(FORGET_AFTER).isBefore(now) ? 1 : old.failures() + 1;
            return new State(n, now, now.plus(delay(n)));
        });
        return Duration.between(now, s.notBefore());
    }

    /** A correct login clears the client's record. */
    public void succeeded(String client) {
        clients.remove(client);
    }

    /** The wait after the {@code n}-th failure in a row. */
    static Duration delay(int n) {
        if (n <= FREE_FAILURES) return Duration.ZERO;
        int doublings = Math.min(n - FREE_FAILURES - 1, 20); // fifth failure: 1 s, sixth: 2 s …
        Duration d = FIRST_DELAY.multipliedBy(1L << doublings);
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }
}
