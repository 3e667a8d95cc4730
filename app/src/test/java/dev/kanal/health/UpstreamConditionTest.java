package dev.kanal.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each state has its own words, read from the failure lines the providers write. */
class UpstreamConditionTest {
    @Test
    void failure_lines_are_classified() {
        var dns = UpstreamCondition.ofError("unreachable: DNS lookup failed for aniworld.to (no internet, or the DNS "
                + "server blocks or does not know the site) (https://aniworld.to/animes)");
        assertThat(dns.state()).isEqualTo(UpstreamCondition.UNREACHABLE);
        assertThat(dns.cause()).startsWith("DNS lookup failed for aniworld.to").doesNotContain("https://");
        assertThat(dns.hint()).contains("DNS", "#dns-or-no-internet");

        var circuit = UpstreamCondition.ofError("unreachable: timeout talking to s.to; circuit open for s.to, next try in 40s (https://s.to/)");
        assertThat(circuit.state()).isEqualTo(UpstreamCondition.UNREACHABLE);
        assertThat(circuit.cause()).isEqualTo("timeout talking to s.to");

        var blocked = UpstreamCondition.ofError("blocked by Cloudflare challenge (https://s.to/serien)");
        assertThat(blocked.state()).isEqualTo(UpstreamCondition.BLOCKED);
        assertThat(blocked.words()).isEqualTo("blocked by Cloudflare challenge");
        assertThat(blocked.hint()).contains("KANAL_FLARESOLVERR_URL");

        var markup = UpstreamCondition.ofError("markup changed: expected hoster buttons at '#episode-links' (https://s.to/x)");
        assertThat(markup.state()).isEqualTo(UpstreamCondition.MARKUP_CHANGED);
        assertThat(markup.cause()).isEqualTo("hoster buttons at '#episode-links'");

        assertThat(UpstreamCondition.ofError("unreachable: HTTP 503 (https://s.to/)").state()).isEqualTo(UpstreamCondition.FAILING);
        assertThat(UpstreamCondition.ofError(null).state()).isEqualTo(UpstreamCondition.HEALTHY);
        var dnsBlock = UpstreamCondition.ofError("unreachable: refusing private address 0.0.0.0 for s.to "
                + "(set KANAL_ALLOW_PRIVATE_UPSTREAMS=true to allow) (https://s.to/)");
        assertThat(dnsBlock.state()).isEqualTo(UpstreamCondition.UNREACHABLE);
        assertThat(dnsBlock.hint()).contains("DNS block");
    }
}
