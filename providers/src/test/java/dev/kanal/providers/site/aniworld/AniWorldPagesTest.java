package dev.kanal.providers.site.aniworld;

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

class AniWorldPagesTest {
    static final SiteAddress BASE = SiteAddress.of("https://aniworld.example/prefix");
    static final URI URL = URI.create("https://aniworld.example/prefix/page");

    static Document doc(String name) {
        return Jsoup.parse(Fixtures.site("aniworld", name), URL.toString());
    }

    static List<TitleRef> catalogue(String html) throws Exception {
        List<TitleRef> out = new ArrayList<>();
        AniWorldPages.catalogue(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)), URL, out::add);
        return out;
    }

    @Test
    void catalogue_lists_every_title_once_with_decoded_alternative_titles() throws Exception {
        List<TitleRef> titles = catalogue(Fixtures.site("aniworld", "alphabet.html"));
        assertThat(titles).extracting(TitleRef::slug).containsExactly("attack-on-titan", "aho-girl", "akame-ga-kill",
                "kaguya-sama-love-is-war", "kimi-ni-todoke");
        assertThat(titles.getFirst().altTitles()).containsExactly("Shingeki no Kyojin", "進撃の巨人");
        assertThat(titles.get(1).title()).isEqualTo("Aho Girl");
        assertThat(titles.get(2).altTitles()).isEmpty();
        assertThat(titles.get(4).title()).isEqualTo("Kimi ni Todoke 'From Me to You'");
    }

    @Test
    void alternative_titles_drop_the_display_title_itself() {
        assertThat(AniWorldPages.splitAlternatives("Attack on Titan, Shingeki", "Attack on Titan"))
                .containsExactly("Shingeki");
    }

    @Test
    void a_catalogue_without_entries_is_a_markup_change() {
        assertThatThrownBy(() -> catalogue("<html><body><div id=seriesContainer></div></body></html>"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure())
                        .isEqualTo(new ProviderFailure.MarkupChanged(URL, "catalogue entries", AniWorldPages.CATALOGUE_ENTRY)));
    }

    @Test
    void series_page_yields_title_ids_year_description_and_seasons() {
        var page = AniWorldPages.series(doc("series.html"), URL, "example-anime");
        assertThat(page.title().title()).isEqualTo("Example Anime");
        assertThat(page.title().altTitles()).containsExactly("Exemplo", "Beispiel Anime");
        assertThat(page.title().year()).isEqualTo(2018);
        assertThat(page.title().ids().imdb()).isEqualTo("tt2085059");
        assertThat(page.description()).isEqualTo("Die ganze Beschreibung & mehr.");
        assertThat(page.seasons()).containsExactly(0, 1, 2);
        assertThat(AniWorldPages.shownSeason(doc("series.html"))).contains(1);
    }

    @Test
    void series_page_missing_optional_parts_still_parses() {
        var page = AniWorldPages.series(doc("series-minimal.html"), URL, "minimal-anime");
        assertThat(page.title().title()).isEqualTo("Minimal Anime");
        assertThat(page.title().year()).isNull();
        assertThat(page.title().ids().isEmpty()).isTrue();
        assertThat(page.description()).isNull();
        assertThat(page.seasons()).containsExactly(1);
    }

    @Test
    void series_page_without_title_names_the_missing_element() {
        assertThatThrownBy(() -> AniWorldPages.series(Jsoup.parse("<p>nothing</p>"), URL, "x"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure())
                        .isEqualTo(new ProviderFailure.MarkupChanged(URL, "series title", AniWorldPages.SERIES_TITLE)));
    }

    @Test
    void season_page_lists_every_episode() {
        List<EpisodeRef> episodes = AniWorldPages.season(doc("season.html"), URL, 2);
        assertThat(episodes).containsExactly(
                new EpisodeRef(2, 1, "Rückkehr", "Return", Set.of(Language.GERMAN_DUB, Language.GERMAN_SUB),
                        new HosterHints(Map.of(Language.GERMAN_DUB, List.of("VOE"), Language.GERMAN_SUB, List.of("VOE")),
                                false)),
                new EpisodeRef(2, 2, "Der Sturm", "The Storm", Set.of(Language.GERMAN_SUB),
                        new HosterHints(Map.of(Language.GERMAN_SUB, List.of("Vidmoly")), true)),
                new EpisodeRef(2, 3, "Stille", null, Set.of(Language.ENGLISH_SUB)));
    }

    @Test
    void series_page_table_reads_flags_per_row() {
        List<EpisodeRef> episodes = AniWorldPages.season(doc("series.html"), URL, 1);
        assertThat(episodes.getFirst().languages())
                .containsExactlyInAnyOrder(Language.GERMAN_DUB, Language.GERMAN_SUB, Language.ENGLISH_SUB);
        assertThat(episodes.get(1).titleDe()).isNull();
        assertThat(episodes.get(1).titleEn()).isEqualTo("The Journey [Episode 002]");
    }

    @Test
    void films_page_is_season_zero_with_tagged_titles() {
        List<EpisodeRef> films = AniWorldPages.season(doc("filme.html"), URL, 0);
        assertThat(films).extracting(EpisodeRef::episode).containsExactly(1, 2);
        assertThat(films.getFirst().titleEn()).isEqualTo("Example Anime: The Movie [Movie]");
        assertThat(films.get(1).languages()).containsExactly(Language.GERMAN_DUB);
    }

    @Test
    void season_variant_with_reordered_attributes_wrappers_and_duplicates() {
        List<EpisodeRef> episodes = AniWorldPages.season(doc("season-variant.html"), URL, 1);
        assertThat(episodes).extracting(EpisodeRef::episode).containsExactly(1, 2);
        assertThat(episodes.getFirst().titleDe()).isEqualTo("Eins");
        assertThat(episodes.getFirst().languages()).containsExactly(Language.GERMAN_DUB);
        assertThat(episodes.get(1).languages()).isEmpty();
        // icons named by class or by "Hoster X", once each; one flag, so the pairing is certain
        assertThat(episodes.getFirst().hosters()).isEqualTo(
                new HosterHints(Map.of(Language.GERMAN_DUB, List.of("Filemoon", "VOE")), true));
        assertThat(episodes.get(1).hosters()).isEqualTo(HosterHints.NONE);
    }

    @Test
    void episode_page_lists_hosters_for_every_language_including_hidden_ones() {
        var page = AniWorldPages.episode(doc("episode.html"), URL, BASE);
        assertThat(page.titleDe()).isEqualTo("Der Anfang");
        assertThat(page.titleEn()).isEqualTo("The Beginning");
        assertThat(page.languages()).containsExactlyInAnyOrder(Language.GERMAN_DUB, Language.ENGLISH_SUB, Language.GERMAN_SUB);
        assertThat(page.links()).containsExactly(
                new HosterLink("VOE", Language.GERMAN_DUB, URI.create("https://aniworld.example/prefix/redirect/1001")),
                new HosterLink("Filemoon", Language.GERMAN_DUB, URI.create("https://aniworld.example/prefix/redirect/1002")),
                new HosterLink("VOE", Language.ENGLISH_SUB, URI.create("https://aniworld.example/prefix/redirect/1003")),
                new HosterLink("Vidmoly", Language.GERMAN_SUB, URI.create("https://aniworld.example/prefix/redirect/1004")));
    }

    @Test
    void episode_variant_takes_names_from_icons_and_skips_unknown_languages() {
        var page = AniWorldPages.episode(doc("episode-variant.html"), URL, BASE);
        assertThat(page.links()).extracting(HosterLink::hoster).containsExactly("Doodstream", "LoadX");
        assertThat(page.links().get(1).linkOut()).isEqualTo(URI.create("https://aniworld.example/prefix/redirect/2002"));
        assertThat(page.titleDe()).isNull();
    }

    @Test
    void episode_without_hosters_is_empty_not_an_error() {
        assertThat(AniWorldPages.episode(doc("episode-no-hosters.html"), URL, BASE).links()).isEmpty();
    }

    @Test
    void episode_page_without_hoster_area_is_a_markup_change() {
        assertThatThrownBy(() -> AniWorldPages.episode(doc("series.html"), URL, BASE))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.failure())
                        .isEqualTo(new ProviderFailure.MarkupChanged(URL, "hoster list", AniWorldPages.HOSTER_AREA)));
    }

    @Test
    void series_search_reads_bare_slugs_years_and_entities() {
        List<TitleRef> hits = AniWorldPages.seriesSearch(Fixtures.site("aniworld", "seriesSearch.json"), URL);
        assertThat(hits).extracting(TitleRef::slug).containsExactly("example-anime", "kimi-ni-todoke");
        assertThat(hits.getFirst().year()).isEqualTo(2018);
        assertThat(hits.get(1).title()).isEqualTo("Kimi ni Todoke 'From Me to You'");
    }

    @Test
    void post_search_keeps_only_series_links_and_strips_highlights() {
        List<TitleRef> hits = AniWorldPages.ajaxSearch(Fixtures.site("aniworld", "ajax-search.json"), URL);
        assertThat(hits).extracting(TitleRef::slug).containsExactly("example-anime", "another-example");
        assertThat(hits.getFirst().title()).isEqualTo("Example Anime");
    }

    @Test
    void empty_search_body_means_no_hits() {
        assertThat(AniWorldPages.seriesSearch("", URL)).isEmpty();
        assertThat(AniWorldPages.ajaxSearch("  ", URL)).isEmpty();
    }

    @Test
    void language_keys_follow_the_aniworld_table() {
        assertThat(AniWorldPages.languageKey("1")).contains(Language.GERMAN_DUB);
        assertThat(AniWorldPages.languageKey("2")).contains(Language.ENGLISH_SUB);
        assertThat(AniWorldPages.languageKey("3")).contains(Language.GERMAN_SUB);
        assertThat(AniWorldPages.languageKey("4")).contains(Language.ENGLISH_DUB);
        assertThat(AniWorldPages.languageKey("7")).isEmpty();
    }

    @Test
    void real_new_episodes_page_lists_each_episode_once_per_language_from_the_lazy_flag() {
        Document doc = Jsoup.parse(Fixtures.shared("aniworld/aniworld_new_episodes.html"), URL.toString());
        assertThat(AniWorldPages.newEpisodes(doc, URL)).containsExactly(
                recent("the-ogres-bride", 1, 11, Language.GERMAN_SUB),
                recent("the-ogres-bride", 1, 11, Language.ENGLISH_SUB),
                recent("rich-girl-caretaker-im-secretly-the-caregiver-of-the-most-popular-girl-in-this-rich-kid-school",
                        1, 11, Language.ENGLISH_SUB),
                recent("rich-girl-caretaker-im-secretly-the-caregiver-of-the-most-popular-girl-in-this-rich-kid-school",
                        1, 11, Language.GERMAN_SUB),
                recent("one-piece", 23, 23, Language.ENGLISH_SUB));
    }

    @Test
    void own_new_episodes_page_lists_each_episode_once_per_language_from_the_lazy_flag() {
        String quiet = "quiet-harbor-the-lighthouse-keeper-s-secret-is-the-cat-who-lives-upstairs";
        assertThat(AniWorldPages.newEpisodes(doc("new-episodes.html"), URL)).containsExactly(
                recent("the-baker-s-apprentice", 1, 4, Language.GERMAN_SUB),
                recent("the-baker-s-apprentice", 1, 4, Language.ENGLISH_SUB),
                recent(quiet, 1, 4, Language.ENGLISH_SUB),
                recent(quiet, 1, 4, Language.GERMAN_SUB),
                recent("moonrise-kitchen", 3, 17, Language.ENGLISH_SUB));
    }

    @Test
    void new_episodes_variant_reads_films_absolute_links_and_rows_without_flags() {
        assertThat(AniWorldPages.newEpisodes(doc("new-episodes-variant.html"), URL)).containsExactly(
                recent("example-anime", 0, 2, Language.GERMAN_DUB),
                recent("other-anime", 2, 5, null),
                recent("other-anime", 2, 6, Language.GERMAN_SUB));
        assertThatThrownBy(() -> AniWorldPages.newEpisodes(doc("season.html"), URL))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failure()).isInstanceOf(ProviderFailure.MarkupChanged.class));
    }

    private static RecentEpisode recent(String slug, int season, int episode, Language language) {
        return new RecentEpisode(new EpisodeAddress(SiteId.ANIWORLD, slug, season, episode), language);
    }

    static Stream<Path> everyFixture() {
        return Stream.concat(Fixtures.siteFiles("aniworld").stream(), Fixtures.sharedFiles("aniworld").stream())
                .filter(p -> p.toString().endsWith(".html"));
    }

    /** Invariants every AniWorld page must satisfy, whatever its kind. */
    @ParameterizedTest
    @MethodSource("everyFixture")
    void every_fixture_parses_into_sane_records(Path file) throws Exception {
        String html = Fixtures.read(file);
        boolean challenge = file.getFileName().toString().startsWith("challenge-");
        assertThat(new ChallengeDetector().detect(200, null, html).isPresent()).as("challenge detected").isEqualTo(challenge);
        if (challenge) return;
        Document doc = Jsoup.parse(html, URL.toString());
        if (html.contains("seriesContainer")) {
            for (TitleRef t : catalogue(html)) assertThat(t.title()).isNotBlank();
        }
        if (doc.selectFirst(AniWorldPages.SERIES_TITLE) != null) {
            var series = AniWorldPages.series(doc, URL, "x");
            assertThat(series.title().title()).isNotBlank();
            assertThat(series.seasons()).allMatch(n -> n >= 0);
        }
        if (doc.selectFirst(".newEpisodeList") != null) {
            assertThat(AniWorldPages.newEpisodes(doc, URL)).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.episode().episode()).isGreaterThanOrEqualTo(1));
        }
        if (doc.selectFirst(AniWorldPages.SEASON_TABLE) != null) {
            Set<Integer> numbers = new HashSet<>();
            for (EpisodeRef e : AniWorldPages.season(doc, URL, 1)) {
                assertThat(e.episode()).isGreaterThanOrEqualTo(1);
                assertThat(numbers.add(e.episode())).as("unique episode %s", e.episode()).isTrue();
            }
        }
        if (doc.selectFirst(AniWorldPages.HOSTER_AREA) != null) {
            for (HosterLink l : AniWorldPages.episode(doc, URL, BASE).links()) {
                assertThat(l.linkOut().isAbsolute()).isTrue();
                assertThat(l.linkOut().getHost()).isEqualTo("aniworld.example");
                assertThat(l.hoster()).isNotBlank();
                assertThat(l.language()).isIn((Object[]) Language.values());
            }
        }
        for (var a : doc.select("a[href*=/anime/stream/]")) {
            assertThat(AniWorldUrls.anySlug(a.attr("href"))).as(a.attr("href")).isPresent();
        }
    }
}
