package dev.kanal.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.Json;
import dev.kanal.catalog.SkyHookClient;
import dev.kanal.catalog.SkyHookShow;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.providers.resolve.SourceResolver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo site read by Kanal's real parsers and extractors: the AniWorld and Megakino sites, the
 * hoster registry with VOE and Streamtape, the source resolver and the SkyHook client, all against
 * a running {@link DemoServer} with real ffmpeg clips.
 */
class DemoServerTest {
    @TempDir
    static Path dir;

    static DemoServer demo;
    static Providers providers;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(0, dir.resolve("demo"), "ffmpeg", 0);
        ProviderSettings settings = new ProviderSettings(
                Map.of(SiteId.ANIWORLD, demo.aniworldUrl(), SiteId.MEGAKINO, demo.megakinoUrl()),
                EnumSet.of(SiteId.ANIWORLD, SiteId.MEGAKINO), 100, true, Duration.ofSeconds(5),
                Duration.ofSeconds(30), 0, null);
        providers = Providers.create(settings);
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    private static Site site(SiteId id) {
        return providers.site(id).orElseThrow();
    }

    @Test
    void the_real_aniworld_parser_lists_every_demo_series() {
        List<TitleRef> titles = new ArrayList<>();
        site(SiteId.ANIWORLD).titles(titles::add);
        assertThat(titles).extracting(TitleRef::slug).containsExactlyElementsOf(
                demo.catalog().series().stream().map(DemoCatalog.Series::slug).toList());
        assertThat(titles.getFirst().title()).isEqualTo("Sternenfänger Akademie");
        assertThat(titles.getFirst().altTitles()).containsExactly("Star Catcher Academy");
    }

    @Test
    void the_new_episodes_page_names_each_series_last_episode_per_language() {
        var recent = site(SiteId.ANIWORLD).recentEpisodes();
        assertThat(recent).extracting(r -> r.episode().slug()).containsAll(
                demo.catalog().series().stream().map(DemoCatalog.Series::slug).toList());
        assertThat(recent).allSatisfy(r -> assertThat(r.language()).isNotNull());
    }

    @Test
    void series_details_have_films_seasons_titles_and_languages() {
        TitleDetail detail = site(SiteId.ANIWORLD).detail("sternenfaenger-akademie");
        assertThat(detail.title().year()).isEqualTo(2019);
        assertThat(detail.seasons()).extracting(SeasonRef::number).containsExactly(0, 1, 2);
        SeasonRef films = detail.seasons().getFirst();
        assertThat(films.episodes()).singleElement().satisfies(e -> assertThat(e.titleDe()).isEqualTo("Der Kometenfilm"));
        SeasonRef second = detail.seasons().get(2);
        assertThat(second.episodes()).hasSize(2);
        assertThat(second.episodes().get(1).languages())
                .containsExactlyInAnyOrder(Language.GERMAN_DUB, Language.GERMAN_SUB);
        assertThat(detail.seasons().get(1).episodes().getFirst().languages())
                .containsExactlyInAnyOrder(Language.GERMAN_DUB, Language.GERMAN_SUB, Language.ENGLISH_SUB);
    }

    @Test
    void an_episode_page_lists_voe_and_streamtape_per_language() {
        List<HosterLink> links = site(SiteId.ANIWORLD).hosterLinks(
                new EpisodeAddress(SiteId.ANIWORLD, "orbit-baeckerei", 1, 2));
        assertThat(links).extracting(l -> l.hoster() + "/" + l.language().label()).containsExactly(
                "VOE/German Dub", "Streamtape/German Dub", "VOE/German Sub", "Streamtape/English Sub");
    }

