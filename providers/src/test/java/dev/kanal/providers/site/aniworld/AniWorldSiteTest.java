package dev.kanal.providers.site.aniworld;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kanal.providers.ChallengeKind;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleRef;
import dev.kanal.providers.testing.FakeAniWorld;
import dev.kanal.providers.testing.FakeCatalog;
import dev.kanal.providers.testing.Fixtures;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AniWorldSite end to end against a fake aniworld.to behind a path prefix. */
class AniWorldSiteTest {
    static FakeAniWorld fake;
    static Site site;

    @BeforeAll
    static void start() {
        fake = new FakeAniWorld(FakeCatalog.anime(), "/aniworld");
        site = Providers.create(fake.settings()).site(SiteId.ANIWORLD).orElseThrow();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void catalogue_streams_every_title_with_alternative_titles() {
        List<TitleRef> titles = new ArrayList<>();
        site.titles(titles::add);
        assertThat(titles).extracting(TitleRef::slug).containsExactly("kanal-chronicles", "quiet-harbor");
        assertThat(titles.getFirst().altTitles()).containsExactly("Kanaru Kuronikuru", "カナル");
    }

    @Test
    void detail_reads_every_season_including_films_as_season_zero() {
        TitleDetail detail = site.detail("kanal-chronicles");
        assertThat(detail.title().title()).isEqualTo("Kanal Chronicles");
        assertThat(detail.title().year()).isEqualTo(2019);
        assertThat(detail.title().ids().imdb()).isEqualTo("tt0000101");
        assertThat(detail.description()).isEqualTo("Beschreibung von Kanal Chronicles.");
        assertThat(detail.seasons()).extracting(SeasonRef::number).containsExactly(0, 1, 2);
        assertThat(detail.seasons().get(1).episodes()).hasSize(2);
        assertThat(detail.seasons().get(1).episodes().getFirst().languages())
                .containsExactlyInAnyOrder(Language.GERMAN_DUB, Language.GERMAN_SUB, Language.ENGLISH_SUB);
        // the season table shows the hoster icons beside the flags: stored per language, not yet paired
        var hosters = detail.seasons().get(1).episodes().getFirst().hosters();
        assertThat(hosters.byLanguage()).containsOnlyKeys(Language.GERMAN_DUB, Language.GERMAN_SUB, Language.ENGLISH_SUB);
        assertThat(hosters.forLanguage(Language.GERMAN_SUB)).isNotEmpty();
        assertThat(hosters.paired()).isFalse();
        assertThat(detail.seasons().getFirst().episodes().getFirst().titleEn()).contains("[Movie]");
    }

    @Test
    void hoster_links_are_on_the_prefixed_base_and_resolve_to_the_embed() {
        List<HosterLink> links = site.hosterLinks(new EpisodeAddress(SiteId.ANIWORLD, "kanal-chronicles", 1, 1));
        assertThat(links).hasSize(6);
        assertThat(links).extracting(HosterLink::language).contains(Language.GERMAN_DUB, Language.ENGLISH_SUB);
        HosterLink first = links.getFirst();
        assertThat(first.linkOut().toString()).startsWith(fake.baseUrl() + "/redirect/");
        URI embed = site.resolveLinkOut(first);
        assertThat(embed.getHost()).isEqualTo("localhost");
        assertThat(embed.getPath()).startsWith("/embed/");
    }

    @Test
    void film_entries_are_season_zero_episodes() {
        List<HosterLink> links = site.hosterLinks(new EpisodeAddress(SiteId.ANIWORLD, "kanal-chronicles", 0, 1));
        assertThat(links).singleElement().satisfies(l -> assertThat(l.language()).isEqualTo(Language.GERMAN_SUB));
    }

    @Test
    void a_series_without_films_has_no_season_zero() {
        assertThat(site.detail("quiet-harbor").seasons()).extracting(SeasonRef::number).containsExactly(1);
    }

    @Test
    void unknown_title_is_not_found() {
        assertThatThrownBy(() -> site.detail("no-such-anime"))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failure()).isInstanceOf(ProviderFailure.NotFound.class));
    }

    @Test
    void search_uses_series_search_and_falls_back_to_the_post_search() {
        assertThat(site.search("Quiet Harbor")).extracting(TitleRef::slug).containsExactly("quiet-harbor");
        assertThat(site.search("nothing matches")).isEmpty();
        var blocked = fake.server().stubFor(get(urlPathEqualTo("/aniworld/ajax/seriesSearch")).atPriority(1)
                .willReturn(aResponse().withStatus(403)));
        try {
            assertThat(site.search("Kanal")).extracting(TitleRef::slug).containsExactly("kanal-chronicles", "quiet-harbor");
        } finally {
            fake.server().removeStub(blocked);
        }
    }

    @Test
    void a_challenge_page_is_blocked_and_not_parsed() {
        fake.server().stubFor(get(urlEqualTo("/aniworld/anime/stream/walled")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody(Fixtures.site("aniworld", "challenge-cloudflare.html"))));
        assertThatThrownBy(() -> site.detail("walled")).isInstanceOfSatisfying(ProviderException.class, e ->
                assertThat(e.failure()).isEqualTo(new ProviderFailure.Blocked(
                        URI.create(fake.baseUrl() + "/anime/stream/walled"), ChallengeKind.CLOUDFLARE)));
        fake.server().verify(1, getRequestedFor(urlEqualTo("/aniworld/anime/stream/walled")));
    }

    @Test
    void a_redirect_that_stays_on_the_site_is_a_captcha() {
        fake.server().stubFor(get(urlEqualTo("/aniworld/redirect/1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body><form>Bitte bestätigen</form></body></html>")));
        HosterLink link = new HosterLink("VOE", Language.GERMAN_DUB, URI.create(fake.baseUrl() + "/redirect/1"));
        assertThatThrownBy(() -> site.resolveLinkOut(link)).isInstanceOfSatisfying(ProviderException.class, e ->
                assertThat(e.failure()).isInstanceOf(ProviderFailure.Blocked.class));
    }

    @Test
    void a_redirect_to_the_same_host_outside_the_site_path_is_a_hoster() {
        fake.server().stubFor(get(urlEqualTo("/aniworld/redirect/77")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + fake.server().port() + "/voe/e/abc123")));
        HosterLink link = new HosterLink("VOE", Language.GERMAN_DUB, URI.create(fake.baseUrl() + "/redirect/77"));
        assertThat(site.resolveLinkOut(link)).hasPath("/voe/e/abc123");
    }

    @Test
    void a_failing_server_is_unreachable_after_the_configured_retries() {
        fake.server().stubFor(get(urlEqualTo("/aniworld/anime/stream/broken")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> site.detail("broken")).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.failure()).isEqualTo(new ProviderFailure.Unreachable(
                    URI.create(fake.baseUrl() + "/anime/stream/broken"), "HTTP 502"));
            assertThat(e.failure().transientFailure()).isTrue();
        });
        fake.server().verify(2, getRequestedFor(urlEqualTo("/aniworld/anime/stream/broken")));
    }

    @Test
    void recent_episodes_come_from_the_new_episodes_page() {
        assertThat(site.recentEpisodes()).extracting(r -> r.episode().slug() + " " + r.episode().season() + "x"
                + r.episode().episode() + " " + r.language()).containsExactly(
                "quiet-harbor 1x1 German Sub",
                "kanal-chronicles 2x1 German Sub");
    }

    @Test
    void hosters_see_the_sites_origin_as_referer_without_the_path_prefix() {
        assertThat(site.embedReferer()).contains("http://127.0.0.1:" + fake.server().port() + "/");
    }
}
