package dev.kanal.providers.http;

import dev.kanal.providers.ProviderSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How politely and how persistently Kanal talks to one upstream host. One place for the numbers so
 * the rate limiter, the retry loop, the circuit breaker and the health report agree.
 *
 * @param ratePerSecond sustained requests per second per host (token bucket refill rate)
 * @param burst how many requests may go out back to back before the rate applies
 * @param maxRetries default retries after the first attempt for transient failures (network, 429, 5xx);
 *     each {@link OkHttpFetcher} uses its own settings' count
 * @param baseBackoff first retry delay; doubles per attempt, with up to 50% random jitter
 * @param maxBackoff the longest single wait; a {@code Retry-After} above it fails instead of waiting
 * @param failureThreshold consecutive failures that open a host's circuit
 * @param coolDown how long an open circuit refuses requests before one trial is let through
 * @param slowLatency average latency above which a host is reported as slow
 */
public record HttpPolicy(
        double ratePerSecond,
        int burst,
        int maxRetries,
        Duration baseBackoff,
        Duration maxBackoff,
        int failureThreshold,
        Duration coolDown,
        Duration slowLatency) {

    public HttpPolicy {
        if (ratePerSecond <= 0) throw new IllegalArgumentException("ratePerSecond must be > 0");
        if (burst < 1) throw new IllegalArgumentException("burst must be >= 1");
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
        if (failureThreshold < 1) throw new IllegalArgumentException("failureThreshold must be >= 1");
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(coolDown, "coolDown");
        Objects.requireNonNull(slowLatency, "slowLatency");
    }

    /** The policy the settings ask for, with Kanal's defaults for everything settings do not name. */
    public static HttpPolicy from(ProviderSettings settings) {
        int burst = (int) Math.max(1, Math.ceil(settings.rateLimitPerHost()));
        return new HttpPolicy(settings.rateLimitPerHost(), burst, settings.maxRetries(),
                Duration.ofMillis(500), Duration.ofSeconds(30), 5, Duration.ofSeconds(60),
                Duration.ofSeconds(5));
    }

    /** A copy with other breaker numbers (tests, and sites that should give up sooner). */
    public HttpPolicy withBreaker(int threshold, Duration coolDown) {
        return new HttpPolicy(ratePerSecond, burst, maxRetries, baseBackoff, maxBackoff, threshold,
                coolDown, slowLatency);
    }

    /** A copy with other backoff numbers. */
    public HttpPolicy withBackoff(Duration base, Duration max) {
        return new HttpPolicy(ratePerSecond, burst, maxRetries, base, max, failureThreshold,
                coolDown, slowLatency);
    }
}
