package dev.kanal.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import dev.kanal.testing.TestKanal;
import dev.kanal.torznab.Feed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work layer end to end against a local SkyHook (WireMock) and three fake sites: a sequel entry
 * AniWorld lists as its own title, a German-titled s.to series Sonarr knows by its English name, a
 * Megakino page that is one season, a title SkyHook only half-knows (an unsure tie), and two films of
 * one series. One Kanal for the class.
 */
class WorkLayerTest {
    static WireMockServer skyhook;
    static TestKanal kanal;

    @BeforeAll
    static void start(@TempDir Path dir) {
        skyhook = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        skyhook.start();
        skyhook.stubFor(get(urlPathMatching("/v1/tvdb/search/en/?")).atPriority(10).willReturn(okJson("[]")));
        search("mob psycho 100", hit(307128, "Mob Psycho 100", "2016"));
        show(307128, "Mob Psycho 100", "2016", List.of("Mobu Saiko Hyaku"), new int[] {12, 13},
                List.of("Reigen: The Miraculous Unknown Psychic", "Mob Psycho 100: The Spirits and Such Consultation Office's First Company Trip"));
        search("haus des geldes", hit(327417, "Money Heist", "2017"));
        show(327417, "Money Heist", "2017", List.of("La Casa de Papel", "Haus des Geldes"), new int[] {9, 6}, List.of());
        search("stranger things", hit(305288, "Stranger Things", "2016"));
        show(305288, "Stranger Things", "2016", List.of(), new int[] {8, 9, 8, 9}, List.of());
        search("obscure show", hit(999001, "Obscure Signals", "2001"));
        show(999001, "Obscure Signals", "2001", List.of(), new int[] {3}, List.of());

        FakeSite aniworld = new FakeSite(SiteId.ANIWORLD);
        aniworld.put(FakeSite.withSeason(series(SiteId.ANIWORLD, "mob-psycho-100", "Mob Psycho 100", List.of(), 2016, 12),
                new SeasonRef(0, List.of(
                        new EpisodeRef(0, 1, "Reigen – Der miraculöse unbekannte Psychic", "Reigen: The Miraculous Unknown Psychic", Set.of(Language.GERMAN_SUB)),
                        new EpisodeRef(0, 2, "Der Betriebsausflug", "Mob Psycho 100: The Spirits and Such Consultation Office's First Company Trip", Set.of(Language.GERMAN_SUB)),
                        new EpisodeRef(0, 3, "Bonus", "Bonus Clip", Set.of(Language.GERMAN_SUB))))));
        aniworld.put(series(SiteId.ANIWORLD, "mob-psycho-100-ii", "Mob Psycho 100 II", List.of("Mob Psycho 100 Season 2"), 2019, 13));
        FakeSite sto = new FakeSite(SiteId.STO);
        sto.put(series(SiteId.STO, "haus-des-geldes", "Haus des Geldes",
                List.of("haus des geldes money heist la casa de papel"), 2017, 9, 6));
        sto.put(series(SiteId.STO, "stranger-things", "Stranger Things", List.of(), 2016, 8, 9, 8));
        sto.put(series(SiteId.STO, "obscure-show", "Obscure Show", List.of(), 2001, 3));
        FakeSite megakino = new FakeSite(SiteId.MEGAKINO);
        List<EpisodeRef> s4 = new ArrayList<>();
        for (int e = 1; e <= 9; e++) s4.add(new EpisodeRef(4, e, "Kapitel " + e, null, Set.of(Language.GERMAN_DUB)));
        megakino.put(new TitleDetail(new TitleRef(SiteId.MEGAKINO, "201-stranger-things-4-staffel",
                "Stranger Things 4. Staffel", List.of(), 2022, TitleKind.SERIES, ExternalIds.NONE, null), null,
                List.of(new SeasonRef(4, s4))));

        Map<String, String> env = new HashMap<>();
        env.put("KANAL_SKYHOOK_URL", "http://127.0.0.1:" + skyhook.port());
        kanal = TestKanal.start(dir, env, new Providers(List.of(aniworld, sto, megakino), new HosterRegistry(List.of())));
        CatalogAwait.fullyReady(kanal);
        CatalogAwait.until(kanal, n -> {
            for (JsonNode site : n.path("sites")) {
                JsonNode m = site.path("stages").path("mapping");
                if (!m.path("state").asText().equals("ready") || m.path("done").asInt() != m.path("total").asInt()) return false;
            }
            return true;
        });
    }

