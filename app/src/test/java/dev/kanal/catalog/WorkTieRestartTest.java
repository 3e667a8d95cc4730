package dev.kanal.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.kanal.Json;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SiteId;
import dev.kanal.testing.TestKanal;
import dev.kanal.torznab.Feed;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tie made once is kept: after a restart with SkyHook gone, searches by id and by TVDB's names still work. */
class WorkTieRestartTest {
    @Test
    void a_sure_tie_and_the_names_it_brought_survive_a_restart_without_skyhook(@TempDir Path dir) throws Exception {
        WireMockServer skyhook = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        skyhook.start();
        skyhook.stubFor(get(urlPathMatching("/v1/tvdb/search/en/?")).willReturn(okJson(
                "[{\"tvdbId\":76385,\"title\":\"Married... with Children\",\"firstAired\":\"1987-04-05\"}]")));
        skyhook.stubFor(get(urlPathEqualTo("/v1/tvdb/shows/en/76385")).willReturn(okJson("{\"tvdbId\":76385,"
                + "\"title\":\"Married... with Children\",\"firstAired\":\"1987-04-05\",\"alternateTitles\":"
                + "[{\"title\":\"Eine schrecklich nette Familie\"}],\"episodes\":[{\"seasonNumber\":1,\"episodeNumber\":1,"
                + "\"absoluteEpisodeNumber\":1,\"title\":\"Pilot\"},{\"seasonNumber\":1,\"episodeNumber\":2,"
                + "\"absoluteEpisodeNumber\":2,\"title\":\"Thinnergy\"}]}")));
        FakeSite sto = new FakeSite(SiteId.STO);
        sto.put(FakeSite.series(SiteId.STO, "eine-schrecklich-nette-familie", "Eine schrecklich nette Familie",
                List.of(), 1987, ExternalIds.NONE, Set.of(Language.GERMAN_DUB), 2));
        Providers providers = new Providers(List.of(sto), new HosterRegistry(List.of()));
        Map<String, String> env = new HashMap<>(Map.of("KANAL_SKYHOOK_URL", "http://127.0.0.1:" + skyhook.port()));
        String before;
        try (TestKanal kanal = TestKanal.start(dir, env, providers)) {
            CatalogAwait.fullyReady(kanal);
            assertThat(search(kanal, "t=tvsearch&tvdbid=76385&season=1&ep=2").items()).hasSize(1);
            before = Json.mapper().readTree(api(kanal)).path("work").toString();
            assertThat(before).contains("\"tvdb\":76385").contains("\"used\":true");
        } finally {
            skyhook.stop();
        }
        try (TestKanal kanal = TestKanal.start(dir, env, providers)) {
            CatalogAwait.until(kanal, n -> !n.path("sites").isEmpty());
            assertThat(search(kanal, "t=tvsearch&tvdbid=76385&season=1&ep=2").items()).hasSize(1);
            assertThat(search(kanal, "t=tvsearch&q=Married%20with%20Children&season=1&ep=1").items()).hasSize(1);
            assertThat(Json.mapper().readTree(api(kanal)).path("work").toString()).isEqualTo(before);
        }
    }

    private static String api(TestKanal kanal) {
        return kanal.get("/api/catalog/sto/eine-schrecklich-nette-familie?apikey=" + TestKanal.API_KEY).body();
    }

    private static Feed search(TestKanal kanal, String query) {
        return Feed.parse(kanal.get("/torznab/api?apikey=" + TestKanal.API_KEY + "&" + query).body());
    }
}
