package dev.kanal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.Providers;
import dev.kanal.providers.RecentEpisode;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.testing.TestKanal;
import dev.kanal.torznab.Feed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crawler against fake sites: bootstrap, refresh with changes, a restart half-way through the
 * details, sites still bootstrapping, and the priority lane. Each test boots its own Kanal because
 * each needs its own sites and timing settings.
 */
class CatalogCrawlTest {
    private static final String UNREACHABLE_SKYHOOK = "http://127.0.0.1:9";

    private static Map<String, String> env(String... more) {
        var m = new java.util.HashMap<String, String>();
        m.put("KANAL_SKYHOOK_URL", UNREACHABLE_SKYHOOK);
        for (int i = 0; i < more.length; i += 2) m.put(more[i], more[i + 1]);
        return m;
    }

    private static Providers providers(FakeSite... sites) {
        return new Providers(List.of(sites), new HosterRegistry(List.of()));
    }

    private static TitleDetail show(SiteId site, String slug, String title, int... seasons) {
        return FakeSite.series(site, slug, title, List.of(), 2020, ExternalIds.NONE, Set.of(Language.GERMAN_DUB), seasons);
    }

    private static Feed search(TestKanal kanal, String query) {
        return Feed.parse(kanal.get("/torznab/api?apikey=" + TestKanal.API_KEY + "&" + query).body());
    }

    private static int detailsDone(com.fasterxml.jackson.databind.JsonNode n) {
        return n.path("sites").get(0).path("stages").path("details").path("done").asInt();
    }

    @Test
    void refresh_adds_new_titles_and_episodes_and_drops_removed_titles_without_a_gap(@TempDir Path dir) {
        FakeSite sto = new FakeSite(SiteId.STO);
        sto.put(show(SiteId.STO, "alpha", "Alpha Show", 2)).put(show(SiteId.STO, "beta", "Beta Show", 1))
                .put(show(SiteId.STO, "gamma", "Gamma Show", 1));
        try (TestKanal kanal = TestKanal.start(dir, env("KANAL_CATALOG_REFRESH", "1s"), providers(sto))) {
            CatalogAwait.until(kanal, n -> n.path("ready").asBoolean());
            assertThat(search(kanal, "t=search&q=Alpha%20Show").items()).hasSize(2);
            String firstPub = search(kanal, "t=search&q=Alpha%20Show").items().getFirst().pubDate();

            // nothing paired at bootstrap: that would cost one request per episode
            assertThat(sto.episodePagesRead).isEmpty();
            EpisodeAddress third = new EpisodeAddress(SiteId.STO, "alpha", 1, 3);
            sto.episodePages.put(third, List.of(new HosterLink("VOE", Language.GERMAN_DUB,
                    java.net.URI.create("http://127.0.0.1:9/r?t=a3"))));
            sto.put(show(SiteId.STO, "alpha", "Alpha Show", 3));
            sto.put(show(SiteId.STO, "delta", "Delta Show", 1));
            sto.remove("gamma");
            int listings = sto.listings.get();
            CatalogAwait.until(kanal, n -> sto.listings.get() > listings + 1
                    && search(kanal, "t=search&q=Alpha%20Show").items().size() == 3
                    && search(kanal, "t=search&q=Delta%20Show").items().size() == 1
                    && search(kanal, "t=search&q=Gamma%20Show").items().isEmpty());
            // the episodes seen before keep their first-seen date; the new one leads the RSS feed
            assertThat(search(kanal, "t=search&q=Alpha%20Show").items().getFirst().pubDate()).isEqualTo(firstPub);
            assertThat(search(kanal, "t=search").titles()).contains("Alpha.Show.S01E03.WEB-DL.German-KANAL");
            assertThat(search(kanal, "t=search&q=Beta%20Show").items()).hasSize(1);
            // the refresh read the new episode's page (only that one) and paired its hosters
            CatalogAwait.until(kanal, n -> sto.episodePagesRead.contains(third));
            assertThat(sto.episodePagesRead).containsOnly(third);
            var title = kanal.send(java.net.http.HttpRequest.newBuilder(kanal.url("/api/catalog/sto/alpha"))
                    .header("X-Api-Key", TestKanal.API_KEY).build()).body();
            assertThat(title).contains("{\"language\":\"German Dub\"").contains("\"hosters\":[\"VOE\"],\"hosters_paired\":true");
        }
    }

