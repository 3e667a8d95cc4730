package dev.kanal.providers.http;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything kept per upstream host: its token bucket, its circuit breaker and a ring of recent
 * outcomes for the health report. Shared by every fetcher that talks to the host.
 */
final class HostLane {
    private static final int WINDOW = 50;

    private final String host;
    private final HttpClock clock;
    private final HttpPolicy policy;
    final TokenBucket bucket;
    final CircuitBreaker breaker;

    private final boolean[] ok = new boolean[WINDOW];
    private final long[] latencyNanos = new long[WINDOW];
    private int next;
    private int count;
    private boolean lastBlocked;
    private Instant lastSuccess;
    private Instant lastFailure;
    private String lastError;

    HostLane(String host, HttpClock clock, HttpPolicy policy) {
        this.host = host;
        this.clock = clock;
        this.policy = policy;
        this.bucket = new TokenBucket(clock, policy.ratePerSecond(), policy.burst());
        this.breaker = new CircuitBreaker(clock, policy.failureThreshold(), policy.coolDown());
    }

    /** The host answered (any status that is not a server failure, including 404). */
    void success(Duration latency) {
        breaker.onSuccess();
        synchronized (this) {
            record(true, latency);
            lastBlocked = false;
            lastSuccess = clock.now();
        }
    }

    /** A transient failure (network, timeout, 429, 5xx). */
    void failure(Duration latency, String reason) {
        breaker.onFailure();
        synchronized (this) {
            record(false, latency);
            lastBlocked = false;
            lastFailure = clock.now();
            lastError = reason;
        }
    }

    /** An anti-bot page: counts against the breaker so a blocking host is left alone for a while. */
    void blocked(Duration latency, String kind) {
        breaker.onFailure();
        synchronized (this) {
            record(false, latency);
            lastBlocked = true;
            lastFailure = clock.now();
            lastError = "blocked by " + kind;
        }
    }

    /** The last failure's reason, or null. */
    synchronized String lastError() {
        return lastError;
    }

    /** Forgets the breaker's backoff (a user's "Retry now", a restart's fresh start). */
    void resetBackoff() {
        breaker.reset();
    }

    private void record(boolean success, Duration latency) {
        ok[next] = success;
        latencyNanos[next] = latency.toNanos();
        next = (next + 1) % WINDOW;
        count = Math.min(WINDOW, count + 1);
    }

    synchronized HostHealth snapshot() {
        int good = 0;
        long total = 0;
        for (int i = 0; i < count; i++) {
            if (ok[i]) good++;
            total += latencyNanos[i];
        }
        double rate = count == 0 ? 1.0 : (double) good / count;
        Duration avg = count == 0 ? Duration.ZERO : Duration.ofNanos(total / count);
        HostHealth.State state;
        if (breaker.state() == CircuitBreaker.State.OPEN) state = HostHealth.State.CIRCUIT_OPEN;
        else if (lastBlocked) state = HostHealth.State.BLOCKED;
        else if (count > 0 && rate < 0.5) state = HostHealth.State.FAILING;
        else if (avg.compareTo(policy.slowLatency()) > 0) state = HostHealth.State.SLOW;
        else state = HostHealth.State.OK;
        Instant retryAt = state == HostHealth.State.CIRCUIT_OPEN ? clock.now().plus(breaker.remainingCoolDown()) : null;
        boolean healthy = state == HostHealth.State.OK || state == HostHealth.State.SLOW;
        boolean recovered = lastSuccess != null && (lastFailure == null || lastSuccess.isAfter(lastFailure));
        String cause = healthy && recovered ? null : lastError;
        return new HostHealth(host, state, count, rate, avg, lastSuccess, lastFailure, lastError, cause, retryAt);
    }
}
