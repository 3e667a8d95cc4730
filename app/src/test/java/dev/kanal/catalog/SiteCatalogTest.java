package dev.kanal.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kanal.Json;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.providers.Language;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.testing.FakeAniWorld;
import dev.kanal.providers.testing.FakeCatalog;
import dev.kanal.providers.testing.FakeSite;
import dev.kanal.providers.testing.FakeSites;
import dev.kanal.providers.testing.FakeSto;
import dev.kanal.testing.TestKanal;
import dev.kanal.torznab.Feed;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server with the real site scrapers against AniWorld, s.to and Megakino served by
 * WireMock in their real markup (the providers module's fakes): bootstrap, Torznab over what the
 * scrapers stored, magnets that round-trip to the site's pages, hosters per language, a refresh
 * that picks up changes, and a restart half-way through the details.
 */
class SiteCatalogTest {
    private static final MagnetCodec MAGNETS = new MagnetCodec();
    private static final Pattern SXXEYY = Pattern.compile("\\.S(\\d{2})E(\\d{2})\\.");

    private static Map<String, String> env(String... more) {
        Map<String, String> m = new HashMap<>();
        m.put("KANAL_SKYHOOK_URL", "http://127.0.0.1:9"); // no mapping: site numbering stays
        for (int i = 0; i < more.length; i += 2) m.put(more[i], more[i + 1]);
        return m;
    }

    private static Feed torznab(TestKanal kanal, String query) {
        return Feed.parse(kanal.get("/torznab/api?apikey=" + TestKanal.API_KEY + "&" + query).body());
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonNode title(TestKanal kanal, String site, String slug) throws Exception {
        var r = kanal.send(HttpRequest.newBuilder(kanal.url("/api/catalog/" + site + "/" + slug))
                .header("X-Api-Key", TestKanal.API_KEY).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.mapper().readTree(r.body());
    }

    /** language → "[hosters] paired|unpaired" of one episode in the site's numbering. */
    private static Map<String, String> hosters(JsonNode title, int season, int episode) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode e : title.path("episodes")) {
            if (e.path("season").asInt() != season || e.path("episode").asInt() != episode) continue;
            for (JsonNode l : e.path("languages")) {
                out.put(l.path("language").asText(), l.path("hosters").toString()
                        + (l.path("hosters_paired").asBoolean() ? " paired" : " unpaired"));
            }
        }
        return out;
    }

    @Test
    void the_scraped_catalog_answers_every_search_with_magnets_that_name_the_sites_pages(@TempDir Path dir)
            throws Exception {
        try (FakeSites sites = FakeSites.start();
                TestKanal kanal = TestKanal.start(dir, env(), Providers.create(sites.settings()))) {
            var health = CatalogAwait.until(kanal, n -> n.path("ready").asBoolean());
            for (JsonNode site : health.path("sites")) {
                assertThat(site.path("stages").path("details").path("done").asInt()).as(site.toString()).isEqualTo(2);
            }

            // AniWorld, by its title and by an alternative title: every episode in every language
            Feed chronicles = torznab(kanal, "t=search&q=" + q("Kanal Chronicles"));
            assertThat(chronicles.titles()).containsExactlyInAnyOrder(
                    "Kanal.Chronicles.S00E01.WEB-DL.German.Sub-KANAL",
                    "Kanal.Chronicles.S01E01.WEB-DL.German-KANAL", "Kanal.Chronicles.S01E01.WEB-DL.German.Sub-KANAL",
                    "Kanal.Chronicles.S01E01.WEB-DL.Sub-KANAL",
                    "Kanal.Chronicles.S01E02.WEB-DL.German-KANAL", "Kanal.Chronicles.S01E02.WEB-DL.German.Sub-KANAL",
                    "Kanal.Chronicles.S02E01.WEB-DL.German.Sub-KANAL");
            assertThat(torznab(kanal, "t=search&q=" + q("Kanaru Kuronikuru")).titles())
                    .containsExactlyInAnyOrderElementsOf(chronicles.titles());
            assertThat(chronicles.items()).allSatisfy(i -> assertThat(i.attr("category")).isEqualTo("5070"));

            // s.to by title with season and episode, and by IMDb id for a whole season
            assertThat(torznab(kanal, "t=tvsearch&q=" + q("Deep Shelter") + "&season=1&ep=1").titles())
                    .containsExactlyInAnyOrder("Deep.Shelter.S01E01.WEB-DL.German-KANAL", "Deep.Shelter.S01E01.WEB-DL.English-KANAL");
            assertThat(torznab(kanal, "t=tvsearch&imdbid=tt0000202&season=2").titles())
                    .containsExactly("Deep.Shelter.S02E01.WEB-DL.German.Sub-KANAL");
            assertThat(torznab(kanal, "t=tvsearch&q=" + q("Its Fine") + "&season=1&ep=1").titles())
                    .containsExactly("Its.Fine.S01E01.WEB-DL.English-KANAL");

            // Megakino film by title and year
            Feed movie = torznab(kanal, "t=movie&q=" + q("Example Movie 2024"));
            assertThat(movie.titles()).containsExactly("Example.Movie.2024.WEB-DL.German-KANAL");
            assertThat(movie.items().getFirst().attrs("category")).contains("2000");

            // Radarr by an IMDb id Megakino's pages never print: its search takes the id, asked once, then stored
            var mk = sites.megakino().server();
            mk.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*/index.php"))
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("story=tt0099999"))
                    .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                            .withStatus(200).withHeader("Content-Type", "text/html").withBody(
                                    "<html><body><div id=\"dle-content\"><a class=\"poster grid-item\" "
                                    + "href=\"/films/5920-example-movie.html\"><h3 class=\"poster__title\">Example Movie"
                                    + "</h3><ul class=\"poster__subtitle\"><li>USA, 2024</li><li>Filme / Action</li></ul>"
                                    + "</a></div></body></html>")));
            mk.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*/index.php"))
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("story=tt0088888"))
                    .atPriority(1).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                            .withStatus(200).withHeader("Content-Type", "text/html")
                            .withBody("<html><body><div id=\"dle-content\"></div></body></html>")));
            for (int i = 0; i < 2; i++) {
                assertThat(torznab(kanal, "t=movie&imdbid=tt0099999").titles())
                        .containsExactly("Example.Movie.2024.WEB-DL.German-KANAL");
                assertThat(torznab(kanal, "t=movie&imdbid=tt0088888").titles()).isEmpty();
            }
            for (String id : List.of("tt0099999", "tt0088888")) {
                mk.verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*/index.php"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("story=" + id)));
            }
            assertThat(title(kanal, "megakino", "5920-example-movie").toString()).contains("tt0099999");

            // paging: exact pages, no duplicates, the union is the whole answer
            Set<String> guids = new HashSet<>();
            List<Integer> sizes = new ArrayList<>();
            for (int offset = 0; offset < 9; offset += 3) {
                Feed page = torznab(kanal, "t=search&q=" + q("Kanal Chronicles") + "&limit=3&offset=" + offset);
                sizes.add(page.items().size());
                page.items().forEach(i -> assertThat(guids.add(i.guid())).as("duplicate " + i.guid()).isTrue());
            }
            assertThat(sizes).containsExactly(3, 3, 1);
            assertThat(guids).hasSize(7);

            // every magnet names the site, slug, site numbering and language its title says
            List<Feed.Item> all = new ArrayList<>(chronicles.items());
            all.addAll(torznab(kanal, "t=search&q=" + q("Deep Shelter")).items());
            all.addAll(movie.items());
            for (Feed.Item item : all) {
                KanalMagnet m = MAGNETS.parse(item.attr("magneturl"));
                assertThat(item.enclosureUrl()).isEqualTo(item.attr("magneturl"));
                assertThat(item.attr("infohash")).isEqualTo(m.infoHash());
                assertThat(m.displayName()).isEqualTo(item.title());
                assertThat(MAGNETS.parse(MAGNETS.format(m))).isEqualTo(m);
                Language language = m.language();
                assertThat(item.title()).endsWith(switch (language) {
                    case GERMAN_DUB -> ".German-KANAL";
                    case GERMAN_SUB -> ".German.Sub-KANAL";
                    case ENGLISH_DUB -> ".English-KANAL";
                    case ENGLISH_SUB -> ".Sub-KANAL";
                });
                Matcher se = SXXEYY.matcher(item.title());
                if (m.episode().isMovie()) {
                    assertThat(se.find()).isFalse();
                    assertThat(m.episode()).isEqualTo(dev.kanal.providers.EpisodeAddress.movie(SiteId.MEGAKINO,
                            "5920-example-movie"));
                } else {
                    assertThat(se.find()).as(item.title()).isTrue();
                    assertThat(m.episode().season()).isEqualTo(Integer.parseInt(se.group(1)));
                    assertThat(m.episode().episode()).isEqualTo(Integer.parseInt(se.group(2)));
                    FakeCatalog catalog = m.episode().site() == SiteId.ANIWORLD ? sites.aniworld().catalog()
                            : sites.sto().catalog();
                    var episode = catalog.show(m.episode().slug()).season(m.episode().season()).episodes().stream()
                            .filter(e -> e.number() == m.episode().episode()).findFirst().orElseThrow();
                    assertThat(episode.languages()).contains(language);
                }
            }

            // hosters per language, as the season tables and Megakino's player show them
            assertThat(hosters(title(kanal, "aniworld", "kanal-chronicles"), 1, 1)).containsOnly(
                    Map.entry("German Dub", "[\"VOE\",\"Filemoon\"] unpaired"),
                    Map.entry("German Sub", "[\"VOE\",\"Filemoon\"] unpaired"),
                    Map.entry("English Sub", "[\"VOE\",\"Filemoon\"] unpaired"));
            assertThat(hosters(title(kanal, "aniworld", "kanal-chronicles"), 2, 1))
                    .containsOnly(Map.entry("German Sub", "[\"Vidmoly\"] paired"));
            assertThat(hosters(title(kanal, "sto", "deep-shelter"), 1, 1)).containsOnly(
                    Map.entry("German Dub", "[\"VOE\",\"Provider\"] unpaired"),
                    Map.entry("English Dub", "[\"VOE\",\"Provider\"] unpaired"));
            assertThat(hosters(title(kanal, "megakino", "5881-example-show-2-staffel"), 2, 1))
                    .containsOnly(Map.entry("German Dub", "[\"VOE\",\"GXPlayer\"] paired"));
            assertThat(hosters(title(kanal, "megakino", "5920-example-movie"), 0, 0)).hasSize(1);

            // the errors Sonarr and Prowlarr read
            assertThat(Feed.parse(kanal.get("/torznab/api?apikey=wrong&t=search&q=x").body()).errorCode())
                    .isEqualTo("100");
            assertThat(torznab(kanal, "t=nonsense").errorCode()).isEqualTo("202");
        }
    }

    @Test
    void a_refresh_picks_up_new_titles_and_episodes_and_drops_removed_ones(@TempDir Path dir) throws Exception {
        try (FakeSto sto = new FakeSto(FakeCatalog.series(), "");
                TestKanal kanal = TestKanal.start(dir, env("KANAL_CATALOG_REFRESH", "1s"),
                        Providers.create(FakeSite.settingsFor(sto)))) {
            CatalogAwait.until(kanal, n -> n.path("ready").asBoolean());
            Feed before = torznab(kanal, "t=search&q=" + q("Deep Shelter"));
            assertThat(before.items()).hasSize(4);
            Map<String, String> firstSeen = new HashMap<>();
            before.items().forEach(i -> firstSeen.put(i.guid(), i.pubDate()));

            FakeCatalog.Show deep = sto.catalog().show("deep-shelter");
            List<FakeCatalog.Episode> season1 = new ArrayList<>(deep.season(1).episodes());
            season1.add(new FakeCatalog.Episode(3, "Drei", "Three", Set.of(Language.GERMAN_DUB, Language.ENGLISH_DUB),
                    List.of("VOE", "Doodstream")));
            FakeCatalog.Show grown = new FakeCatalog.Show(deep.slug(), deep.title(), deep.altTitles(), deep.year(),
                    deep.imdb(), false, List.of(new FakeCatalog.Season(1, season1), deep.season(2)));
            FakeCatalog.Show dawn = new FakeCatalog.Show("new-dawn", "New Dawn", List.of(), 2025, null, false,
                    List.of(new FakeCatalog.Season(1, List.of(new FakeCatalog.Episode(1, "Morgen", "Morning",
                            Set.of(Language.GERMAN_DUB), List.of("VOE"))))));
            sto.update(new FakeCatalog(List.of(grown, dawn)));

            CatalogAwait.until(kanal, n -> torznab(kanal, "t=search&q=" + q("Deep Shelter")).items().size() == 6
                    && torznab(kanal, "t=search&q=" + q("New Dawn")).items().size() == 1
                    && torznab(kanal, "t=search&q=" + q("Its Fine")).items().isEmpty());
            Feed after = torznab(kanal, "t=search&q=" + q("Deep Shelter"));
            // episodes seen before keep their first-seen date (their pubDate)
            after.items().stream().filter(i -> firstSeen.containsKey(i.guid()))
                    .forEach(i -> assertThat(i.pubDate()).isEqualTo(firstSeen.get(i.guid())));
            assertThat(after.titles()).contains("Deep.Shelter.S01E03.WEB-DL.German-KANAL", "Deep.Shelter.S01E03.WEB-DL.English-KANAL");

            // the refresh read the new episode's page and paired its hosters with its languages
            CatalogAwait.until(kanal, n -> {
                try {
                    return hosters(title(kanal, "sto", "deep-shelter"), 1, 3).get("German Dub").endsWith(" paired");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(hosters(title(kanal, "sto", "deep-shelter"), 1, 3)).containsOnly(
                    Map.entry("German Dub", "[\"VOE\",\"Doodstream\"] paired"),
                    Map.entry("English Dub", "[\"VOE\",\"Doodstream\"] paired"));
            assertThat(sto.server().findAll(getRequestedFor(urlEqualTo("/serie/deep-shelter/staffel-1/episode-3"))))
                    .isNotEmpty();
            // episodes the first build added were never read one by one
            assertThat(sto.server().findAll(getRequestedFor(urlEqualTo("/serie/deep-shelter/staffel-1/episode-1"))))
                    .isEmpty();
        }
    }

    @Test
    void a_restart_half_way_through_the_details_fetches_only_what_is_missing(@TempDir Path dir) throws Exception {
        List<FakeCatalog.Show> shows = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            shows.add(new FakeCatalog.Show("show-" + i, "Show Number " + i, List.of(), 2020, null, false,
                    List.of(new FakeCatalog.Season(1, List.of(new FakeCatalog.Episode(1, "Eins", "One",
                            Set.of(Language.GERMAN_DUB), List.of("VOE")))))));
        }
        try (FakeSto sto = new FakeSto(new FakeCatalog(shows), "")) {
            Providers providers = Providers.create(FakeSite.settingsFor(sto));
            Map<String, String> env = env("KANAL_CATALOG_CONCURRENCY", "1", "KANAL_CATALOG_REFRESH", "1h");
            Set<String> doneBefore = new HashSet<>();
            sto.server().setGlobalFixedDelay(300); // a slow site: the stop lands half-way through the details
            try (TestKanal kanal = TestKanal.start(dir, env, providers)) {
                CatalogAwait.until(kanal, n -> n.path("sites").get(0).path("stages").path("details").path("done")
                        .asInt() >= 3);
                for (FakeCatalog.Show s : shows) {
                    if (title(kanal, "sto", s.slug()).path("details").path("state").asText().equals("ready")) {
                        doneBefore.add(s.slug());
                    }
                }
            }
            assertThat(doneBefore).hasSizeBetween(3, 7);
            sto.server().setGlobalFixedDelay(0);
            int listings = sto.server().findAll(getRequestedFor(urlEqualTo("/serien"))).size();
            try (TestKanal kanal = TestKanal.start(dir, env, Providers.create(FakeSite.settingsFor(sto)))) {
                CatalogAwait.until(kanal, n -> n.path("ready").asBoolean());
                for (FakeCatalog.Show s : shows) {
                    assertThat(torznab(kanal, "t=search&q=" + q(s.title())).titles()).as(s.slug())
                            .containsExactly(s.title().replace(' ', '.') + ".S01E01.WEB-DL.German-KANAL");
                }
            }
            // the finished title list was not read again, and no finished title was fetched twice
            assertThat(sto.server().findAll(getRequestedFor(urlEqualTo("/serien")))).hasSize(listings);
            for (String slug : doneBefore) {
                assertThat(sto.server().findAll(getRequestedFor(urlMatching("/serie/" + slug + "(/staffel-1)?"))))
                        .as(slug).hasSize(1);
            }
        }
    }

    @Test
    void a_new_episode_the_site_announces_is_searchable_without_waiting_for_the_refresh(@TempDir Path dir)
            throws Exception {
        try (FakeAniWorld aniworld = new FakeAniWorld(FakeCatalog.anime(), "/aniworld");
                TestKanal kanal = TestKanal.start(dir, env("KANAL_CATALOG_REFRESH", "6h",
                        "KANAL_CATALOG_NEW_EPISODES_INTERVAL", "1s"),
                        Providers.create(FakeSite.settingsFor(aniworld)))) {
            CatalogAwait.until(kanal, n -> n.path("ready").asBoolean());
            assertThat(torznab(kanal, "t=search&q=" + q("Quiet Harbor")).titles())
                    .containsExactly("Quiet.Harbor.S01E01.WEB-DL.German.Sub-KANAL");
            int listings = aniworld.server().findAll(getRequestedFor(urlEqualTo("/aniworld/animes-alphabet"))).size();

            // the site adds episode 2 and announces it on /neue-episoden
            List<FakeCatalog.Show> shows = new ArrayList<>();
            for (FakeCatalog.Show s : aniworld.catalog().shows()) {
                if (!s.slug().equals("quiet-harbor")) {
                    shows.add(s);
                    continue;
                }
                List<FakeCatalog.Episode> eps = new ArrayList<>(s.season(1).episodes());
                eps.add(new FakeCatalog.Episode(2, "Flut", "Flood", Set.of(Language.GERMAN_SUB), List.of("VOE")));
                shows.add(new FakeCatalog.Show(s.slug(), s.title(), s.altTitles(), s.year(), s.imdb(), false,
                        List.of(new FakeCatalog.Season(1, eps))));
            }
            aniworld.update(new FakeCatalog(shows));

            CatalogAwait.until(kanal, n -> torznab(kanal, "t=search&q=" + q("Quiet Harbor")).items().size() == 2);
            // no title listing was needed: the new-episodes page named the one title to re-read
            assertThat(aniworld.server().findAll(getRequestedFor(urlEqualTo("/aniworld/animes-alphabet"))))
                    .hasSize(listings);
            assertThat(aniworld.server().findAll(
                    getRequestedFor(urlEqualTo("/aniworld/anime/stream/kanal-chronicles")))).hasSize(1);
            assertThat(kanal.get("/metrics").body()).contains("kanal_catalog_new_episodes_checks_total{outcome=\"ok\"");
        }
    }
}
