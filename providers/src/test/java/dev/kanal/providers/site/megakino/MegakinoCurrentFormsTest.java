package dev.kanal.providers.site.megakino;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import dev.kanal.providers.http.OkHttpFetcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Megakino as reported in issue 14: the new domains, the cookie from {@code HEAD /?yg=token}, search by IMDb id. */
class MegakinoCurrentFormsTest {
    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private MegakinoSite site() {
        URI base = URI.create("http://127.0.0.1:" + wm.getPort());
        OkHttpFetcher fetcher = new OkHttpFetcher(ProviderSettings.defaults().allowingPrivateUpstreams());
        return new MegakinoSite(fetcher, new MegakinoDomains(fetcher, base, List.of(), Clock.systemUTC(),
                Duration.ofHours(1)), Clock.systemUTC());
    }

    @Test
    void the_new_domains_are_candidates_newest_first() {
        assertThat(MegakinoDomains.DEFAULT_CANDIDATES.subList(0, 6)).extracting(URI::getHost).containsExactly(
                "megakino.club", "megakino.haus", "megakino.one", "megakino.si", "w1.megakino.do", "megakino15.com");
        assertThat(MegakinoDomains.DEFAULT_CANDIDATES).extracting(URI::getHost).contains("megakino1.to", "megakino.ms");
    }

    @Test
    void imdb_search_sends_the_id_as_story_gets_the_cookie_by_head_and_tags_the_result() {
        wm.stubFor(request("HEAD", urlEqualTo("/?yg=token")).willReturn(aResponse().withStatus(200)
                .withHeader("Set-Cookie", "yg_token=fresh; Path=/")));
        String card = "<html><body><div id=\"dle-content\"><a class=\"poster grid-item\" href=\"/films/7001-example-film.html\">"
                + "<div class=\"poster__desc\"><h3 class=\"poster__title\">Example Film</h3>"
                + "<ul class=\"poster__subtitle\"><li>USA, 2025</li><li>Filme / Drama</li></ul></div></a></div></body></html>";
        wm.stubFor(post(urlPathEqualTo("/index.php")).withCookie("yg_token", equalTo("fresh"))
                .withRequestBody(containing("story=tt0123456")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/html").withBody(card)));

        List<TitleRef> found = site().searchByImdb("tt0123456");

        assertThat(found).singleElement().satisfies(t -> {
            assertThat(t.slug()).isEqualTo("7001-example-film");
            assertThat(t.kind()).isEqualTo(TitleKind.MOVIE);
            assertThat(t.ids().imdb()).isEqualTo("tt0123456");
        });
        wm.verify(postRequestedFor(urlPathEqualTo("/index.php")).withRequestBody(containing("subaction=search")));
        wm.verify(0, getRequestedFor(urlEqualTo("/index.php?yg=token")));
        assertThat(site().searchByImdb("not-an-id")).isEmpty();
    }

    @Test
    void a_mirror_without_the_head_endpoint_still_gets_the_cookie_the_old_way() {
        wm.stubFor(get(urlEqualTo("/index.php?yg=token")).willReturn(aResponse().withStatus(200)
                .withHeader("Set-Cookie", "yg_token=old; Path=/").withBody("ok")));
        wm.stubFor(post(urlPathEqualTo("/index.php")).withCookie("yg_token", equalTo("old"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><body><div id=\"dle-content\"></div></body></html>")));

        assertThat(site().search("example")).isEmpty();
        wm.verify(getRequestedFor(urlEqualTo("/index.php?yg=token")));
    }
}
