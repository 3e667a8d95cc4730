package dev.kanal.strm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kanal.KanalException;
import dev.kanal.providers.http.UpstreamAllowance;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Short links of playlist children: a rewritten playlist costs no more than the hoster's, and every
 * link still names one signed directory, one episode and an expiry that nobody can change.
 */
class HlsLinksTest {
    static final StrmTarget TARGET = StrmLinksTest.TARGET;
    static final Clock NOW = StrmLinksTest.NOW;
    static final String KEY = "key-one-0123456789-0123456789-01";
    static final URI PLAYLIST = URI.create("https://cdn.example/hls2/01/abc_,l,n,.urlset/index-v1-a1.m3u8?t=TOK&e=9");

    static HlsLinks links(String key, Clock clock) {
        return StrmLinksTest.links(key, clock).hls();
    }

    /** The child a player fetches for {@code link}, as served by Kanal under the public URL's path. */
    static HlsLinks.Child verify(HlsLinks links, String link) {
        URI uri = URI.create("https://kanal.example" + link);
        String after = uri.getRawPath().substring("/base/strm/hls/".length());
        String token = after.substring(0, after.indexOf('/'));
        return links.verify(token, after.substring(token.length() + 1), uri.getRawQuery());
    }

    @Test
    void a_link_names_its_upstream_episode_and_directory() {
        var links = links(KEY, NOW);
        String link = links.link(PLAYLIST, TARGET);

        assertThat(link).startsWith("/base/strm/hls/").endsWith("/index-v1-a1.m3u8?t=TOK&e=9");
        var child = verify(links, link);
        assertThat(child.upstream()).isEqualTo(PLAYLIST);
        assertThat(child.target()).isEqualTo(TARGET);
        assertThat(child.served().directory()).isEqualTo("https://cdn.example/hls2/01/abc_,l,n,.urlset/");
    }

    @Test
    void a_media_playlist_through_a_short_link_is_no_larger_than_the_hosters() {
        var links = links(KEY, NOW);
        StringBuilder upstream = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:6\n"
                + "#EXT-X-KEY:METHOD=AES-128,URI=\"https://keys.example/k/1.key\"\n");
        for (int i = 1; i <= 400; i++) {
            upstream.append("#EXTINF:6.0,\n").append(i % 2 == 0 ? "https://cdn.example/hls2/01/abc_,l,n,.urlset/" : "")
                    .append("seg-").append(i).append("-v1-a1.ts?t=TOK&e=9\n");
        }
        upstream.append("#EXT-X-ENDLIST\n");
        var child = verify(links, links.link(PLAYLIST, TARGET));

        String out = HlsRewriter.rewrite(upstream.toString(), child.upstream(),
                links.namer(TARGET, Optional.of(child.served())), UpstreamAllowance.ALL);

        assertThat(out.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(upstream.toString().getBytes(StandardCharsets.UTF_8).length);
        assertThat(out).contains("\nseg-1-v1-a1.ts?t=TOK&e=9\n", "\nseg-2-v1-a1.ts?t=TOK&e=9\n");
        String key = out.replaceFirst("(?s).*URI=\"([^\"]+)\".*", "$1");
        assertThat(key).startsWith("/base/strm/hls/").endsWith("/1.key");
        assertThat(verify(links, key).upstream()).isEqualTo(URI.create("https://keys.example/k/1.key"));
    }

    @Test
    void children_elsewhere_get_one_token_per_directory_and_resolve_to_their_upstream() {
        var links = links(KEY, NOW);
        var child = verify(links, links.link(PLAYLIST, TARGET));
        Function<URI, String> namer = links.namer(TARGET, Optional.of(child.served()));

        String sub = namer.apply(URI.create("https://cdn.example/hls2/01/abc_,l,n,.urlset/720/seg.ts"));
        String parent = namer.apply(URI.create("https://cdn.example/hls2/01/other.ts"));
        String colon = namer.apply(URI.create("https://cdn.example/hls2/01/abc_,l,n,.urlset/a:b.ts"));
        String a = namer.apply(URI.create("https://cdn2.example/v/a.ts"));
        String b = namer.apply(URI.create("https://cdn2.example/v/b.ts"));

        assertThat(sub).isEqualTo("720/seg.ts");
        assertThat(colon).isEqualTo("./a:b.ts");
        assertThat(parent).startsWith("/base/strm/hls/");
        assertThat(verify(links, parent).upstream()).isEqualTo(URI.create("https://cdn.example/hls2/01/other.ts"));
        assertThat(a.substring(0, a.lastIndexOf('/'))).isEqualTo(b.substring(0, b.lastIndexOf('/')));
        assertThat(verify(links, b).upstream()).isEqualTo(URI.create("https://cdn2.example/v/b.ts"));
    }

    @Test
    void tampered_expired_foreign_key_and_climbing_links_are_refused() {
        var links = links(KEY, NOW);
        String link = links.link(PLAYLIST, TARGET);
        String token = link.split("/")[4];
        String[] parts = token.split("\\.");
        String otherDir = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("http://127.0.0.1/".getBytes(StandardCharsets.UTF_8));
        Clock later = Clock.offset(NOW, StrmLinks.PROXY_TTL.plus(Duration.ofMinutes(1)));

        assertThatThrownBy(() -> verify(links, link.replace(parts[2], otherDir)))
                .isInstanceOf(KanalException.Forbidden.class);
        assertThatThrownBy(() -> verify(links, link.replace("." + parts[1] + ".", ".zzzzzzz.")))
                .isInstanceOf(KanalException.Forbidden.class);
        assertThatThrownBy(() -> verify(links, link.replace(parts[3], parts[3].replace(parts[3].charAt(0),
                parts[3].charAt(0) == 'A' ? 'B' : 'A')))).isInstanceOf(KanalException.Forbidden.class);
        assertThatThrownBy(() -> verify(links(KEY, later), link)).isInstanceOf(KanalException.Forbidden.class);
        assertThatThrownBy(() -> verify(links("key-two-0123456789-0123456789-02", NOW), link))
                .isInstanceOf(KanalException.Forbidden.class);
        for (String climb : new String[] {"../x.ts", "a/../../x.ts", "%2e%2e/x.ts", "%2E./x.ts", "a\\..\\x.ts",
                "/x.ts", ""}) {
            assertThatThrownBy(() -> links.verify(token, climb, null)).as(climb)
                    .isInstanceOf(KanalException.Forbidden.class);
        }
        assertThat(links.verify(token, "720/seg-1.ts", "t=1").upstream())
                .isEqualTo(URI.create("https://cdn.example/hls2/01/abc_,l,n,.urlset/720/seg-1.ts?t=1"));
    }
}
