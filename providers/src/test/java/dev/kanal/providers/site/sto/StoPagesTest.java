package dev.kanal.providers.site.sto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.HosterHints;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.RecentEpisode;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleRef;
import dev.kanal.providers.http.ChallengeDetector;
import dev.kanal.providers.site.SiteAddress;
import dev.kanal.providers.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

class StoPagesTest {
    static final SiteAddress BASE = SiteAddress.of("http://127.0.0.1:9000/sto");
    static final URI URL = URI.create("http://127.0.0.1:9000/sto/page");

    static Document own(String name) {
        return Jsoup.parse(Fixtures.site("sto", name), URL.toString());
    }

    static Document real(String name) {
        return Jsoup.parse(Fixtures.shared("sto-v2/" + name), URL.toString());
    }

    static List<TitleRef> catalogue(String html) throws Exception {
        List<TitleRef> out = new ArrayList<>();
        StoPages.catalogue(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)), URL, out::add);
        return out;
    }

    @Test
    void catalogue_lists_series_once_with_search_text_as_alternative() throws Exception {
        List<TitleRef> titles = catalogue(Fixtures.site("sto", "catalogue.html"));
        assertThat(titles).extracting(TitleRef::slug)
                .containsExactly("9-1-1", "silo", "its-always-sunny-in-philadelphia", "die-simpsons");
        assertThat(titles.getFirst().altTitles()).containsExactly("9-1-1 notruf l.a.");
        assertThat(titles.get(1).altTitles()).isEmpty();
        assertThat(titles.get(2).title()).isEqualTo("It's Always Sunny in Philadelphia");
        assertThat(titles.get(3).altTitles()).containsExactly("The Simpsons", "die simpsons the simpsons");
    }

    @Test
    void real_season_page_yields_header_seasons_and_every_episode() {
        Document doc = real("serienstream-detail-silo.html");
        var series = StoPages.series(doc, URL, "silo");
        assertThat(series.title().title()).isEqualTo("Silo");
        assertThat(series.title().year()).isEqualTo(2023);
        assertThat(series.title().ids().imdb()).isEqualTo("tt14688458");
        assertThat(series.description()).startsWith("„Silo“ spielt in naher Zukunft");
        assertThat(series.seasons()).containsExactly(1, 2, 3);
        assertThat(series.shownSeason()).contains(1);

        List<EpisodeRef> episodes = StoPages.season(doc, URL, 1);
        assertThat(episodes).extracting(EpisodeRef::episode).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(episodes.getFirst()).isEqualTo(new EpisodeRef(1, 1, "Freiheitstag", "Freedom Day",
                Set.of(Language.GERMAN_DUB, Language.ENGLISH_DUB), HosterHints.ofRow(
                        Set.of(Language.GERMAN_DUB, Language.ENGLISH_DUB), List.of("VOE"))));
        // the row shows the VOE logo beside two flags: which language VOE serves is not on this page
        assertThat(episodes.getFirst().hosters().paired()).isFalse();
        assertThat(episodes.getFirst().hosters().forLanguage(Language.ENGLISH_DUB)).containsExactly("VOE");
        assertThat(episodes.get(1).titleEn()).isEqualTo("Holston`s Pick");
        assertThat(episodes).allSatisfy(e -> assertThat(e.titleDe()).doesNotEndWith(" "));
    }

    @Test
    void real_episode_page_keeps_the_provider_placeholder_and_both_languages() {
        var page = StoPages.episode(real("serienstream-episode-silo-s1e1.html"), URL, BASE);
        assertThat(page.titleDe()).isEqualTo("Freiheitstag");
        assertThat(page.titleEn()).isEqualTo("Freedom Day");
        assertThat(page.languages()).containsExactlyInAnyOrder(Language.GERMAN_DUB, Language.ENGLISH_DUB);
        assertThat(page.links()).extracting(HosterLink::hoster, HosterLink::language).containsExactly(
                org.assertj.core.groups.Tuple.tuple("VOE", Language.GERMAN_DUB),
                org.assertj.core.groups.Tuple.tuple("Provider", Language.GERMAN_DUB),
                org.assertj.core.groups.Tuple.tuple("VOE", Language.ENGLISH_DUB),
                org.assertj.core.groups.Tuple.tuple("Provider", Language.ENGLISH_DUB));
        assertThat(page.links().getFirst().linkOut().toString())
                .startsWith("http://127.0.0.1:9000/sto/r?t=eyJpdiI6IkxkM2dIN0F1U1FGODl2L0hoNXphaUE9PSIs")
                .endsWith("%3D%3D");
    }

    @Test
    void real_search_page_finds_the_show_once_despite_repeated_groups() {
        List<TitleRef> hits = StoPages.showCards(real("serienstream-search-silo.html"));
        assertThat(hits).extracting(TitleRef::slug, TitleRef::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("silo", "Silo"));
    }

    @Test
    void real_genre_page_lists_thirty_cards() {
        List<TitleRef> cards = StoPages.showCards(real("serienstream-genre-action-p2.html"));
        assertThat(cards).hasSize(30);
        assertThat(cards.getFirst()).extracting(TitleRef::slug, TitleRef::title)
                .containsExactly("adventure-beast", "Adventure Beast");
    }

    @Test
    void real_popular_page_cards_have_trimmed_titles_and_series_slugs() {
        List<TitleRef> cards = StoPages.showCards(real("serienstream-popular.html"));
        assertThat(cards).hasSizeGreaterThan(100);
        assertThat(cards).extracting(TitleRef::slug).contains("the-pacific").doesNotHaveDuplicates()
                .allSatisfy(s -> assertThat(s).doesNotContain("/"));
        assertThat(cards).allSatisfy(t -> assertThat(t.title()).isEqualTo(t.title().strip()).isNotBlank());
    }

    @Test
    void own_season_page_yields_header_seasons_and_every_episode() {
        Document doc = own("season.html");
        var series = StoPages.series(doc, URL, "glass-orchard");
        assertThat(series.title().title()).isEqualTo("Glass Orchard");
        assertThat(series.title().year()).isEqualTo(2021);
        assertThat(series.title().ids().imdb()).isEqualTo("tt9876501");
        assertThat(series.description()).startsWith("„Glass Orchard“ erzählt");
        assertThat(series.seasons()).containsExactly(1, 2, 3);
        assertThat(series.shownSeason()).contains(1);

        List<EpisodeRef> episodes = StoPages.season(doc, URL, 1);
        assertThat(episodes).extracting(EpisodeRef::episode).containsExactly(1, 2, 3, 4);
        assertThat(episodes.getFirst()).isEqualTo(new EpisodeRef(1, 1, "Das Leck", "The Leak",
                Set.of(Language.GERMAN_DUB, Language.ENGLISH_DUB), HosterHints.ofRow(
                        Set.of(Language.GERMAN_DUB, Language.ENGLISH_DUB), List.of("VOE"))));
        assertThat(episodes.getFirst().hosters().paired()).isFalse();
        assertThat(episodes.get(1).titleEn()).isEqualTo("Ada`s Ladder");
        assertThat(episodes.get(2).titleDe()).isEqualTo("Der Zweifel");
        assertThat(episodes.get(2).hosters().paired()).isTrue();
        assertThat(episodes.get(3).hosters().forLanguage(Language.ENGLISH_DUB)).containsExactly("VOE", "Vidoza");
        assertThat(episodes).allSatisfy(e -> assertThat(e.titleDe()).doesNotEndWith(" "));
    }

    @Test
    void own_episode_page_keeps_the_provider_placeholder_and_both_languages() {
        var page = StoPages.episode(own("episode.html"), URL, BASE);
        assertThat(page.titleDe()).isEqualTo("Das Leck");
        assertThat(page.titleEn()).isEqualTo("The Leak");
        assertThat(page.languages()).containsExactlyInAnyOrder(Language.GERMAN_DUB, Language.ENGLISH_DUB);
        assertThat(page.links()).extracting(HosterLink::hoster, HosterLink::language).containsExactly(
                org.assertj.core.groups.Tuple.tuple("VOE", Language.GERMAN_DUB),
                org.assertj.core.groups.Tuple.tuple("Provider", Language.GERMAN_DUB),
                org.assertj.core.groups.Tuple.tuple("VOE", Language.ENGLISH_DUB),
                org.assertj.core.groups.Tuple.tuple("Provider", Language.ENGLISH_DUB));
        assertThat(page.links().getFirst().linkOut())
                .isEqualTo(URI.create("http://127.0.0.1:9000/sto/r?t=a2FuYWwtdGVzdC10b2tlbi0x"));
        assertThat(page.links().get(1).linkOut().toString()).endsWith("%3D%3D");
    }

    @Test
    void own_search_page_finds_the_show_once_despite_repeated_groups_and_episode_hits() {
        List<TitleRef> hits = StoPages.showCards(own("search.html"));
        assertThat(hits).extracting(TitleRef::slug, TitleRef::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("glass-orchard", "Glass Orchard"));
    }

    @Test
    void own_genre_page_lists_every_card_eager_and_lazy() {
        List<TitleRef> cards = StoPages.showCards(own("genre.html"));
        assertThat(cards).hasSize(12);
        assertThat(cards.getFirst()).extracting(TitleRef::slug, TitleRef::title)
                .containsExactly("ashfall-county", "Ashfall County");
        assertThat(cards).extracting(TitleRef::title).contains("Falcon's Debt", "Iron Lullaby");
    }

    @Test
    void own_popular_page_cards_have_trimmed_titles_and_series_slugs() {
        List<TitleRef> cards = StoPages.showCards(own("popular.html"));
        assertThat(cards).extracting(TitleRef::slug).containsExactly("glass-orchard", "harbor-nine",
                "falcon-s-debt", "quiet-engines", "blue-meridian", "lantern-street", "paper-kingdom",
                "north-of-nowhere", "atlas-der-winde", "kaiserwetter");
        assertThat(cards).allSatisfy(t -> assertThat(t.title()).isEqualTo(t.title().strip()).isNotBlank());
    }

    @Test
    void series_page_missing_optional_parts_falls_back_to_the_episode_nav() {
        Document doc = own("series-minimal.html");
        var series = StoPages.series(doc, URL, "minimal-show");
        assertThat(series.title().title()).isEqualTo("Minimal & Show");
        assertThat(series.title().year()).isNull();
        assertThat(series.title().ids().isEmpty()).isTrue();
        assertThat(series.description()).isNull();
        assertThat(StoPages.season(doc, URL, 1)).extracting(EpisodeRef::episode).containsExactly(1, 2);
    }

    @Test
    void season_variant_reads_german_sub_flags_and_numbers_from_onclick() {
        Document doc = own("season-variant.html");
        assertThat(StoPages.series(doc, URL, "variant-show").seasons()).containsExactly(0, 1);
        List<EpisodeRef> episodes = StoPages.season(doc, URL, 1);
        assertThat(episodes).containsExactly(
                new EpisodeRef(1, 1, "Anfang", "Beginning", Set.of(Language.ENGLISH_DUB, Language.GERMAN_SUB),
                        HosterHints.ofRow(Set.of(Language.ENGLISH_DUB, Language.GERMAN_SUB),
                                List.of("Doodstream", "vidoza"))),
                new EpisodeRef(1, 2, null, "Episode 062", Set.of(Language.ENGLISH_DUB),
                        new HosterHints(Map.of(Language.ENGLISH_DUB, List.of("Filemoon")), true)));
    }

    @Test
    void episode_variant_maps_labels_and_falls_back_for_missing_names() {
        var page = StoPages.episode(own("episode-variant.html"), URL, BASE);
        assertThat(page.titleDe()).isEqualTo("Nur Deutsch");
        assertThat(page.titleEn()).isNull();
        assertThat(page.links()).containsExactly(
                new HosterLink("Filemoon", Language.GERMAN_SUB, URI.create("http://127.0.0.1:9000/sto/r?t=AAA%3D%3D")),
                new HosterLink("Vidoza", Language.GERMAN_SUB, URI.create("https://serienstream.to/r?t=BBB")),
                new HosterLink("Provider", Language.ENGLISH_DUB, URI.create("http://127.0.0.1:9000/sto/r?t=CCC")));
    }

    @Test
    void a_page_without_hoster_buttons_is_a_markup_change() {
        assertThatThrownBy(() -> StoPages.episode(own("series-minimal.html"), URL, BASE))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure()).isEqualTo(
                        new ProviderFailure.MarkupChanged(URL, "hoster buttons", "#episode-links button[data-play-url]")));
    }

    @Test
    void a_page_without_any_episode_list_is_a_markup_change() {
        assertThatThrownBy(() -> StoPages.season(Jsoup.parse("<h1>x</h1>"), URL, 1))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure())
                        .isInstanceOf(ProviderFailure.MarkupChanged.class));
    }

    @Test
    void suggest_reads_shows_strips_highlights_and_deduplicates() {
        List<TitleRef> hits = StoPages.suggest(Fixtures.site("sto", "suggest.json"), URL);
        assertThat(hits).extracting(TitleRef::slug, TitleRef::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple("9-1-1", "9-1-1"),
                org.assertj.core.groups.Tuple.tuple("9-1-1-lone-star", "9-1-1: Lone Star"));
    }

    @Test
    void button_language_prefers_the_label_and_falls_back_to_the_id() {
        assertThat(StoPages.buttonLanguage("Deutsch", "2")).contains(Language.GERMAN_DUB);
        assertThat(StoPages.buttonLanguage("Ger-Sub", "")).contains(Language.GERMAN_SUB);
        assertThat(StoPages.buttonLanguage("", "2")).contains(Language.ENGLISH_DUB);
        assertThat(StoPages.buttonLanguage("?", "7")).isEmpty();
    }

    static Stream<Path> everyFixture() {
        return Stream.concat(Fixtures.siteFiles("sto").stream(), Fixtures.sharedFiles("sto-v2").stream())
                .filter(p -> p.toString().endsWith(".html"));
    }

    @ParameterizedTest
    @MethodSource("everyFixture")
    void every_fixture_parses_into_sane_records(Path file) throws Exception {
        String html = Fixtures.read(file);
        boolean challenge = file.getFileName().toString().startsWith("challenge-");
        assertThat(new ChallengeDetector().detect(200, null, html).isPresent()).as("challenge detected").isEqualTo(challenge);
        if (challenge) return;
        Document doc = Jsoup.parse(html, URL.toString());
        if (doc.selectFirst("ul.series-list") != null) {
            for (TitleRef t : catalogue(html)) assertThat(t.title()).isNotBlank();
        }
        if (doc.selectFirst(StoPages.EPISODE_TABLE) != null || doc.selectFirst("nav#episode-nav") != null) {
            assertThat(StoPages.series(doc, URL, "x").title().title()).isNotBlank();
            Set<Integer> numbers = new HashSet<>();
            for (EpisodeRef e : StoPages.season(doc, URL, 1)) {
                assertThat(e.episode()).isGreaterThanOrEqualTo(1);
                assertThat(numbers.add(e.episode())).isTrue();
            }
        }
        if (doc.selectFirst(StoPages.HOSTER_BUTTONS) != null) {
            for (HosterLink l : StoPages.episode(doc, URL, BASE).links()) {
                assertThat(l.linkOut().isAbsolute()).isTrue();
                assertThat(l.linkOut().getHost()).isIn("127.0.0.1", "serienstream.to");
                assertThat(l.linkOut().getPath()).isEqualTo(l.linkOut().getHost().equals("127.0.0.1") ? "/sto/r" : "/r");
                assertThat(l.hoster()).isNotBlank();
            }
        }
        for (TitleRef card : StoPages.showCards(doc)) {
            assertThat(card.title()).isNotBlank();
            assertThat(card.slug()).matches("[^/?#]+");
        }
    }

    @Test
    void new_episodes_table_lists_each_episode_once_with_its_flag_when_shown() {
        assertThat(StoPages.newEpisodes(own("new-episodes.html"), URL)).containsExactly(
                new RecentEpisode(new EpisodeAddress(SiteId.STO, "silo", 2, 7), Language.GERMAN_DUB),
                new RecentEpisode(new EpisodeAddress(SiteId.STO, "the-rookie", 7, 12), null));
        assertThatThrownBy(() -> StoPages.newEpisodes(own("season-variant.html"), URL))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failure()).isInstanceOf(ProviderFailure.MarkupChanged.class));
    }
}
