package dev.kanal.providers.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SiteAddressTest {
    final SiteAddress prefixed = SiteAddress.of("http://127.0.0.1:9000/aniworld/");

    @Test
    void site_relative_links_keep_the_configured_prefix() {
        assertThat(prefixed.resolve("/anime/stream/x")).isEqualTo(URI.create("http://127.0.0.1:9000/aniworld/anime/stream/x"));
        assertThat(prefixed.resolve("/redirect/123")).isEqualTo(URI.create("http://127.0.0.1:9000/aniworld/redirect/123"));
        assertThat(prefixed.resolve("/r?t=abc%3D%3D")).isEqualTo(URI.create("http://127.0.0.1:9000/aniworld/r?t=abc%3D%3D"));
        assertThat(prefixed.resolve("redirect/5")).isEqualTo(URI.create("http://127.0.0.1:9000/aniworld/redirect/5"));
    }

    @Test
    void absolute_and_protocol_relative_urls_are_used_as_given() {
        assertThat(prefixed.resolve("https://voe.sx/e/abc")).isEqualTo(URI.create("https://voe.sx/e/abc"));
        assertThat(prefixed.resolve("//voe.sx/e/abc")).isEqualTo(URI.create("http://voe.sx/e/abc"));
        assertThat(SiteAddress.of("https://megakino.example").resolve("//voe.sx/e/abc"))
                .isEqualTo(URI.create("https://voe.sx/e/abc"));
    }

    @Test
    void referer_origin_and_same_host() {
        assertThat(prefixed.referer()).isEqualTo("http://127.0.0.1:9000/aniworld/");
        assertThat(prefixed.origin()).isEqualTo("http://127.0.0.1:9000");
        assertThat(prefixed.sameHost(URI.create("http://127.0.0.1:9000/other"))).isTrue();
        assertThat(prefixed.sameHost(URI.create("http://localhost:9000/other"))).isFalse();
    }

    @Test
    void the_site_is_its_host_and_path_prefix() {
        assertThat(prefixed.contains(URI.create("http://127.0.0.1:9000/aniworld/redirect/1"))).isTrue();
        assertThat(prefixed.contains(URI.create("http://127.0.0.1:9000/aniworld"))).isTrue();
        assertThat(prefixed.contains(URI.create("http://127.0.0.1:9000/voe/e/abc"))).isFalse();
        assertThat(prefixed.contains(URI.create("http://127.0.0.1:9000/aniworldx/e/abc"))).isFalse();
        assertThat(prefixed.contains(URI.create("http://127.0.0.1:9001/aniworld/r"))).isFalse();
        SiteAddress plain = SiteAddress.of("https://aniworld.to");
        assertThat(plain.contains(URI.create("https://aniworld.to:443/anime/stream/x"))).isTrue();
        assertThat(plain.contains(URI.create("https://voe.sx/e/abc"))).isFalse();
    }
}