    @Test
    void a_broken_listing_never_empties_the_catalog(@TempDir Path dir) {
        FakeSite sto = new FakeSite(SiteId.STO);
        sto.put(show(SiteId.STO, "alpha", "Alpha Show", 2)).put(show(SiteId.STO, "beta", "Beta Show", 1));
        try (TestKanal kanal = TestKanal.start(dir, env("KANAL_CATALOG_REFRESH", "1s"), providers(sto))) {
            CatalogAwait.until(kanal, n -> n.path("ready").asBoolean());
            sto.listingFails = true;
            int listings = sto.listings.get();
            var n = CatalogAwait.until(kanal, h -> sto.listings.get() > listings && h.path("sites").get(0)
                    .path("stages").path("titles").path("state").asText().equals("failed"));
            assertThat(n.path("sites").get(0).path("stages").path("titles").path("last_error").asText())
                    .contains("unreachable");
            assertThat(search(kanal, "t=search&q=Alpha%20Show").items()).hasSize(2);
            // and an empty listing is treated as broken, not as "every title was removed"
            sto.listingFails = false;
            sto.remove("alpha").remove("beta");
            int again = sto.listings.get();
            CatalogAwait.until(kanal, h -> sto.listings.get() > again + 1);
            assertThat(search(kanal, "t=search&q=Alpha%20Show").items()).hasSize(2);
        }
    }

