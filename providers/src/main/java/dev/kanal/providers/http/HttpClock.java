package dev.kanal.providers.http;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as the HTTP layer sees it: a monotonic clock for rate limits and latency, a wall clock for
 * health reports, and a way to wait. Injected so tests of rate limits, backoff and the circuit
 * breaker run in microseconds instead of seconds.
 */
public interface HttpClock {
    /** Monotonic nanoseconds, like {@link System#nanoTime()}. */
    long nanoTime();

    /** Wall-clock now. */
    Instant now();

    /** Blocks the calling thread for {@code duration}; interruption is turned into an unchecked error. */
    void sleep(Duration duration);

    /** The real clock. */
    static HttpClock system() {
        return SystemHttpClock.INSTANCE;
    }

    /** The JVM's clocks and {@link Thread#sleep}. */
    enum SystemHttpClock implements HttpClock {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) {
            if (duration.isNegative() || duration.isZero()) return;
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
        }
    }
}
