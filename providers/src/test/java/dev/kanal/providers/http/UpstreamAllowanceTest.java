package dev.kanal.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class UpstreamAllowanceTest {
    static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void booleans_keep_their_meaning_and_lists_allow_only_what_they_name() throws Exception {
        assertThat(UpstreamAllowance.parse("true").allows(ip("192.168.1.1"))).isTrue();
        assertThat(UpstreamAllowance.parse("false").allows(ip("127.0.0.1"))).isFalse();
        assertThat(UpstreamAllowance.parse("false").allows(ip("93.184.216.34"))).isTrue();
        var list = UpstreamAllowance.parse("127.0.0.1/32, 192.168.1.20,10.8.0.0/16");
        assertThat(list.allowsAllPrivate()).isFalse();
        assertThat(list.allows(ip("127.0.0.1"))).isTrue();
        assertThat(list.allows(ip("127.0.0.3"))).isFalse();
        assertThat(list.allows(ip("192.168.1.20"))).isTrue();
        assertThat(list.allows(ip("192.168.1.21"))).isFalse();
        assertThat(list.allows(ip("10.8.200.1"))).isTrue();
        assertThat(list.allows(ip("10.9.0.1"))).isFalse();
        assertThat(list.allows(ip("169.254.169.254"))).isFalse();
        assertThatThrownBy(() -> UpstreamAllowance.parse("maybe")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpstreamAllowance.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numeric_hosts_are_read_as_inet_aton_does() throws Exception {
        assertThat(NumericHost.address("127.1")).contains(ip("127.0.0.1"));
        assertThat(NumericHost.address("10.1")).contains(ip("10.0.0.1"));
        assertThat(NumericHost.address("169.254.43518")).contains(ip("169.254.169.254"));
        assertThat(NumericHost.address("2130706433")).contains(ip("127.0.0.1"));
        assertThat(NumericHost.address("0x7f.1")).contains(ip("127.0.0.1"));
        assertThat(NumericHost.address("0177.0.0.1")).contains(ip("127.0.0.1"));
        assertThat(NumericHost.address("cdn.example")).isEmpty();
        assertThat(NumericHost.address("256.1.1.1")).isEmpty();
        assertThat(NumericHost.hostOf(URI.create("http://127.1:8080/x"))).isEqualTo("127.1");
        assertThat(NumericHost.hostOf(URI.create("http://a_b.example/x"))).isEqualTo("a_b.example");
        assertThat(NumericHost.hostOf(URI.create("http://u@169.254.43518/"))).isEqualTo("169.254.43518");
    }

    @Test
    void the_guard_refuses_host_less_forms_and_other_schemes_without_dns() {
        var guard = new PrivateAddressGuard(false);
        for (String url : java.util.List.of("http://127.1/", "http://10.1/", "http://169.254.43518/",
                "http://2130706433/", "file:///etc/passwd", "gopher://example.com/", "http:///nohost")) {
            assertThatThrownBy(() -> guard.check(URI.create(url))).as(url)
                    .isInstanceOf(dev.kanal.providers.ProviderException.class);
        }
    }
}
