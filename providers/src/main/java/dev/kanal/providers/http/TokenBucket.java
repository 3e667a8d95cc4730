package dev.kanal.providers.http;

import java.time.Duration;

/**
 * A per-host token bucket. Callers reserve a slot under the lock and wait outside it, so many
 * threads queue fairly behind one host without holding a lock while they sleep.
 */
final class TokenBucket {
    private final HttpClock clock;
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long lastRefill;

    TokenBucket(HttpClock clock, double ratePerSecond, int burst) {
        this.clock = clock;
        this.perNano = ratePerSecond / 1_000_000_000d;
        this.capacity = burst;
        this.tokens = burst;
        this.lastRefill = clock.nanoTime();
    }

    /** Takes one token, waiting for it when the bucket is empty; returns how long it waited. */
    Duration acquire() {
        long waitNanos;
        synchronized (this) {
            long now = clock.nanoTime();
            tokens = Math.min(capacity, tokens + (now - lastRefill) * perNano);
            lastRefill = now;
            tokens -= 1;
            // a negative balance is a reservation: this caller waits until it would be paid back
            waitNanos = tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
        }
        Duration wait = Duration.ofNanos(waitNanos);
        clock.sleep(wait);
        return wait;
    }
}
