package dev.kanal.providers.testing;

import dev.kanal.providers.http.HttpClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An {@link HttpClock} whose sleeps return at once and move time forward; every sleep is recorded. */
public final class ManualHttpClock implements HttpClock {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private long nanos;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant now() {
        return EPOCH.plusNanos(nanos);
    }

    @Override
    public synchronized void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) return;
        sleeps.add(duration);
        nanos += duration.toNanos();
    }

    public synchronized void advance(Duration d) {
        nanos += d.toNanos();
    }

    /** The sleeps so far (zero waits are not recorded). */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
