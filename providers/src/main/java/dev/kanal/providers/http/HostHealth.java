package dev.kanal.providers.http;

import java.time.Duration;
import java.time.Instant;

/**
 * What Kanal currently knows about one upstream host, for the status page and for logs: is it
 * answering, how fast, and is it blocking us. A snapshot; it does not change after creation.
 *
 * @param host the host name, e.g. {@code aniworld.to}
 * @param state the summary the UI shows
 * @param samples how many recent requests the figures cover
 * @param successRate share of recent requests that succeeded, 0..1 (1 when there are no samples)
 * @param averageLatency mean latency of recent requests
 * @param lastSuccess when a request last succeeded, or null
 * @param lastFailure when a request last failed, or null
 * @param lastError a short reason for the last failure (never a URL token or cookie), or null
 * @param cause why the host is not healthy now, in words ({@code DNS lookup failed for …},
 *     {@code blocked by Cloudflare challenge}, {@code HTTP 503}); null while it answers normally
 * @param retryAt when an open circuit lets the next request through, or null
 */
public record HostHealth(
        String host,
        State state,
        int samples,
        double successRate,
        Duration averageLatency,
        Instant lastSuccess,
        Instant lastFailure,
        String lastError,
        String cause,
        Instant retryAt) {

    /** Without a cause or retry time (tests, older callers). */
    public HostHealth(String host, State state, int samples, double successRate, Duration averageLatency,
            Instant lastSuccess, Instant lastFailure, String lastError) {
        this(host, state, samples, successRate, averageLatency, lastSuccess, lastFailure, lastError,
                state == State.OK || state == State.SLOW ? null : lastError, null);
    }

    /** The host's condition, worst first in precedence. */
    public enum State {
        /** The circuit breaker refuses requests for now. */
        CIRCUIT_OPEN,
        /** The last answer was an anti-bot page. */
        BLOCKED,
        /** Most recent requests failed. */
        FAILING,
        /** Answering, but slowly. */
        SLOW,
        /** Answering normally. */
        OK
    }
}
