package dev.kanal.providers.site.megakino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.HosterHints;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import dev.kanal.providers.http.ChallengeDetector;
import dev.kanal.providers.site.SiteAddress;
import dev.kanal.providers.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MegakinoPagesTest {
    static final SiteAddress BASE = SiteAddress.of("https://megakino.example");
    static final URI URL = URI.create("https://megakino.example/films/5920-example-movie.html");

    static Document doc(String name) {
        return Jsoup.parse(Fixtures.site("megakino", name), URL.toString());
    }

    static List<URI> sitemap(String xml, List<TitleRef> sink) {
        return MegakinoPages.sitemap(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), URL,
                new HashSet<>(), sink::add);
    }

    @Test
    void sitemap_yields_films_and_serials_with_lastmod_and_id_slugs() {
        List<TitleRef> titles = new ArrayList<>();
        assertThat(sitemap(Fixtures.site("megakino", "sitemap-urlset.xml"), titles)).isEmpty();
        assertThat(titles).extracting(TitleRef::slug).containsExactly("5881-example-show-1-staffel",
                "5920-example-movie", "6001-other-show-5-stafffel", "7000-no-date");
        assertThat(titles.getFirst().kind()).isEqualTo(TitleKind.SERIES);
        assertThat(titles.getFirst().title()).isEqualTo("Example Show 1 Staffel");
        assertThat(titles.getFirst().lastModified()).isEqualTo(Instant.parse("2025-12-17T00:00:00Z"));
        assertThat(titles.get(1).kind()).isEqualTo(TitleKind.MOVIE);
        assertThat(titles.get(1).lastModified()).isEqualTo(Instant.parse("2025-12-17T09:30:00Z"));
        assertThat(titles.get(2).lastModified()).isEqualTo(Instant.parse("2025-11-02T08:00:00Z"));
        assertThat(titles.get(3).lastModified()).isNull();
    }

    @Test
    void sitemap_index_returns_its_children_namespace_prefix_and_all() {
        List<TitleRef> titles = new ArrayList<>();
        assertThat(sitemap(Fixtures.site("megakino", "sitemap-index.xml"), titles)).containsExactly(
                URI.create("https://megakino.example/sitemap-films.xml"),
                URI.create("https://megakino.example/sitemap-serials.xml"));
        assertThat(titles).isEmpty();
    }

    @Test
    void html_instead_of_a_sitemap_is_a_markup_change() {
        assertThatThrownBy(() -> sitemap("<html><body>parked</body></html>", new ArrayList<>()))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failure()).isInstanceOf(ProviderFailure.MarkupChanged.class));
    }

    @Test
    void film_page_yields_title_year_and_one_link_per_player_tab() {
        var page = MegakinoPages.title(doc("film.html"), URL, "5920-example-movie", TitleKind.MOVIE, BASE);
        assertThat(page.title().title()).isEqualTo("Example Movie");
        assertThat(page.title().altTitles()).containsExactly("Exemple Original");
        assertThat(page.title().year()).isEqualTo(2024);
        assertThat(page.title().kind()).isEqualTo(TitleKind.MOVIE);
        assertThat(page.description()).isEqualTo("Ein Film & seine Beschreibung.");
        assertThat(page.episodes()).isEmpty();
        assertThat(page.movieLinks()).containsExactly(
                new HosterLink("GXPlayer", Language.GERMAN_DUB, URI.create("https://watch.gxplayer.xyz/watch?v=AbCdEf12")),
                new HosterLink("Voe", Language.GERMAN_DUB, URI.create("https://voe.sx/e/abc123xyz")),
                new HosterLink("Doodstream", Language.GERMAN_DUB, URI.create("https://myvidplay.com/e/abc123")));
    }

    @Test
    void film_variant_without_tabs_uses_every_iframe_and_og_title() {
        var page = MegakinoPages.title(doc("film-variant.html"), URL, "1-variant-film", TitleKind.MOVIE, BASE);
        assertThat(page.title().title()).isEqualTo("Variant Film");
        assertThat(page.title().year()).isNull();
        assertThat(page.movieLinks()).extracting(HosterLink::hoster).containsExactly("voe", "filemoon");
    }

    @Test
    void serial_page_lists_episodes_and_per_episode_hosters() {
        Document doc = doc("serial.html");
        var page = MegakinoPages.title(doc, URL, "5881-example-show-2-staffel", TitleKind.SERIES, BASE);
        assertThat(page.title().kind()).isEqualTo(TitleKind.SERIES);
        assertThat(page.episodes()).containsExactly(
                new EpisodeRef(2, 1, "Episode 1", null, Set.of(Language.GERMAN_DUB),
                        new HosterHints(Map.of(Language.GERMAN_DUB, List.of("Voe", "GXPlayer")), true)),
                new EpisodeRef(2, 2, "Episode 2", null, Set.of(Language.GERMAN_DUB),
                        new HosterHints(Map.of(Language.GERMAN_DUB, List.of("Doodstream")), true)));
        assertThat(MegakinoPages.episodeLinks(doc, URL, 1, BASE)).extracting(HosterLink::hoster)
                .containsExactly("Voe", "GXPlayer");
        assertThat(MegakinoPages.episodeLinks(doc, URL, 2, BASE)).containsExactly(
                new HosterLink("Doodstream", Language.GERMAN_DUB, URI.create("https://dood.li/e/bbb222")));
        assertThatThrownBy(() -> MegakinoPages.episodeLinks(doc, URL, 7, BASE))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure())
                        .isEqualTo(new ProviderFailure.MarkupChanged(URL, "hoster select of episode 7", "select#ep7")));
    }

    @Test
    void season_comes_from_the_slug_even_when_misspelt() {
        assertThat(MegakinoPages.season("5881-example-show-2-staffel")).isEqualTo(2);
        assertThat(MegakinoPages.season("6001-other-show-5-stafffel")).isEqualTo(5);
        assertThat(MegakinoPages.season("6002-mini-series")).isEqualTo(1);
    }

    @Test
    void search_cards_tell_films_from_serials() {
        List<TitleRef> hits = MegakinoPages.searchCards(doc("search.html"));
        assertThat(hits).extracting(TitleRef::slug, TitleRef::kind, TitleRef::year).containsExactly(
                org.assertj.core.groups.Tuple.tuple("5920-example-movie", TitleKind.MOVIE, 2024),
                org.assertj.core.groups.Tuple.tuple("5881-example-show-2-staffel", TitleKind.SERIES, 2022));
    }

    @Test
    void a_page_without_title_or_players_is_a_markup_change() {
        assertThatThrownBy(() -> MegakinoPages.title(Jsoup.parse("<p>x</p>"), URL, "1-x", TitleKind.MOVIE, BASE))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure())
                        .isEqualTo(new ProviderFailure.MarkupChanged(URL, "title", MegakinoPages.TITLE)));
        assertThatThrownBy(() -> MegakinoPages.title(Jsoup.parse("<h1>x</h1>"), URL, "1-x", TitleKind.MOVIE, BASE))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure())
                        .isEqualTo(new ProviderFailure.MarkupChanged(URL, "player iframes", MegakinoPages.TAB_FRAMES)));
    }

    static Stream<Path> everyFixture() {
        return Fixtures.siteFiles("megakino").stream().filter(p -> p.toString().endsWith(".html"));
    }

    @ParameterizedTest
    @MethodSource("everyFixture")
    void every_fixture_parses_into_sane_records(Path file) {
        String html = Fixtures.read(file);
        assertThat(new ChallengeDetector().detect(200, null, html)).isEmpty();
        Document doc = Jsoup.parse(html, URL.toString());
        if (doc.selectFirst("#dle-content") != null) {
            assertThat(MegakinoPages.searchCards(doc)).allSatisfy(t -> assertThat(t.title()).isNotBlank());
            return;
        }
        var page = MegakinoPages.title(doc, URL, "1-fixture", TitleKind.MOVIE, BASE);
        assertThat(page.title().title()).isNotBlank();
        Set<Integer> numbers = new HashSet<>();
        for (EpisodeRef e : page.episodes()) {
            assertThat(e.episode()).isGreaterThanOrEqualTo(1);
            assertThat(numbers.add(e.episode())).isTrue();
            assertThat(MegakinoPages.episodeLinks(doc, URL, e.episode(), BASE)).allSatisfy(MegakinoPagesTest::sane);
        }
        page.movieLinks().forEach(MegakinoPagesTest::sane);
    }

    static void sane(HosterLink link) {
        assertThat(link.linkOut().isAbsolute()).isTrue();
        assertThat(link.linkOut().getScheme()).isEqualTo("https");
        assertThat(link.linkOut().getHost()).doesNotContain("speedfiles");
        assertThat(link.language()).isEqualTo(Language.GERMAN_DUB);
    }
}
