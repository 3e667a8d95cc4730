package dev.kanal.strm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kanal.KanalException;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Signed URLs: stable stream URLs, expiring proxy URLs, and what invalidates them. */
class StrmLinksTest {
    static final StrmTarget TARGET = new StrmTarget(new EpisodeAddress(SiteId.ANIWORLD, "naruto-shippuden", 2, 7),
            Language.GERMAN_SUB);
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-21T06:00:00Z"), ZoneOffset.UTC);

    static StrmLinks links(String key, Clock clock) {
        return new StrmLinks(URI.create("https://kanal.example/base/"), new UrlSigner(key), clock);
    }

    @Test
    void stream_url_is_stable_names_the_episode_and_not_the_hoster() {
        URI url = links("key-one-0123456789-0123456789-01", NOW).streamUrl(TARGET);
        URI later = links("key-one-0123456789-0123456789-01", Clock.systemUTC()).streamUrl(TARGET);

        assertThat(url).isEqualTo(later);
        assertThat(url.toString()).startsWith("https://kanal.example/base/strm/stream/").contains(".mp4?v=1&sig=");
        String id = url.getPath().substring(url.getPath().lastIndexOf('/') + 1).replace(".mp4", "");
        assertThat(StrmTarget.fromId(id)).contains(TARGET);
    }

    @Test
    void stream_url_verifies_and_a_rotated_key_invalidates_it() {
        var links = links("key-one-0123456789-0123456789-01", NOW);
        URI url = links.streamUrl(TARGET);
        String file = url.getPath().substring(url.getPath().lastIndexOf('/') + 1);
        String sig = url.getQuery().replaceFirst(".*sig=", "");

        assertThat(links.verifyStream(file, "1", sig)).isEqualTo(TARGET);
        assertThatThrownBy(() -> links("key-two-0123456789-0123456789-02", NOW).verifyStream(file, "1", sig))
                .isInstanceOf(KanalException.Forbidden.class);
        assertThatThrownBy(() -> links.verifyStream(file, "2", sig)).isInstanceOf(KanalException.Forbidden.class);
    }

    @Test
    void proxy_urls_expire() {
        var issued = links("key-one-0123456789-0123456789-01", NOW);
        String path = issued.proxyPath(URI.create("https://cdn.example/seg-1.ts?t=x"), TARGET);
        assertThat(path).startsWith("/base/strm/proxy/seg-1.ts?u=");
        var q = java.util.Arrays.stream(path.substring(path.indexOf('?') + 1).split("&"))
                .map(p -> p.split("=", 2)).collect(java.util.stream.Collectors.toMap(p -> p[0], p -> p[1]));

        var target = issued.verifyProxy(q.get("u"), q.get("e"), q.get("exp"), q.get("sig"));
        assertThat(target.upstream()).isEqualTo(URI.create("https://cdn.example/seg-1.ts?t=x"));
        assertThat(target.target()).isEqualTo(TARGET);

        var muchLater = links("key-one-0123456789-0123456789-01",
                Clock.offset(NOW, StrmLinks.PROXY_TTL.plusSeconds(1)));
        assertThatThrownBy(() -> muchLater.verifyProxy(q.get("u"), q.get("e"), q.get("exp"), q.get("sig")))
                .isInstanceOf(KanalException.Forbidden.class).hasMessageContaining("expired");
    }
}
