package dev.kanal.ui;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How every upstream host (sites and hosters) is doing, for the health view. The HTTP layer keeps
 * these figures; the lead wires its registry here (see {@code docs/web-ui.md}).
 */
public interface HostStatus {
    /** The hosts, or empty when this build has no host health to show. */
    Optional<List<Host>> hosts();

    /**
     * Forgets every backoff (hosts' circuit breakers, the catalog's retry waits) so the next request
     * goes out at once: the health view's "Retry now". Does nothing where there is nothing to reset.
     */
    default void retryNow() {}

    /** Nothing to show: the page says host health is not available. */
    HostStatus NONE = Optional::empty;

    /**
     * One host.
     *
     * @param state {@code ok}, {@code slow}, {@code failing}, {@code blocked} (anti-bot page) or
     *     {@code circuit_open}
     * @param success_rate share of recent requests that succeeded, 0..1
     * @param latency_ms mean latency of recent requests
     * @param cause why the host is not healthy now, in words (DNS lookup failed, blocked by …), or null
     * @param next_retry when an open circuit lets the next request through, or null
     */
    record Host(String host, String state, int samples, double success_rate, long latency_ms,
            Instant last_success, Instant last_failure, String last_error, String cause, Instant next_retry) {

        /** Without a cause or retry time. */
        public Host(String host, String state, int samples, double success_rate, long latency_ms,
                Instant last_success, Instant last_failure, String last_error) {
            this(host, state, samples, success_rate, latency_ms, last_success, last_failure, last_error,
                    state.equals("ok") || state.equals("slow") ? null : last_error, null);
        }
    }
}
