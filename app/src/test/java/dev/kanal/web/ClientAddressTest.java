package dev.kanal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void forwarded_for_is_ignored_unless_the_connecting_address_is_a_trusted_proxy() {
        assertThat(ClientAddress.direct().resolve("172.18.0.5", "203.0.113.9")).isEqualTo("172.18.0.5");
        ClientAddress behindProxy = new ClientAddress(List.of("172.18.0.0/16"));
        assertThat(behindProxy.resolve("10.1.2.3", "203.0.113.9")).isEqualTo("10.1.2.3");
        assertThat(behindProxy.resolve("172.18.0.5", "203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void the_right_most_untrusted_hop_counts_so_a_client_cannot_prepend_its_own_choice() {
        ClientAddress proxies = new ClientAddress(List.of("172.18.0.0/16", "localhost"));
        assertThat(proxies.resolve("127.0.0.1", "1.1.1.1, 203.0.113.9, 172.18.0.7")).isEqualTo("203.0.113.9");
        assertThat(proxies.resolve("::1", "2001:db8::1")).isEqualTo("2001:db8::1");
        assertThat(proxies.resolve("127.0.0.1", "not-an-address")).isEqualTo("127.0.0.1");
        assertThat(proxies.resolve("127.0.0.1", "172.18.0.9")).isEqualTo("172.18.0.9");
    }

    @Test
    void a_bad_entry_is_refused_with_a_clear_message() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.lan"))).hasMessageContaining("'proxy.lan'");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
    }
}