    @AfterAll
    static void stop() {
        if (kanal != null) kanal.close();
        if (skyhook != null) skyhook.stop();
    }

    @Test
    void a_sequel_entry_is_found_by_tvdb_id_under_its_tvdb_season() {
        Feed f = torznab("t=tvsearch&tvdbid=307128&season=2&ep=1");
        assertThat(f.items()).isNotEmpty().allMatch(i -> where(i).contains("mob-psycho-100-ii"));
        assertThat(f.titles()).allMatch(t -> t.contains("S02E01"));
        // the first series' episodes stay in season 1, and absolute numbers go on across the entries
        assertThat(torznab("t=tvsearch&tvdbid=307128&season=1&ep=12").items()).singleElement()
                .matches(i -> where(i).contains("aniworld") && !where(i).contains("mob-psycho-100-ii"));
        assertThat(torznab("t=tvsearch&tvdbid=307128&q=13").items()).singleElement()
                .matches(i -> where(i).contains("kanal_slug=mob-psycho-100-ii&kanal_s=1&kanal_e=1"));
    }

    @Test
    void every_sequel_form_of_a_text_search_returns_that_season_first() {
        for (String q : List.of("Mob%20Psycho%20100%20S2", "Mob%20Psycho%20100%20Season%202", "Mob%20Psycho%20100%20II",
                "Mob%20Psycho%20100%202nd%20Season")) {
            Feed f = torznab("t=search&q=" + q);
            assertThat(f.titles()).as(q).isNotEmpty();
            assertThat(f.titles().getFirst()).as(q).contains("S02E");
        }
    }

    @Test
    void a_german_titled_series_is_found_by_its_english_name_and_its_search_text() {
        assertThat(torznab("t=tvsearch&q=Money%20Heist&season=2&ep=3").items()).singleElement()
                .matches(i -> where(i).contains("haus-des-geldes"));
        assertThat(torznab("t=tvsearch&q=La%20Casa%20de%20Papel&season=1&ep=1").items()).hasSize(1);
        assertThat(torznab("t=tvsearch&tvdbid=327417&season=1&ep=1").items()).hasSize(1);
    }

    @Test
    void a_megakino_season_page_answers_for_its_tvdb_season_by_id_and_by_name() {
        assertThat(torznab("t=tvsearch&tvdbid=305288&season=4&ep=2").items()).singleElement()
                .matches(i -> where(i).contains("201-stranger-things-4-staffel"));
        assertThat(torznab("t=tvsearch&q=Stranger%20Things&season=4&ep=2").items()).singleElement()
                .matches(i -> where(i).contains("megakino"));
        // the whole season from every site that has it: s.to has seasons 1 to 3, Megakino season 4
        assertThat(torznab("t=tvsearch&tvdbid=305288&season=1&ep=1").items()).singleElement()
                .matches(i -> where(i).contains("sto"));
        assertThat(torznab("t=tvsearch&q=Stranger%20Things&season=4").items()).hasSize(9);
    }

    @Test
    void each_film_takes_one_special_and_an_unknown_one_takes_nobodys() {
        List<String> titles = torznab("t=tvsearch&tvdbid=307128&season=0").titles();
        assertThat(titles).hasSize(3).anyMatch(t -> t.contains("S00E01")).anyMatch(t -> t.contains("S00E02"))
                .anyMatch(t -> t.contains("S00E03"));
        assertThat(titles.stream().map(t -> t.replaceAll(".*(S00E\\d+).*", "$1")).distinct()).hasSize(3);
    }

    @Test
    void an_unsure_tie_is_shown_but_not_used() {
        assertThat(torznab("t=tvsearch&tvdbid=999001&season=1&ep=1").items()).isEmpty();
        JsonNode report = api("/api/catalog/sto/obscure-show");
        assertThat(report.path("work").path("tvdb").asInt()).isEqualTo(999001);
        assertThat(report.path("work").path("used").asBoolean()).isFalse();
        assertThat(report.path("ids").path("tvdb").isNull()).isTrue();
        // the site's own name still finds it
        assertThat(torznab("t=tvsearch&q=Obscure%20Show&season=1&ep=1").items()).hasSize(1);
    }

