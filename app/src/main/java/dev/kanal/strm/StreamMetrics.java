package dev.kanal.strm;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stream proxy's meters on {@code /metrics}: how many players are streaming, how many bytes went
 * through, how long the first byte took, how often a source had to be re-resolved, and which
 * hosters fail.
 */
public final class StreamMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();
    private final Counter bytes;
    private final Timer firstByte;
    private final Counter reResolutions;

    public StreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("kanal.strm.active.streams", active);
        this.bytes = Counter.builder("kanal.strm.bytes").baseUnit("bytes")
                .description("Media bytes streamed to players").register(registry);
        this.firstByte = Timer.builder("kanal.strm.time.to.first.byte")
                .description("From a player's request to the first upstream byte being available")
                .register(registry);
        this.reResolutions = Counter.builder("kanal.strm.reresolutions")
                .description("Sources dropped and resolved again after an upstream failure").register(registry);
    }

    void streamStarted() {
        active.incrementAndGet();
    }

    void streamEnded(long bytesSent) {
        active.decrementAndGet();
        bytes.increment(bytesSent);
    }

    void firstByte(Duration took) {
        firstByte.record(took);
    }

    void reResolved() {
        reResolutions.increment();
    }

    /** One failed upstream request; {@code reason} is a status code or {@code network}. */
    void upstreamFailed(String hoster, String reason) {
        Counter.builder("kanal.strm.upstream.failures")
                .description("Upstream media requests that failed, by hoster")
                .tag("hoster", hoster == null ? "unknown" : hoster)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
