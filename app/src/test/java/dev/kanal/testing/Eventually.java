package dev.kanal.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition that becomes true asynchronously (a job finishing); fails after a generous limit. */
public final class Eventually {
    private Eventually() {}

    /** Polls {@code value} until {@code done} accepts it, returns that value. */
    public static <T> T await(String what, Duration limit, Supplier<T> value, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = value.get();
            if (done.test(last)) return last;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("gave up waiting for " + what + "; last value: " + last);
    }
}
