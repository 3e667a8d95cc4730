package dev.kanal.torznab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.catalog.CatalogAwait;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.testing.TestKanal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorznabApiTest {
    @TempDir
    static Path dir;

    static TestCatalog catalog;
    static TestKanal kanal;

    @BeforeAll
    static void start() {
        catalog = new TestCatalog();
        kanal = catalog.startKanal(dir);
    }

    @AfterAll
    static void stop() {
        catalog.stop(kanal);
    }

    static HttpResponse<String> api(String query) {
        return kanal.get("/torznab/api?apikey=" + TestKanal.API_KEY + "&" + query);
    }

    static Feed feed(String query) {
        HttpResponse<String> r = api(query);
        assertThat(r.statusCode()).isEqualTo(200);
        Feed f = Feed.parse(r.body());
        assertThat(f.errorCode()).as(r.body()).isNull();
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/rss+xml");
        return f;
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void caps_declare_limits_search_functions_and_categories() {
        HttpResponse<String> r = api("t=caps");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        assertThat(r.body()).contains("<limits default=\"100\" max=\"100\"")
                .contains("<search available=\"yes\" supportedParams=\"q\"")
                .contains("supportedParams=\"q,season,ep,tvdbid,imdbid,tmdbid,tvmazeid,rid\"")
                .contains("<movie-search available=\"yes\" supportedParams=\"q,imdbid,tmdbid\"")
                .contains("<category id=\"2000\" name=\"Movies\">").contains("<category id=\"5000\" name=\"TV\">")
                .contains("<subcat id=\"5070\" name=\"Anime\"");
    }

    @Test
    void a_wrong_or_missing_api_key_is_error_100() {
        for (String path : List.of("/torznab/api?t=caps", "/torznab/api?t=search&apikey=wrong")) {
            HttpResponse<String> r = kanal.get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            Feed f = Feed.parse(r.body());
            assertThat(f.errorCode()).isEqualTo("100");
            assertThat(f.errorDescription()).isEqualTo("Incorrect user credentials");
        }
    }

    @Test
    void bad_requests_are_torznab_errors_with_newznab_codes() {
        assertThat(Feed.parse(api("q=x").body()).errorCode()).isEqualTo("200");
        assertThat(Feed.parse(api("t=music").body()).errorCode()).isEqualTo("202");
        assertThat(Feed.parse(api("t=search&offset=-1").body()).errorCode()).isEqualTo("201");
        assertThat(Feed.parse(api("t=tvsearch&season=x").body()).errorCode()).isEqualTo("201");
        assertThat(Feed.parse(api("t=movie&imdbid=tt").body()).errorDescription()).isEqualTo("Incorrect parameter (imdbid)");
        assertThat(Feed.parse(api("t=search&cat=50x0").body()).errorCode()).isEqualTo("201");
    }

    @Test
    void a_daily_show_search_is_an_empty_feed_not_an_error() {
        Feed f = feed("t=tvsearch&tvdbid=" + TestCatalog.BB_TVDB + "&season=2018&ep=04/28");
        assertThat(f.items()).isEmpty();
    }

    @Test
    void server_level_errors_on_torznab_paths_are_torznab_errors() {
        HttpResponse<String> r = kanal.get("/torznab/nothing-here");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Feed.parse(r.body()).errorCode()).isEqualTo("202");
    }

    @Test
    void a_too_long_query_is_a_torznab_error_not_json() {
        HttpResponse<String> r = api("t=search&q=" + "a".repeat(40_000));
        assertThat(r.statusCode()).isEqualTo(414);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        assertThat(Feed.parse(r.body()).errorCode()).isEqualTo("201");
    }

    @Test
    void an_empty_search_is_an_rss_feed_of_real_releases() {
        for (String query : List.of("t=search", "t=search&extended=1", "t=tvsearch&cat=5030,5040,5070&extended=1&offset=0&limit=100",
                "t=movie&cat=2000")) {
            Feed f = feed(query);
            assertThat(f.items()).as(query).isNotEmpty();
            for (Feed.Item i : f.items()) {
                assertThat(i.guid()).startsWith("kanal-");
                assertThat(i.enclosureUrl()).startsWith("magnet:?xt=urn:btih:");
                assertThat(i.enclosureType()).isEqualTo("application/x-bittorrent;x-scheme-handler/magnet");
                assertThat(i.link()).isEqualTo(i.enclosureUrl());
                assertThat(i.attr("magneturl")).isEqualTo(i.enclosureUrl());
                assertThat(i.attr("infohash")).matches("[0-9a-f]{40}");
                assertThat(i.attrs("category")).isNotEmpty();
                assertThat(Long.parseLong(i.attr("size"))).isPositive();
                assertThat(i.attr("downloadvolumefactor")).isEqualTo("0");
                assertThat(i.attr("uploadvolumefactor")).isEqualTo("1");
                ZonedDateTime pub = ZonedDateTime.parse(i.pubDate(), DateTimeFormatter.RFC_1123_DATE_TIME);
                assertThat(pub.getYear()).isGreaterThan(2000);
            }
        }
    }

    @Test
    void the_rss_feed_only_holds_movies_for_radarr() {
        Feed f = feed("t=movie&cat=2000,2040");
        assertThat(f.titles()).containsExactlyInAnyOrder("Avengers.Endgame.2019.WEB-DL.German-KANAL",
                "Inception.2010.WEB-DL.German-KANAL");
    }

    @Test
    void search_by_title_finds_every_episode_in_every_language() {
        Feed f = feed("t=search&q=" + q("Breaking Bad"));
        assertThat(f.items()).hasSize(40);
        assertThat(f.titles()).contains("Breaking.Bad.S01E01.WEB-DL.German-KANAL", "Breaking.Bad.S02E13.WEB-DL.English-KANAL");
    }

    @Test
    void tvsearch_by_ids_finds_season_and_episode() {
        Feed f = feed("t=tvsearch&tvdbid=" + TestCatalog.BB_TVDB + "&imdbid=tt0903747&season=2&ep=5&cat=5030,5040");
        assertThat(f.titles()).containsExactly("Breaking.Bad.S02E05.WEB-DL.English-KANAL", "Breaking.Bad.S02E05.WEB-DL.German-KANAL");
        Feed.Item i = f.items().get(1);
        assertThat(i.attr("tvdbid")).isEqualTo("81189");
        assertThat(i.attr("imdb")).isEqualTo("0903747");
        assertThat(i.attr("imdbid")).isEqualTo("tt0903747");
        assertThat(i.attr("language")).isEqualTo("German");
        assertThat(i.attrs("category")).containsExactly("5000", "5010");
    }

    @Test
    void tvsearch_with_a_season_alone_returns_every_episode_of_it() {
        Feed f = feed("t=tvsearch&tvdbid=" + TestCatalog.BB_TVDB + "&season=1");
        assertThat(f.items()).hasSize(14);
        assertThat(f.titles()).allMatch(t -> t.startsWith("Breaking.Bad.S01E"));
    }

    @Test
    void tvsearch_falls_back_to_the_scene_title() {
        Feed f = feed("t=tvsearch&q=" + q("Breaking Bad") + "&season=1&ep=3");
        assertThat(f.titles()).containsExactly("Breaking.Bad.S01E03.WEB-DL.English-KANAL", "Breaking.Bad.S01E03.WEB-DL.German-KANAL");
        assertThat(feed("t=tvsearch&tvdbid=999999&q=" + q("Breaking Bad") + "&season=1&ep=3").items()).hasSize(2);
    }

    @Test
    void anime_releases_use_sonarrs_numbering_and_the_sites_numbering_in_the_magnet() {
        Feed f = feed("t=tvsearch&tvdbid=" + TestCatalog.AOT_TVDB + "&season=1&ep=4&cat=5070");
        assertThat(f.titles()).containsExactly("Attack.on.Titan.S01E04.WEB-DL.German-KANAL",
                "Attack.on.Titan.S01E04.WEB-DL.German.Sub-KANAL");
        KanalMagnet m = new MagnetCodec().parse(f.items().get(1).attr("magneturl"));
        assertThat(m.episode().site()).isEqualTo(SiteId.ANIWORLD);
        assertThat(m.episode().season()).isEqualTo(2);
        assertThat(m.episode().episode()).isEqualTo(1);
        assertThat(m.language()).isEqualTo(Language.GERMAN_SUB);
        assertThat(f.items().get(1).attr("subs")).isEqualTo("German");
        assertThat(f.items().get(1).attrs("category")).containsExactly("5070");
    }

    @Test
    void anime_absolute_queries_resolve_through_the_absolute_mapping() {
        for (String query : List.of("t=search&q=" + q("Attack on Titan 04"), "t=tvsearch&q=" + q("Attack on Titan") + "&ep=4",
                "t=tvsearch&tvdbid=" + TestCatalog.AOT_TVDB + "&q=04", "t=search&q=" + q("Shingeki no Kyojin 4"))) {
            Feed f = feed(query);
            assertThat(f.titles()).as(query).containsExactly("[KANAL] Attack on Titan - 04 [WEB-DL][German]",
                    "[KANAL] Attack on Titan - 04 [WEB-DL][German Sub]");
            assertThat(new MagnetCodec().parse(f.items().getFirst().attr("magneturl")).episode().season()).isEqualTo(2);
        }
    }

    @Test
    void specials_map_to_the_tvdb_season_zero_episode_by_title() {
        Feed f = feed("t=tvsearch&tvdbid=" + TestCatalog.AOT_TVDB + "&season=00&cat=5070");
        assertThat(f.titles()).containsExactly("Attack.on.Titan.S00E07.WEB-DL.German.Sub-KANAL");
        KanalMagnet m = new MagnetCodec().parse(f.items().getFirst().attr("magneturl"));
        assertThat(m.episode().season()).isZero();
        assertThat(m.episode().episode()).isEqualTo(1);
    }

    @Test
    void sonarrs_special_search_finds_the_episode_by_its_title() {
        Feed f = feed("t=search&q=" + q("Attack on Titan Crimson Bow and Arrow") + "&cat=5070");
        assertThat(f.titles()).containsExactly("Attack.on.Titan.S00E07.WEB-DL.German.Sub-KANAL");
        assertThat(feed("t=search&q=" + q("Attack on Titan Nothing Like This")).items()).isEmpty();
    }

    @Test
    void unmapped_series_keep_the_sites_numbering() {
        Feed f = feed("t=tvsearch&q=" + q("Some Obscure Anime") + "&season=1&ep=2");
        assertThat(f.titles()).containsExactly("Some.Obscure.Anime.S01E02.WEB-DL.German.Sub-KANAL");
    }

    @Test
    void movies_are_found_by_title_and_year_imdb_id_and_tmdb_id() {
        String title = "Avengers.Endgame.2019.WEB-DL.German-KANAL";
        assertThat(feed("t=search&q=" + q("Avengers Endgame 2019") + "&cat=2000").titles()).containsExactly(title);
        assertThat(feed("t=movie&q=" + q("Avengers Endgame 2019")).titles()).containsExactly(title);
        assertThat(feed("t=movie&imdbid=4154796").titles()).containsExactly(title);
        assertThat(feed("t=movie&imdbid=tt4154796").titles()).containsExactly(title);
        assertThat(feed("t=movie&tmdbid=299534&imdbid=4154796").titles()).containsExactly(title);
        Feed.Item i = feed("t=movie&tmdbid=299534").items().getFirst();
        assertThat(i.attr("tmdbid")).isEqualTo("299534");
        assertThat(i.attrs("category")).containsExactly("2000", "2080");
        KanalMagnet m = new MagnetCodec().parse(i.attr("magneturl"));
        assertThat(m.episode().isMovie()).isTrue();
    }

    @Test
    void paging_honours_offset_and_limit_exactly() {
        List<String> guids = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int offset = 0; offset < 60; offset += 15) {
            Feed f = feed("t=search&q=" + q("Breaking Bad") + "&offset=" + offset + "&limit=15");
            sizes.add(f.items().size());
            f.items().forEach(i -> guids.add(i.guid()));
        }
        assertThat(sizes).containsExactly(15, 15, 10, 0);
        assertThat(new HashSet<>(guids)).hasSize(40);
        List<String> rss = new ArrayList<>();
        Feed all = feed("t=search&limit=100");
        for (int offset = 0; offset < all.items().size(); offset += 7) {
            feed("t=search&offset=" + offset + "&limit=7").items().forEach(i -> rss.add(i.guid()));
        }
        assertThat(rss).containsExactlyElementsOf(all.items().stream().map(Feed.Item::guid).toList());
    }

    @Test
    void categories_filter_and_parents_include_their_subcategories() {
        Set<String> anime = sites(feed("t=search&cat=5070&limit=100"));
        assertThat(anime).containsExactly("aniworld");
        assertThat(sites(feed("t=search&cat=5000&limit=100"))).containsExactlyInAnyOrder("aniworld", "sto");
        assertThat(sites(feed("t=search&cat=2000&limit=100"))).containsExactly("megakino");
        assertThat(sites(feed("t=search&cat=5030,5040&limit=100"))).containsExactly("sto");
        assertThat(feed("t=search&cat=3000").items()).isEmpty();
    }

    private static Set<String> sites(Feed f) {
        Set<String> out = new HashSet<>();
        for (Feed.Item i : f.items()) out.add(new MagnetCodec().parse(i.attr("magneturl")).episode().site().id());
        return out;
    }

    @Test
    void magnets_round_trip_through_the_codec() {
        MagnetCodec codec = new MagnetCodec();
        for (Feed.Item i : feed("t=search&limit=100").items()) {
            KanalMagnet m = codec.parse(i.attr("magneturl"));
            assertThat(m.infoHash()).isEqualTo(i.attr("infohash"));
            assertThat(m.displayName()).isEqualTo(i.title());
            assertThat(m.mode()).isEqualTo(KanalMagnet.Mode.DOWNLOAD);
            assertThat(codec.hashOf(m.episode(), m.language(), m.mode())).isEqualTo(m.infoHash());
        }
    }

    @Test
    void the_same_search_twice_gives_the_same_guids_and_dates() {
        Feed a = feed("t=search&q=" + q("Attack on Titan"));
        Feed b = feed("t=search&q=" + q("Attack on Titan"));
        assertThat(a.items()).isNotEmpty();
        assertThat(a.items().stream().map(i -> i.guid() + i.pubDate()).toList())
                .isEqualTo(b.items().stream().map(i -> i.guid() + i.pubDate()).toList());
    }

    @Test
    void health_catalog_reports_every_stage_of_every_site() {
        var n = CatalogAwait.fullyReady(kanal);
        assertThat(n.path("ready").asBoolean()).isTrue();
        assertThat(n.path("sites")).hasSize(3);
        for (var site : n.path("sites")) {
            assertThat(site.path("site").asText()).isIn("aniworld", "sto", "megakino");
            for (String stage : List.of("titles", "details", "mapping")) {
                var s = site.path("stages").path(stage);
                assertThat(s.path("state").asText()).isEqualTo("ready");
                assertThat(s.has("done") && s.has("total") && s.has("rate") && s.has("eta_seconds")
                        && s.has("last_success") && s.has("last_error")).isTrue();
            }
        }
        assertThat(kanal.get("/metrics").body()).contains("kanal_catalog_stage_done").contains("kanal_catalog_ready 1.0");
    }
}