    @Test
    void a_restart_mid_bootstrap_continues_where_it_stopped(@TempDir Path dir) {
        FakeSite aniworld = new FakeSite(SiteId.ANIWORLD);
        List<String> slugs = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            aniworld.put(show(SiteId.ANIWORLD, "show-" + i, "Show Number " + i, 2));
            slugs.add("show-" + i);
        }
        aniworld.detailPermits = new Semaphore(4);
        List<String> servedBeforeRestart;
        try (TestKanal kanal = TestKanal.start(dir, env("KANAL_CATALOG_CONCURRENCY", "1"), providers(aniworld))) {
            var n = CatalogAwait.until(kanal, h -> detailsDone(h) == 4);
            assertThat(n.path("ready").asBoolean()).isFalse();
            assertThat(n.path("sites").get(0).path("stages").path("titles").path("state").asText()).isEqualTo("ready");
            servedBeforeRestart = List.copyOf(aniworld.served);
        }
        assertThat(servedBeforeRestart).hasSize(4);
        aniworld.detailPermits = null;
        int listingsBefore = aniworld.listings.get();
        try (TestKanal kanal = TestKanal.start(dir, env(), providers(aniworld))) {
            var n = CatalogAwait.until(kanal, h -> h.path("ready").asBoolean());
            assertThat(detailsDone(n)).isEqualTo(10);
            assertThat(aniworld.listings.get()).as("the finished title list is not fetched again")
                    .isEqualTo(listingsBefore);
            for (String slug : servedBeforeRestart) assertThat(aniworld.detailCalls(slug)).as(slug).isEqualTo(1);
            assertThat(aniworld.served).containsExactlyInAnyOrderElementsOf(slugs);
            assertThat(search(kanal, "t=search&q=" + "Show%20Number%207").items()).hasSize(2);
        }
    }

    @Test
    void searches_are_served_from_ready_sites_and_refused_clearly_while_none_is(@TempDir Path dir) {
        FakeSite aniworld = new FakeSite(SiteId.ANIWORLD);
        aniworld.put(show(SiteId.ANIWORLD, "slow", "Slow Anime", 1));
        aniworld.listingGate = new CountDownLatch(1);
        FakeSite sto = new FakeSite(SiteId.STO);
        sto.put(show(SiteId.STO, "fast", "Fast Show", 1));
        sto.listingGate = new CountDownLatch(1);
        try (TestKanal kanal = TestKanal.start(dir, env(), providers(aniworld, sto))) {
            Feed refused = search(kanal, "t=search");
            assertThat(refused.errorCode()).isEqualTo("900");
            assertThat(refused.errorDescription()).contains("still being built").contains("/health/catalog");
            assertThat(kanal.get("/torznab/api?t=caps&apikey=" + TestKanal.API_KEY).body()).contains("<caps>");

            sto.listingGate.countDown();
            CatalogAwait.until(kanal, n -> n.path("sites").get(1).path("searchable").asBoolean()
                    && n.path("sites").get(1).path("stages").path("details").path("state").asText().equals("ready"));
            assertThat(search(kanal, "t=search").titles()).containsExactly("Fast.Show.S01E01.WEB-DL.German-KANAL");
            assertThat(search(kanal, "t=search&q=Slow%20Anime").items()).isEmpty();
            aniworld.listingGate.countDown();
            CatalogAwait.until(kanal, n -> n.path("ready").asBoolean());
            assertThat(search(kanal, "t=search&q=Slow%20Anime").items()).hasSize(1);
        }
    }

    @Test
    void the_priority_lane_fetches_a_searched_title_ahead_of_the_queue_within_its_budget(@TempDir Path dir) {
        FakeSite sto = new FakeSite(SiteId.STO);
        sto.put(show(SiteId.STO, "first", "First Show", 1)).put(show(SiteId.STO, "second", "Second Show", 2))
                .put(show(SiteId.STO, "third", "Third Show", 1));
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch third = new CountDownLatch(1);
        sto.slugGates.put("first", first);
        sto.slugGates.put("third", third);
        try (TestKanal kanal = TestKanal.start(dir, env("KANAL_CATALOG_CONCURRENCY", "1", "KANAL_PRIORITY_BUDGET", "300ms"),
                providers(sto))) {
            CatalogAwait.until(kanal, n -> n.path("sites").get(0).path("searchable").asBoolean()
                    && sto.detailCalls("first") == 1);
            // the background crawl is stuck on "first"; "second" is fetched at once for the search
            assertThat(search(kanal, "t=search&q=Second%20Show").titles())
                    .containsExactly("Second.Show.S01E01.WEB-DL.German-KANAL", "Second.Show.S01E02.WEB-DL.German-KANAL");
            // "third" stays blocked past the budget: the search answers with what there is
            Feed over = search(kanal, "t=search&q=Third%20Show");
            assertThat(over.errorCode()).isNull();
            assertThat(over.items()).isEmpty();
            assertThat(kanal.get("/metrics").body()).contains("kanal_catalog_priority_over_budget_total{site=\"sto\"} 1.0");
            third.countDown();
            first.countDown();
            CatalogAwait.until(kanal, n -> n.path("ready").asBoolean());
            assertThat(search(kanal, "t=search&q=Third%20Show").items()).hasSize(1);
            assertThat(sto.detailCalls("second")).isEqualTo(1);
        }
    }

    @Test
    void specials_without_a_mapping_and_episode_titles_survive_as_site_numbering(@TempDir Path dir) {
        FakeSite aniworld = new FakeSite(SiteId.ANIWORLD);
        TitleDetail d = FakeSite.withSeason(show(SiteId.ANIWORLD, "films", "Film Show", 1), new SeasonRef(0,
                List.of(new EpisodeRef(0, 1, "Der Film", "The Film", Set.of(Language.GERMAN_SUB)))));
        aniworld.put(d);
        try (TestKanal kanal = TestKanal.start(dir, env(), providers(aniworld))) {
            CatalogAwait.until(kanal, n -> n.path("ready").asBoolean());
            assertThat(search(kanal, "t=tvsearch&q=Film%20Show&season=0").titles())
                    .containsExactly("Film.Show.S00E01.WEB-DL.German.Sub-KANAL");
        }
    }

    @Test
    void a_new_episode_of_a_renumbered_anime_is_offered_only_under_sonarrs_numbers(@TempDir Path dir) {
        // TVDB: one season of 5; the site cuts it into seasons of 2 and 2, then adds a third to season 2
        var skyhook = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        skyhook.start();
        try {
            StringBuilder eps = new StringBuilder();
            for (int e = 1; e <= 5; e++) {
                eps.append(e == 1 ? "" : ",").append("{\"seasonNumber\":1,\"episodeNumber\":").append(e)
                        .append(",\"absoluteEpisodeNumber\":").append(e).append(",\"title\":\"E").append(e).append("\"}");
            }
            skyhook.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v1/tvdb/search/en/?"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                            "[{\"tvdbId\":555,\"title\":\"Cut Anime\",\"firstAired\":\"2020-01-01\"}]")));
            skyhook.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/tvdb/shows/en/555"))
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"tvdbId\":555,"
                            + "\"title\":\"Cut Anime\",\"firstAired\":\"2020-01-01\",\"episodes\":[" + eps + "]}")));
            FakeSite aniworld = new FakeSite(SiteId.ANIWORLD);
            aniworld.put(FakeSite.series(SiteId.ANIWORLD, "cut-anime", "Cut Anime", List.of(), 2020, ExternalIds.NONE,
                    Set.of(Language.GERMAN_SUB), 2, 2));
            aniworld.put(show(SiteId.ANIWORLD, "slow-show", "Slow Show", 1));
            Map<String, String> env = env("KANAL_CATALOG_REFRESH", "1h", "KANAL_CATALOG_NEW_EPISODES_INTERVAL", "1s");
            env.put("KANAL_SKYHOOK_URL", "http://127.0.0.1:" + skyhook.port());
            try (TestKanal kanal = TestKanal.start(dir, env, providers(aniworld))) {
                CatalogAwait.fullyReady(kanal);
                assertThat(search(kanal, "t=tvsearch&tvdbid=555&season=1&ep=3").titles())
                        .containsExactly("Cut.Anime.S01E03.WEB-DL.German.Sub-KANAL");

                // the site adds S02E03 and announces it; the re-read batch also holds a slow title, so the
                // batch's mapping waits while the new episode is already stored
                CountDownLatch cut = new CountDownLatch(1);
                CountDownLatch slow = new CountDownLatch(1);
                aniworld.slugGates.put("cut-anime", cut);
                aniworld.slugGates.put("slow-show", slow);
                int cutCalls = aniworld.detailCalls("cut-anime");
                int slowCalls = aniworld.detailCalls("slow-show");
                aniworld.put(FakeSite.series(SiteId.ANIWORLD, "cut-anime", "Cut Anime", List.of(), 2020,
                        ExternalIds.NONE, Set.of(Language.GERMAN_SUB), 2, 3));
                aniworld.recent = List.of(
                        new RecentEpisode(new EpisodeAddress(SiteId.ANIWORLD, "cut-anime", 2, 3), Language.GERMAN_SUB),
                        new RecentEpisode(new EpisodeAddress(SiteId.ANIWORLD, "slow-show", 1, 9), Language.GERMAN_DUB));
                CatalogAwait.until(kanal, n -> aniworld.detailCalls("cut-anime") > cutCalls
                        && aniworld.detailCalls("slow-show") > slowCalls);
                cut.countDown();
                CatalogAwait.until(kanal, n -> kanal.get("/api/catalog/aniworld/cut-anime?apikey=" + TestKanal.API_KEY)
                        .body().contains("\"season\":2,\"episode\":3,"));
                List<String> seen = new ArrayList<>();
                for (int i = 0; i < 5; i++) seen.addAll(search(kanal, "t=search&cat=5070").titles()); // Sonarr's RSS sync
                assertThat(seen).isNotEmpty().noneMatch(t -> t.contains("S02E03"));
                assertThat(kanal.get("/api/catalog/aniworld/cut-anime?apikey=" + TestKanal.API_KEY).body())
                        .contains("\"awaiting_mapping\":true");
                slow.countDown();
                CatalogAwait.until(kanal, n -> search(kanal, "t=tvsearch&tvdbid=555&season=1&ep=5").items().size() == 1);
                assertThat(search(kanal, "t=search&cat=5070").titles()).contains("Cut.Anime.S01E05.WEB-DL.German.Sub-KANAL")
                        .noneMatch(t -> t.contains("S02E"));
            }
        } finally {
            skyhook.stop();
        }
    }
}
