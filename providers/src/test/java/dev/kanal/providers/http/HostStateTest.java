package dev.kanal.providers.http;

import static dev.kanal.providers.testing.hoster.Failures.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.testing.ManualHttpClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14 point 4: why a host does not answer is said in words, kept while the circuit is open, and reset on demand. */
class HostStateTest {
    @Test
    void io_failures_name_their_cause() {
        assertThat(Unreachability.reason(new UnknownHostException("aniworld.to"), "aniworld.to"))
                .startsWith(Unreachability.DNS + " for aniworld.to").contains("no internet");
        assertThat(Unreachability.reason(new ConnectException("Connection refused"), "s.to"))
                .isEqualTo("connection refused by s.to");
        assertThat(Unreachability.reason(new SocketTimeoutException("Read timed out"), "s.to"))
                .isEqualTo("timeout talking to s.to");
    }

    @Test
    void a_refused_host_keeps_its_cause_and_next_retry_while_the_circuit_is_open_until_reset() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ManualHttpClock clock = new ManualHttpClock();
        ProviderSettings settings = ProviderSettings.defaults().allowingPrivateUpstreams();
        HostHealthRegistry hosts = new HostHealthRegistry(HttpPolicy.from(settings).withBreaker(3, Duration.ofSeconds(60)), clock);
        OkHttpFetcher fetcher = new OkHttpFetcher(settings, hosts, Map.of());
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/");

        ProviderFailure first = failureOf(() -> fetcher.get(url));
        assertThat(first.describe()).startsWith("unreachable: connection refused by 127.0.0.1");
        HostHealth open = hosts.health("127.0.0.1:" + closedPort).orElseThrow();
        assertThat(open.state()).isEqualTo(HostHealth.State.CIRCUIT_OPEN);
        assertThat(open.cause()).isEqualTo("connection refused by 127.0.0.1");
        assertThat(open.retryAt()).isAfter(clock.now()).isBeforeOrEqualTo(clock.now().plus(Duration.ofSeconds(60)));

        ProviderFailure fast = failureOf(() -> fetcher.get(url));
        assertThat(fast.describe()).contains("connection refused by 127.0.0.1; circuit open for 127.0.0.1, next try in");

        hosts.resetBackoff();
        assertThat(hosts.health("127.0.0.1:" + closedPort).orElseThrow().state()).isNotEqualTo(HostHealth.State.CIRCUIT_OPEN);
        assertThat(hosts.health("127.0.0.1:" + closedPort).orElseThrow().retryAt()).isNull();
    }
}
