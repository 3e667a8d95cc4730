package dev.kanal.torznab;

import dev.kanal.catalog.CatalogAwait;
import dev.kanal.testing.TestKanal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.kanal.catalog.FakeSite;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.SiteId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The small catalog the Torznab tests search: an anime on AniWorld whose site seasons differ from
 * TVDB's (absolute mapping) with a film in site season 0, a series on s.to in two languages, and
 * two Megakino films; SkyHook emulated by WireMock.
 */
final class TestCatalog {
    static final int AOT_TVDB = 267440;
    static final int BB_TVDB = 81189;

    final FakeSite aniworld = new FakeSite(SiteId.ANIWORLD);
    final FakeSite sto = new FakeSite(SiteId.STO);
    final FakeSite megakino = new FakeSite(SiteId.MEGAKINO);
    final WireMockServer skyhook = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));

    TestCatalog() {
        var aot = FakeSite.series(SiteId.ANIWORLD, "attack-on-titan", "Attack on Titan",
                List.of("Shingeki no Kyojin"), 2013, ExternalIds.NONE, Set.of(Language.GERMAN_SUB, Language.GERMAN_DUB),
                3, 2);
        aot = FakeSite.withSeason(aot, new SeasonRef(0, List.of(
                new EpisodeRef(0, 1, "Film: Bogen und Pfeil", "Crimson Bow and Arrow", Set.of(Language.GERMAN_SUB)))));
        aniworld.put(aot);
        aniworld.put(FakeSite.series(SiteId.ANIWORLD, "obscure-anime", "Some Obscure Anime", List.of(), 2020,
                ExternalIds.NONE, Set.of(Language.GERMAN_SUB), 4));
        sto.put(FakeSite.series(SiteId.STO, "breaking-bad", "Breaking Bad", List.of(), 2008,
                new ExternalIds("tt0903747", null, BB_TVDB), Set.of(Language.GERMAN_DUB, Language.ENGLISH_DUB), 7, 13));
        megakino.put(FakeSite.movie(SiteId.MEGAKINO, "123-avengers-endgame", "Avengers: Endgame", 2019,
                new ExternalIds("tt4154796", 299534, null)));
        megakino.put(FakeSite.movie(SiteId.MEGAKINO, "77-inception", "Inception", 2010,
                new ExternalIds("tt1375666", 27205, null)));
    }

    Providers providers() {
        return new Providers(List.of(aniworld, sto, megakino), new HosterRegistry(List.of()));
    }

    /** Starts the SkyHook emulation; returns its base URL. */
    String startSkyHook() {
        skyhook.start();
        skyhook.stubFor(get(urlPathMatching("/v1/tvdb/search/en/?")).atPriority(10)
                .willReturn(json("[]")));
        skyhook.stubFor(get(urlPathMatching("/v1/tvdb/search/en/?")).withQueryParam("term", containing("attack"))
                .atPriority(1).willReturn(json("[{\"tvdbId\":" + AOT_TVDB + ",\"title\":\"Attack on Titan\","
                        + "\"firstAired\":\"2013-04-07\"}]")));
        skyhook.stubFor(get(urlPathMatching("/v1/tvdb/shows/en/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(404)));
        skyhook.stubFor(get(urlPathEqualTo("/v1/tvdb/shows/en/" + AOT_TVDB)).atPriority(1).willReturn(json(aotShow())));
        skyhook.stubFor(get(urlPathEqualTo("/v1/tvdb/shows/en/" + BB_TVDB)).atPriority(1).willReturn(json(bbShow())));
        return "http://127.0.0.1:" + skyhook.port();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** TVDB: one season of 5 (absolute 1-5) and a special S00E07 "Crimson Bow and Arrow". */
    private static String aotShow() {
        List<String> eps = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            eps.add("{\"seasonNumber\":1,\"episodeNumber\":" + e + ",\"absoluteEpisodeNumber\":" + e
                    + ",\"title\":\"Episode " + e + "\"}");
        }
        eps.add("{\"seasonNumber\":0,\"episodeNumber\":7,\"title\":\"Crimson Bow and Arrow\"}");
        return "{\"tvdbId\":" + AOT_TVDB + ",\"title\":\"Attack on Titan\",\"firstAired\":\"2013-04-07\","
                + "\"runtime\":24,\"imdbId\":\"tt2560140\",\"tvMazeId\":919,\"episodes\":[" + String.join(",", eps) + "]}";
    }

    private static String bbShow() {
        List<String> eps = new ArrayList<>();
        int abs = 0;
        int[] sizes = {7, 13};
        for (int s = 1; s <= 2; s++) {
            for (int e = 1; e <= sizes[s - 1]; e++) {
                eps.add("{\"seasonNumber\":" + s + ",\"episodeNumber\":" + e + ",\"absoluteEpisodeNumber\":" + (++abs)
                        + ",\"title\":\"E" + e + "\"}");
            }
        }
        return "{\"tvdbId\":" + BB_TVDB + ",\"title\":\"Breaking Bad\",\"firstAired\":\"2008-01-20\",\"runtime\":47,"
                + "\"imdbId\":\"tt0903747\",\"tvMazeId\":169,\"episodes\":[" + String.join(",", eps) + "]}";
    }

    /**
     * Boots Kanal on these fake sites with SkyHook emulated and waits until every stage is ready;
     * the Torznab test classes share this set-up.
     */
    TestKanal startKanal(java.nio.file.Path dir) {
        String url = startSkyHook();
        TestKanal kanal = TestKanal.start(dir, java.util.Map.of("KANAL_SKYHOOK_URL", url, "KANAL_RELEASE_GROUP",
                "KANAL"), providers());
        CatalogAwait.fullyReady(kanal);
        return kanal;
    }

    /** Stops what {@link #startKanal} started. */
    void stop(TestKanal kanal) {
        if (kanal != null) kanal.close();
        skyhook.stop();
    }
}
