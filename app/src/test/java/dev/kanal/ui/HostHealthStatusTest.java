package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.http.HostHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostHealthStatusTest {
    @Test
    void every_host_state_maps_to_the_name_the_page_shows() {
        Instant t = Instant.parse("2026-11-21T06:00:00Z");
        List<HostHealth> hosts = List.of(
                new HostHealth("aniworld.to", HostHealth.State.OK, 10, 1.0, Duration.ofMillis(250), t, null, null),
                new HostHealth("s.to", HostHealth.State.BLOCKED, 4, 0.5, Duration.ofMillis(900), t, t, "Turnstile"),
                new HostHealth("voe.sx", HostHealth.State.SLOW, 3, 1.0, Duration.ofSeconds(6), t, null, null),
                new HostHealth("a.b", HostHealth.State.FAILING, 3, 0.0, null, null, t, "HTTP 500"),
                new HostHealth("c.d", HostHealth.State.CIRCUIT_OPEN, 3, 0.0, Duration.ZERO, null, t, "HTTP 503"));
        var shown = new HostHealthStatus(() -> hosts).hosts().orElseThrow();
        assertThat(shown).extracting(HostStatus.Host::state)
                .containsExactly("ok", "blocked", "slow", "failing", "circuit_open");
        assertThat(shown.get(1)).isEqualTo(new HostStatus.Host("s.to", "blocked", 4, 0.5, 900, t, t, "Turnstile",
                "Turnstile", null));
        assertThat(shown.get(0).cause()).isNull();
        assertThat(shown.get(3).latency_ms()).isZero();
    }
}
