package dev.kanal.providers.site.megakino;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import dev.kanal.providers.testing.FakeCatalog;
import dev.kanal.providers.testing.FakeMegakino;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MegakinoSite against a fake Megakino configured with a base URL carrying a path prefix. */
class MegakinoSiteTest {
    static FakeMegakino fake;
    static Site site;

    @BeforeAll
    static void start() {
        fake = new FakeMegakino(FakeCatalog.movies(), "/mk");
        site = Providers.create(fake.settings()).site(SiteId.MEGAKINO).orElseThrow();
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @Test
    void catalogue_follows_the_sitemap_index() {
        List<TitleRef> titles = new ArrayList<>();
        site.titles(titles::add);
        assertThat(titles).extracting(TitleRef::slug, TitleRef::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("5920-example-movie", TitleKind.MOVIE),
                org.assertj.core.groups.Tuple.tuple("5881-example-show-2-staffel", TitleKind.SERIES));
        assertThat(titles.getFirst().lastModified()).isEqualTo(Instant.parse("2025-12-17T09:00:00Z"));
    }

    @Test
    void a_film_is_a_movie_with_its_player_links() {
        TitleDetail detail = site.detail("5920-example-movie");
        assertThat(detail.title().kind()).isEqualTo(TitleKind.MOVIE);
        assertThat(detail.title().year()).isEqualTo(2024);
        assertThat(detail.seasons()).isEmpty();
        assertThat(detail.movieHosters().forLanguage(Language.GERMAN_DUB)).containsExactly("GXPlayer", "Voe");
        assertThat(detail.movieHosters().paired()).isTrue();
        List<HosterLink> links = site.hosterLinks(EpisodeAddress.movie(SiteId.MEGAKINO, "5920-example-movie"));
        assertThat(links).extracting(HosterLink::hoster).containsExactly("GXPlayer", "Voe");
        // protocol-relative iframe: takes the base's scheme
        assertThat(links.get(1).linkOut().toString()).startsWith("http://localhost:");
        assertThat(site.resolveLinkOut(links.get(1))).isEqualTo(links.get(1).linkOut());
        assertThat(fake.embeds()).extracting(e -> e.url()).contains(links.get(0).linkOut(), links.get(1).linkOut());
        fake.server().verify(getRequestedFor(urlEqualTo("/mk/index.php?yg=token")));
    }

    @Test
    void a_serial_has_one_season_with_per_episode_hosters() {
        TitleDetail detail = site.detail("5881-example-show-2-staffel");
        assertThat(detail.seasons()).extracting(SeasonRef::number).containsExactly(2);
        assertThat(detail.seasons().getFirst().episodes()).hasSize(2);
        assertThat(detail.seasons().getFirst().episodes().getFirst().hosters().forLanguage(Language.GERMAN_DUB))
                .containsExactly("VOE", "GXPlayer");
        List<HosterLink> links = site.hosterLinks(new EpisodeAddress(SiteId.MEGAKINO, "5881-example-show-2-staffel", 2, 1));
        assertThat(links).extracting(HosterLink::hoster).containsExactly("VOE", "GXPlayer");
    }

    @Test
    void search_posts_the_dle_form() {
        assertThat(site.search("example")).extracting(TitleRef::slug)
                .containsExactly("5920-example-movie", "5881-example-show-2-staffel");
    }
}
