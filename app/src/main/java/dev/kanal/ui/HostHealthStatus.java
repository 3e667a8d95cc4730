package dev.kanal.ui;

import dev.kanal.providers.http.HostHealth;
import dev.kanal.providers.http.HostHealthRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link HostStatus} over the HTTP layer's per-host health (rate limits, circuit breakers, outcomes). */
public final class HostHealthStatus implements HostStatus {
    private final Supplier<List<HostHealth>> snapshot;
    private final Runnable retry;

    HostHealthStatus(Supplier<List<HostHealth>> snapshot) {
        this(snapshot, () -> {});
    }

    HostHealthStatus(Supplier<List<HostHealth>> snapshot, Runnable retry) {
        this.snapshot = snapshot;
        this.retry = retry;
    }

    /** The hosts the providers' shared registry has talked to. */
    public static HostHealthStatus of(HostHealthRegistry registry) {
        return new HostHealthStatus(registry::snapshot, registry::resetBackoff);
    }

    /** As {@link #of(HostHealthRegistry)}; "Retry now" also runs {@code alsoRetry} (the catalog's). */
    public static HostHealthStatus of(HostHealthRegistry registry, Runnable alsoRetry) {
        return new HostHealthStatus(registry::snapshot, () -> {
            registry.resetBackoff();
            alsoRetry.run();
        });
    }

    @Override
    public void retryNow() {
        retry.run();
    }

    @Override
    public Optional<List<Host>> hosts() {
        return Optional.of(snapshot.get().stream().map(HostHealthStatus::host).toList());
    }

    static Host host(HostHealth h) {
        long latency = h.averageLatency() == null ? 0 : h.averageLatency().toMillis();
        return new Host(h.host(), h.state().name().toLowerCase(Locale.ROOT), h.samples(), h.successRate(), latency,
                h.lastSuccess(), h.lastFailure(), h.lastError(), h.cause(), h.retryAt());
    }
}