    @Test
    void the_resolver_decodes_voe_to_the_hls_rendition_which_ffmpeg_made() throws Exception {
        Resolution r = resolver().resolve(new EpisodeAddress(SiteId.ANIWORLD, "pixel-ronin", 1, 1),
                Language.GERMAN_SUB, List.of("VOE"), Set.of());
        assertThat(r).isInstanceOf(Resolution.Resolved.class);
        StreamSource source = ((Resolution.Resolved) r).source();
        assertThat(source.hoster()).isEqualTo("VOE");
        assertThat(source.format()).isEqualTo(StreamSource.Format.HLS);
        var playlist = http.send(HttpRequest.newBuilder(source.url()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(playlist.statusCode()).isEqualTo(200);
        assertThat(playlist.body()).startsWith("#EXTM3U").contains("seg000.ts").contains("#EXT-X-ENDLIST");
    }

    @Test
    void the_resolver_picks_streamtapes_real_token_and_gets_the_mp4_with_ranges() throws Exception {
        Resolution r = resolver().resolve(new EpisodeAddress(SiteId.ANIWORLD, "pixel-ronin", 1, 2),
                Language.ENGLISH_SUB, List.of(), Set.of());
        assertThat(r).isInstanceOf(Resolution.Resolved.class);
        StreamSource source = ((Resolution.Resolved) r).source();
        assertThat(source.hoster()).isEqualTo("Streamtape");
        assertThat(source.url().getPath()).isEqualTo("/get_video");
        var part = http.send(HttpRequest.newBuilder(source.url()).header("Range", "bytes=100-199").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        // the clip is generated on the first media request
        byte[] clip = Files.readAllBytes(dir.resolve("demo/episode/clip.mp4"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + clip.length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(clip, 100, 200));
        var beyond = http.send(HttpRequest.newBuilder(source.url()).header("Range", "bytes=" + clip.length + "-")
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(beyond.statusCode()).isEqualTo(416);
    }

    @Test
    void a_decoy_streamtape_token_is_refused() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + demo.port()
                + "/get_video?id=st4&expires=1&ip=demo&token=decoy")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void only_links_in_the_asked_language_are_tried() {
        Resolution r = resolver().resolve(new EpisodeAddress(SiteId.ANIWORLD, "kleiner-drache-mochi", 1, 1),
                Language.ENGLISH_SUB, List.of(), Set.of());
        assertThat(r).isInstanceOf(Resolution.Failed.class);
        assertThat(((Resolution.Failed) r).describe()).isEqualTo("no hoster link to try in this language");
    }

    @Test
    void megakino_lists_and_details_the_film_with_both_hosters() {
        List<TitleRef> titles = new ArrayList<>();
        site(SiteId.MEGAKINO).titles(titles::add);
        assertThat(titles).singleElement().satisfies(t -> {
            assertThat(t.slug()).isEqualTo("1001-big-buck-bunny");
            assertThat(t.kind()).isEqualTo(TitleKind.MOVIE);
        });
        TitleDetail detail = site(SiteId.MEGAKINO).detail("1001-big-buck-bunny");
        assertThat(detail.title().title()).isEqualTo("Big Buck Bunny");
        assertThat(detail.title().year()).isEqualTo(2008);
        List<HosterLink> links = site(SiteId.MEGAKINO).hosterLinks(new EpisodeAddress(SiteId.MEGAKINO,
                "1001-big-buck-bunny", 0, 0));
        assertThat(links).extracting(HosterLink::hoster).containsExactly("VOE", "Streamtape");
    }

    @Test
    void skyhook_answers_search_and_show_with_sonarrs_numbering() {
        SkyHookClient skyhook = new SkyHookClient(demo.skyhookUrl(), Json.mapper());
        assertThat(skyhook.search("Laternenwächter")).extracting(SkyHookShow::tvdbId).containsExactly(9_100_002);
        SkyHookShow show = skyhook.show(9_100_001).orElseThrow();
        assertThat(show.title()).isEqualTo("Sternenfänger Akademie");
        assertThat(show.episodes()).anySatisfy(e -> {
            assertThat(e.seasonNumber()).isEqualTo(2);
            assertThat(e.episodeNumber()).isEqualTo(1);
            assertThat(e.absoluteEpisodeNumber()).isEqualTo(4);
        });
        assertThat(skyhook.show(1)).isEmpty();
    }

    @Test
    void unknown_pages_answer_404_and_removed_embeds_say_file_not_found() throws Exception {
        for (String path : List.of("/aniworld/anime/stream/nope", "/aniworld/anime/stream/pixel-ronin/staffel-9",
                "/aniworld/anime/stream/pixel-ronin/staffel-1/episode-99", "/aniworld/redirect/99999", "/nothing",
                "/media/episode/../../etc/passwd")) {
            var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port() + path)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).as(path).isIn(400, 404);
        }
        var gone = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + demo.port() + "/e/voe99999"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).contains("File not found");
    }

    private static SourceResolver resolver() {
        return new SourceResolver(providers, providers.hosterFetcher());
    }
}
