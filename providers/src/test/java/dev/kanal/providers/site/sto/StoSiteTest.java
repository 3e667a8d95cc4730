package dev.kanal.providers.site.sto;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import dev.kanal.providers.testing.FakeCatalog;
import dev.kanal.providers.testing.FakeSto;
import dev.kanal.providers.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** StoSite end to end against a fake serienstream.to (no prefix, to cover the plain case). */
class StoSiteTest {
    static FakeSto fake;
    static Site site;

    @BeforeAll
    static void start() {
        fake = new FakeSto(FakeCatalog.series(), "");
        site = Providers.create(fake.settings()).site(SiteId.STO).orElseThrow();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void catalogue_streams_every_series() {
        List<TitleRef> titles = new ArrayList<>();
        site.titles(titles::add);
        assertThat(titles).extracting(TitleRef::slug).containsExactly("deep-shelter", "its-fine");
        assertThat(titles.get(1).title()).isEqualTo("It's Fine");
    }

    @Test
    void detail_walks_every_season() {
        TitleDetail detail = site.detail("deep-shelter");
        assertThat(detail.title().ids().imdb()).isEqualTo("tt0000202");
        assertThat(detail.seasons()).extracting(SeasonRef::number).containsExactly(1, 2);
        assertThat(detail.seasons().get(0).episodes().getFirst().languages())
                .containsExactlyInAnyOrder(Language.GERMAN_DUB, Language.ENGLISH_DUB);
        assertThat(detail.seasons().get(1).episodes().getFirst().languages()).containsExactly(Language.GERMAN_SUB);
        // one flag: the row's hoster logos certainly serve that language
        var hosters = detail.seasons().get(1).episodes().getFirst().hosters();
        assertThat(hosters.paired()).isTrue();
        assertThat(hosters.forLanguage(Language.GERMAN_SUB)).isNotEmpty();
        assertThat(detail.seasons().get(0).episodes().getFirst().hosters().paired()).isFalse();
    }

    @Test
    void hoster_links_keep_the_placeholder_and_resolve_by_redirect() {
        List<HosterLink> links = site.hosterLinks(new EpisodeAddress(SiteId.STO, "deep-shelter", 1, 1));
        assertThat(links).extracting(HosterLink::hoster).containsExactly("VOE", "Provider", "VOE", "Provider");
        HosterLink placeholder = links.get(1);
        java.net.URI embed = site.resolveLinkOut(placeholder);
        assertThat(embed.getPath()).startsWith("/embed/voe/e/");
        assertThat(fake.embeds()).contains(new dev.kanal.providers.testing.FakeSite.Embed("VOE", embed));
    }

    @Test
    void behind_a_path_a_link_out_to_the_same_host_outside_the_path_is_the_hoster_and_inside_it_the_gate() {
        try (FakeSto mirror = new FakeSto(FakeCatalog.series(), "/sto")) {
            Site prefixed = Providers.create(mirror.settings()).site(SiteId.STO).orElseThrow();
            String host = "http://127.0.0.1:" + mirror.server().port();
            mirror.server().stubFor(get(urlEqualTo("/sto/r?t=out")).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", host + "/voe/e/abc123")));
            mirror.server().stubFor(get(urlEqualTo("/sto/r?t=in")).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", host + "/sto/")));
            HosterLink out = new HosterLink("VOE", Language.GERMAN_DUB, java.net.URI.create(mirror.baseUrl() + "/r?t=out"));
            HosterLink in = new HosterLink("VOE", Language.GERMAN_DUB, java.net.URI.create(mirror.baseUrl() + "/r?t=in"));
            assertThat(prefixed.resolveLinkOut(out)).hasPath("/voe/e/abc123");
            assertThatThrownBy(() -> prefixed.resolveLinkOut(in)).isInstanceOfSatisfying(ProviderException.class,
                    e -> assertThat(e.failure()).isInstanceOf(ProviderFailure.Blocked.class));
        }
    }

    @Test
    void the_link_gate_is_blocked_not_parsed() {
        List<HosterLink> links = site.hosterLinks(new EpisodeAddress(SiteId.STO, "its-fine", 1, 1));
        HosterLink link = links.getFirst();
        int id = Integer.parseInt(link.linkOut().getQuery().replace("t=token", ""));
        fake.gate(id);
        assertThatThrownBy(() -> site.resolveLinkOut(link)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure()).isEqualTo(new ProviderFailure.Blocked(link.linkOut(), ChallengeKind.LINK_GATE)));
    }

    @Test
    void a_turnstile_page_on_the_link_out_is_reported_as_turnstile() {
        fake.server().stubFor(get(urlEqualTo("/r?t=turnstile")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(Fixtures.site("sto", "challenge-turnstile.html"))));
        HosterLink link = new HosterLink("VOE", Language.GERMAN_DUB, java.net.URI.create(fake.baseUrl() + "/r?t=turnstile"));
        assertThatThrownBy(() -> site.resolveLinkOut(link)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure()).isEqualTo(new ProviderFailure.Blocked(link.linkOut(), ChallengeKind.TURNSTILE)));
    }

    @Test
    void a_ddos_guard_answer_is_blocked() {
        fake.server().stubFor(get(urlEqualTo("/serie/guarded")).willReturn(aResponse().withStatus(403)
                .withHeader("Server", "ddos-guard").withBody(Fixtures.site("sto", "challenge-ddos-guard.html"))));
        assertThatThrownBy(() -> site.detail("guarded")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.failure()).isInstanceOfSatisfying(ProviderFailure.Blocked.class,
                        b -> assertThat(b.kind()).isEqualTo(ChallengeKind.DDOS_GUARD)));
    }

