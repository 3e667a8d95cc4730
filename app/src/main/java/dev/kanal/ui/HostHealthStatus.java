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

    HostHealthStatus(Supplier<List<HostHealth>> snapshot) {
        this.snapshot = snapshot;
    }

    /** The hosts the providers' shared registry has talked to. */
    public static HostHealthStatus of(HostHealthRegistry registry) {
        return new HostHealthStatus(registry::snapshot);
    }

    @Override
    public Optional<List<Host>> hosts() {
        return Optional.of(snapshot.get().stream().map(HostHealthStatus::host).toList());
    }

    static Host host(HostHealth h) {
        long latency = h.averageLatency() == null ? 0 : h.averageLatency().toMillis();
        return new Host(h.host(), h.state().name().toLowerCase(Locale.ROOT), h.samples(), h.successRate(), latency,
                h.lastSuccess(), h.lastFailure(), h.lastError());
    }
}
