package dev.kanal.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HosterRegistryTest {
    private final HosterRegistry registry = HosterRegistry.standard();

    @Test
    void standard_registry_lists_every_hoster_once() {
        assertThat(registry.all()).extracting(Hoster::name).containsExactly(
                "VOE", "Filemoon", "Doodstream", "Streamtape", "Vidoza", "Vidmoly", "LoadX", "Luluvdo", "GXPlayer",
                "Vidara", "Gupload");
    }

    @ParameterizedTest
    @CsvSource({
        "VOE, VOE", "voe, VOE", "Dood, Doodstream", "DoodStream, Doodstream", "Doodstream, Doodstream",
        "Streamtape, Streamtape", "StreamTape, Streamtape", "Filemoon, Filemoon", "FileMoon, Filemoon",
        "Vidoza, Vidoza", "Vidmoly, Vidmoly", "LoadX, LoadX", "Luluvdo, Luluvdo", "GXPlayer, GXPlayer"
    })
    void chooses_by_the_label_the_site_shows(String label, String expected) {
        assertThat(registry.byName(label)).map(Hoster::name).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "https://voe.sx/e/abc, VOE",
        "https://dood.li/e/abc, Doodstream", "https://d000d.com/e/abc, Doodstream",
        "https://myvidplay.com/e/abc, Doodstream", "https://www.dood.watch/d/abc, Doodstream",
        "https://streamtape.com/e/abc, Streamtape", "https://streamta.pe/e/abc, Streamtape",
        "https://filemoon.sx/e/abc, Filemoon", "https://vidoza.net/embed-abc.html, Vidoza",
        "https://vidmoly.me/embed-abc.html, Vidmoly", "https://vidmoly.biz/w/abc, Vidmoly",
        "https://loadx.ws/e/abc, LoadX", "https://luluvdo.com/e/abc, Luluvdo",
        "https://watch.gxplayer.xyz/watch?v=abc, GXPlayer"
    })
    void falls_back_to_the_embed_host_for_placeholder_labels(String url, String expected) {
        assertThat(registry.choose("Provider", URI.create(url))).map(Hoster::name).contains(expected);
        assertThat(registry.choose(null, URI.create(url))).map(Hoster::name).contains(expected);
    }

    @Test
    void label_wins_over_the_host() {
        assertThat(registry.choose("VOE", URI.create("https://some-vanity-words.com/e/abc")))
                .map(Hoster::name).contains("VOE");
    }

    @Test
    void unknown_label_and_host_choose_nothing() {
        assertThat(registry.choose("SpeedFiles", URI.create("https://speedfiles.net/abc"))).isEmpty();
        assertThat(registry.byUrl(URI.create("https://notdood.li/e/x"))).isEmpty();
        assertThat(registry.byUrl(URI.create("http://127.0.0.1:8080/e/x"))).isEmpty();
    }
}