    @Test
    void search_uses_suggest_then_the_search_page() {
        assertThat(site.search("Deep Shelter")).extracting(TitleRef::slug).containsExactly("deep-shelter");
        var down = fake.server().stubFor(get(urlPathEqualTo("/api/search/suggest")).atPriority(1)
                .willReturn(aResponse().withStatus(404)));
        fake.server().stubFor(get(urlPathEqualTo("/suche")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(Fixtures.shared("sto-v2/serienstream-search-silo.html"))));
        try {
            assertThat(site.search("silo")).extracting(TitleRef::slug).containsExactly("silo");
        } finally {
            fake.server().removeStub(down);
        }
    }

    @Test
    void search_falls_back_to_our_own_search_page() {
        var down = fake.server().stubFor(get(urlPathEqualTo("/api/search/suggest")).atPriority(1)
                .willReturn(aResponse().withStatus(404)));
        var page = fake.server().stubFor(get(urlPathEqualTo("/suche")).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(Fixtures.site("sto", "search.html"))));
        try {
            assertThat(site.search("orchard")).extracting(TitleRef::slug).containsExactly("glass-orchard");
        } finally {
            fake.server().removeStub(down);
            fake.server().removeStub(page);
        }
    }

    @Test
    void our_own_pages_served_locally_walk_from_series_to_link_outs() {
        String season = Fixtures.site("sto", "season.html");
        for (String path : List.of("/serie/glass-orchard", "/serie/glass-orchard/staffel-2", "/serie/glass-orchard/staffel-3")) {
            fake.server().stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(season)));
        }
        fake.server().stubFor(get(urlEqualTo("/serie/glass-orchard/staffel-1/episode-1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(Fixtures.site("sto", "episode.html"))));
        TitleDetail detail = site.detail("glass-orchard");
        assertThat(detail.title().title()).isEqualTo("Glass Orchard");
        assertThat(detail.seasons()).extracting(SeasonRef::number).containsExactly(1, 2, 3);
        assertThat(detail.seasons().getFirst().episodes()).hasSize(4);
        List<HosterLink> links = site.hosterLinks(new EpisodeAddress(SiteId.STO, "glass-orchard", 1, 1));
        assertThat(links).hasSize(4).allSatisfy(l -> assertThat(l.linkOut().toString()).startsWith(fake.baseUrl() + "/r?t="));
    }

    @Test
    void a_missing_episode_is_not_found() {
        assertThatThrownBy(() -> site.hosterLinks(new EpisodeAddress(SiteId.STO, "deep-shelter", 9, 9)))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failure()).isInstanceOf(ProviderFailure.NotFound.class));
    }

    @Test
    void the_real_captures_served_locally_walk_from_series_to_link_outs() {
        String season = Fixtures.shared("sto-v2/serienstream-detail-silo.html");
        for (String path : List.of("/serie/silo", "/serie/silo/staffel-2", "/serie/silo/staffel-3")) {
            fake.server().stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(season)));
        }
        fake.server().stubFor(get(urlEqualTo("/serie/silo/staffel-1/episode-1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8")
                .withBody(Fixtures.shared("sto-v2/serienstream-episode-silo-s1e1.html"))));
        TitleDetail detail = site.detail("silo");
        assertThat(detail.title().title()).isEqualTo("Silo");
        assertThat(detail.seasons()).extracting(SeasonRef::number).containsExactly(1, 2, 3);
        assertThat(detail.seasons().getFirst().episodes()).hasSize(10);
        List<HosterLink> links = site.hosterLinks(new EpisodeAddress(SiteId.STO, "silo", 1, 1));
        assertThat(links).hasSize(4).allSatisfy(l -> assertThat(l.linkOut().toString()).startsWith(fake.baseUrl() + "/r?t="));
    }

    @Test
    void recent_episodes_come_from_the_new_episodes_table() {
        assertThat(site.recentEpisodes()).extracting(r -> r.episode().slug() + " " + r.episode().season() + "x"
                + r.episode().episode() + " " + r.language()).containsExactly(
                "its-fine 1x1 English Dub",
                "deep-shelter 2x1 German Sub");
    }
}