    @Test
    void the_catalog_api_shows_how_a_tie_was_made() {
        JsonNode sequel = api("/api/catalog/aniworld/mob-psycho-100-ii").path("work");
        assertThat(sequel.path("method").asText()).isEqualTo("skyhook-sequel");
        assertThat(sequel.path("season").asInt()).isEqualTo(2);
        assertThat(sequel.path("used").asBoolean()).isTrue();
        assertThat(sequel.path("evidence").asText()).contains("mob psycho 100");
        JsonNode page = api("/api/catalog/megakino/201-stranger-things-4-staffel").path("work");
        assertThat(page.path("tvdb").asInt()).isEqualTo(305288);
        assertThat(page.path("season").asInt()).isEqualTo(4);
    }

    @Test
    void a_sure_tie_is_kept_when_the_title_is_mapped_again_even_if_no_name_finds_it_now() {
        var matcher = new WorkMatcher(new SkyHookClient(java.net.URI.create("http://127.0.0.1:" + skyhook.port()),
                dev.kanal.Json.mapper()));
        var kept = new WorkTie(305288, 4, "skyhook-sequel", 0.95, "earlier");
        var tied = matcher.tie(new WorkMatcher.Subject("Renamed Beyond Recognition", List.of(), 2022, null, kept,
                List.of(new SeriesMapper.SiteEpisode(4, 1, null, null, 1))));
        assertThat(tied).isPresent();
        assertThat(tied.get().tie()).isEqualTo(kept);
        // an unsure earlier tie is not kept: the title is looked up again (and here found nowhere)
        var unsure = new WorkTie(305288, null, "skyhook-name", 0.7, "earlier");
        assertThat(matcher.tie(new WorkMatcher.Subject("Renamed Beyond Recognition", List.of(), 2022, null, unsure,
                List.of()))).isEmpty();
    }

    private static String where(Feed.Item i) {
        return i.guid() + " " + i.link() + " " + i.enclosureUrl();
    }

    private static Feed torznab(String query) {
        return Feed.parse(kanal.get("/torznab/api?apikey=" + TestKanal.API_KEY + "&" + query).body());
    }

    private static JsonNode api(String path) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(kanal.get(path + "?apikey=" + TestKanal.API_KEY).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TitleDetail series(SiteId site, String slug, String title, List<String> alt, int year, int... seasons) {
        Set<Language> langs = site == SiteId.ANIWORLD ? Set.of(Language.GERMAN_SUB) : Set.of(Language.GERMAN_DUB);
        return FakeSite.series(site, slug, title, alt, year, ExternalIds.NONE, langs, seasons);
    }

    private static String hit(int tvdb, String title, String year) {
        return "[{\"tvdbId\":" + tvdb + ",\"title\":\"" + title + "\",\"firstAired\":\"" + year + "-01-01\"}]";
    }

    private static void search(String term, String json) {
        skyhook.stubFor(get(urlPathMatching("/v1/tvdb/search/en/?")).withQueryParam("term", equalTo(term))
                .atPriority(1).willReturn(okJson(json)));
    }

    private static void show(int tvdb, String title, String year, List<String> alternates, int[] seasons,
            List<String> specials) {
        StringBuilder eps = new StringBuilder();
        int absolute = 0;
        for (int s = 0; s < seasons.length; s++) {
            for (int e = 1; e <= seasons[s]; e++) {
                if (!eps.isEmpty()) eps.append(',');
                eps.append("{\"seasonNumber\":").append(s + 1).append(",\"episodeNumber\":").append(e)
                        .append(",\"absoluteEpisodeNumber\":").append(++absolute).append(",\"title\":\"Episode ")
                        .append(e).append("\"}");
            }
        }
        for (int i = 0; i < specials.size(); i++) {
            if (!eps.isEmpty()) eps.append(',');
            eps.append("{\"seasonNumber\":0,\"episodeNumber\":").append(i + 1).append(",\"title\":\"")
                    .append(specials.get(i)).append("\"}");
        }
        StringBuilder alts = new StringBuilder();
        for (String a : alternates) alts.append(alts.isEmpty() ? "" : ",").append("{\"title\":\"").append(a).append("\"}");
        skyhook.stubFor(get(urlPathEqualTo("/v1/tvdb/shows/en/" + tvdb)).willReturn(okJson("{\"tvdbId\":" + tvdb
                + ",\"title\":\"" + title + "\",\"firstAired\":\"" + year + "-01-01\",\"alternateTitles\":[" + alts
                + "],\"episodes\":[" + eps + "]}")));
    }
}
