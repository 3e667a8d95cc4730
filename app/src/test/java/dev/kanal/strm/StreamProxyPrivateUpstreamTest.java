package dev.kanal.strm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.Wiring;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.testing.TestKanal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code KANAL_ALLOW_PRIVATE_UPSTREAMS=false} (the default) the proxy never reaches into the LAN. */
class StreamProxyPrivateUpstreamTest {
    @TempDir
    static Path root;

    static FakeUpstream cdn;
    static FakeSources sources;
    static TestKanal kanal;
    static StrmLinks links;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(root.resolve("media"));
        Files.write(root.resolve("media/video.mp4"), new byte[1024]);
        cdn = new FakeUpstream(root.resolve("media"));
        sources = new FakeSources(Map.of());
        kanal = TestKanal.start(root.resolve("kanal"), Map.of("KANAL_ALLOW_PRIVATE_UPSTREAMS", "false"),
                Wiring.Overrides.none().withSources(sources));
        links = new StrmLinks(kanal.config().server().publicUrl(),
                new UrlSigner(kanal.config().security().signingKey()), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        kanal.close();
        cdn.close();
    }

    @Test
    void a_source_on_a_loopback_address_is_refused_without_contacting_it() {
        var episode = new EpisodeAddress(SiteId.STO, "lan-show", 1, 1);
        sources.offer(episode, "VOE", cdn.url("/video.mp4"));
        URI url = links.streamUrl(new StrmTarget(episode, Language.GERMAN_SUB));

        var response = kanal.get(url.getRawPath() + "?" + url.getRawQuery());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("KANAL_ALLOW_PRIVATE_UPSTREAMS");
        assertThat(cdn.totalHits()).isZero();
    }

    @Test
    void a_proxy_url_to_a_loopback_address_is_refused_even_when_signed() {
        var episode = new EpisodeAddress(SiteId.STO, "lan-show", 1, 2);
        sources.offer(episode, "VOE", URI.create("https://cdn.example.invalid/master.m3u8"));
        String path = links.proxyPath(cdn.url("/video.mp4"), new StrmTarget(episode, Language.GERMAN_SUB));

        var response = kanal.get(path);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(cdn.totalHits()).isZero();
    }
}
