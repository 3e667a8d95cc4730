package dev.kanal.providers.http;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The per-host state every fetcher built from one {@link dev.kanal.providers.Providers} shares:
 * rate limits, circuit breakers and recent outcomes. Its public face is read-only, so the app's
 * status page can show {@link HostHealth} without being able to disturb the HTTP layer.
 */
public final class HostHealthRegistry {
    private final HttpClock clock;
    private final HttpPolicy policy;
    private final ConcurrentMap<String, HostLane> lanes = new ConcurrentHashMap<>();

    public HostHealthRegistry(HttpPolicy policy, HttpClock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Every host contacted so far, sorted by name. */
    public List<HostHealth> snapshot() {
        return lanes.values().stream().map(HostLane::snapshot)
                .sorted(Comparator.comparing(HostHealth::host)).toList();
    }

    /** One host's health, if Kanal has talked to it. */
    public Optional<HostHealth> health(String host) {
        return Optional.ofNullable(lanes.get(key(host))).map(HostLane::snapshot);
    }

    /**
     * Closes every host's circuit breaker, so the next request to each goes out at once (the
     * status page's "Retry now").
     */
    public void resetBackoff() {
        lanes.values().forEach(HostLane::resetBackoff);
    }

    HttpPolicy policy() {
        return policy;
    }

    HttpClock clock() {
        return clock;
    }

    HostLane lane(String host) {
        return lanes.computeIfAbsent(key(host), h -> new HostLane(h, clock, policy));
    }

    private static String key(String host) {
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }
}
