package dev.kanal.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.kanal.Wiring;
import dev.kanal.catalog.CatalogAwait;
import dev.kanal.catalog.FakeSite;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SiteId;
import dev.kanal.sources.EpisodeSources;
import dev.kanal.testing.Eventually;
import dev.kanal.testing.FakeSources;
import dev.kanal.testing.FakeSources.Hoster;
import dev.kanal.testing.Resolutions;
import dev.kanal.testing.MediaServer;
import dev.kanal.testing.QbClient;
import dev.kanal.testing.TestKanal;
import dev.kanal.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a grab whose site is blocked completes from another site carrying the same work; a
 * finally failed grab is handed back to a (fake) Sonarr exactly once; an arr that is down changes
 * nothing; failures say what to do; downloads and folders get 0644/0755.
 */
class GrabFallbackTest {
    @TempDir
    static Path root;

    static final MagnetCodec CODEC = new MagnetCodec();
    static final ObjectMapper JSON = new ObjectMapper();
    static final FakeSources SOURCES = new FakeSources();
    static final FakeSite STO = new FakeSite(SiteId.STO);
    static final FakeSite ANIWORLD = new FakeSite(SiteId.ANIWORLD);
    static final int SHARED_TVDB = 424242;
    static TestKanal kanal;
    static MediaServer media;
    static QbClient qb;
    static WireMockServer sonarr;
    static String failingHash;

    @BeforeAll
    static void start() throws IOException {
        Path mediaDir = Files.createDirectories(root.resolve("media"));
        TestMedia.mp4(mediaDir, "episode.mp4", 2);
        media = MediaServer.start(mediaDir);
        STO.put(FakeSite.series(SiteId.STO, "kanal-show", "Kanal Show", List.of(), 2020,
                new ExternalIds(null, null, SHARED_TVDB), Set.of(Language.GERMAN_DUB), 3));
        ANIWORLD.put(FakeSite.series(SiteId.ANIWORLD, "kanal-show-anime", "Kanal Show", List.of(), 2020,
                new ExternalIds(null, null, SHARED_TVDB), Set.of(Language.GERMAN_DUB, Language.GERMAN_SUB), 3));
        STO.put(FakeSite.series(SiteId.STO, "lonely-show", "Lonely Show", List.of(), 2021,
                new ExternalIds(null, null, 1111), Set.of(Language.GERMAN_DUB), 3));
        STO.put(FakeSite.series(SiteId.STO, "unlisted-show", "Unlisted Show", List.of(), 2021,
                new ExternalIds(null, null, 2222), Set.of(Language.GERMAN_DUB), 3));
        SOURCES.script("kanal-show", Hoster.gone("VOE", "s.to answered a link gate (needs a browser)"),
                Hoster.gone("Filemoon", "s.to answered a link gate (needs a browser)"));
        SOURCES.script("kanal-show-anime", Hoster.serving("VOE", media.url("episode.mp4")));
        SOURCES.script("lonely-show", Hoster.gone("VOE", "video gone: 404 removed"), Hoster.gone("Filemoon", "timeout"));
        SOURCES.script("unlisted-show", Hoster.gone("VOE", "video gone: 404 removed"));
        SOURCES.script("served-show", Hoster.serving("VOE", media.url("episode.mp4")));

        failingHash = hash("lonely-show", Language.GERMAN_DUB);
        sonarr = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        sonarr.start();
        StringBuilder page1 = new StringBuilder("{\"page\":1,\"pageSize\":100,\"totalRecords\":101,\"records\":[");
        for (int i = 0; i < 100; i++) {
            page1.append(i == 0 ? "" : ",").append("{\"id\":").append(1000 + i)
                    .append(",\"downloadId\":\"").append(String.format("%040X", i)).append("\"}");
        }
        page1.append("]}");
        sonarr.stubFor(get(urlPathEqualTo("/api/v3/queue")).withQueryParam("page", equalTo("1"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(page1.toString())));
        sonarr.stubFor(get(urlPathEqualTo("/api/v3/queue")).withQueryParam("page", equalTo("2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"page\":2,\"pageSize\":100,\"totalRecords\":101,\"records\":[{\"id\":7,\"downloadId\":\""
                                + failingHash.toUpperCase() + "\"}]}")));
        sonarr.stubFor(WireMock.delete(urlPathMatching("/api/v3/queue/.*")).willReturn(aResponse().withStatus(200)));

        EpisodeSources sources = (episode, language, skip) -> episode.slug().equals("english-show")
                ? Resolutions.failed(List.of(), Set.of(Language.GERMAN_DUB, Language.GERMAN_SUB))
                : SOURCES.resolve(episode, language, skip);
        STO.put(FakeSite.series(SiteId.STO, "english-show", "English Show", List.of(), 2021,
                new ExternalIds(null, null, 3333), Set.of(Language.GERMAN_DUB), 3));
        var overrides = Wiring.Overrides.none().withProviders(new Providers(List.of(ANIWORLD, STO),
                new HosterRegistry(List.of()))).withSources(sources)
                .withMediaInfo((e, l, h, c) -> {});
        kanal = TestKanal.start(root.resolve("kanal"), Map.of("KANAL_DOWNLOAD_RETRY_DELAY", "1s",
                "KANAL_DOWNLOAD_RETRIES", "0", "KANAL_SITE_ORDER", "sto,aniworld",
                "KANAL_ARR_SONARR_URL", "http://127.0.0.1:" + sonarr.port(),
                "KANAL_ARR_SONARR_API_KEY", "sonarr-key",
                // a second arr that is down: asked a bounded number of times, never the job's concern
                "KANAL_ARR_MORE", "http://127.0.0.1:9|radarr-key"), overrides);
        CatalogAwait.until(kanal, n -> {
            for (JsonNode site : n.path("sites")) {
                if (!site.path("stages").path("details").path("state").asText().equals("ready")) return false;
            }
            return n.path("sites").size() == 2;
        });
        qb = new QbClient(kanal);
        qb.login();
    }

    @AfterAll
    static void stop() {
        kanal.close();
        media.close();
        sonarr.stop();
    }

    static String magnet(String slug, Language language, String title) {
        return CODEC.format(CODEC.create(title, new EpisodeAddress(SiteId.STO, slug, 1, 2), language,
                KanalMagnet.Mode.DOWNLOAD));
    }

    static String hash(String slug, Language language) {
        return CODEC.parse(magnet(slug, language, "x")).infoHash();
    }

    static String add(String magnet) {
        assertThat(qb.post("/api/v2/torrents/add", Map.of("urls", magnet, "category", "tv-sonarr")).body())
                .isEqualTo("Ok.");
        return CODEC.parse(magnet).infoHash();
    }

    static JsonNode torrent(String hash) {
        try {
            JsonNode list = JSON.readTree(qb.get("/api/v2/torrents/info?hashes=" + hash).body());
            return list.isEmpty() ? null : list.get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode awaitEnd(String hash) {
        return Eventually.await("torrent " + hash + " finished", Duration.ofSeconds(90), () -> torrent(hash),
                t -> t != null && List.of("stoppedUP", "error").contains(t.path("state").asText()));
    }

    static JsonNode job(String hash) {
        try {
            for (JsonNode j : JSON.readTree(kanal.get("/api/jobs?apikey=" + TestKanal.API_KEY).body())) {
                if (j.path("hash").asText().equals(hash)) return j;
            }
            throw new AssertionError("no job for " + hash);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_grab_whose_site_is_blocked_completes_from_another_site_named_after_the_grabbed_release() throws IOException {
        String title = "Kanal Show S01E02 GER 1080p WEB h264-KANAL";
        int deletesBefore = deletes();
        String hash = add(magnet("kanal-show", Language.GERMAN_DUB, title));
        JsonNode t = awaitEnd(hash);
        assertThat(t.path("state").asText()).as(t.path("comment").asText()).isEqualTo("stoppedUP");
        Path file = Path.of(t.path("content_path").asText());
        assertThat(file.getFileName().toString()).isEqualTo(title + ".mp4");
        JsonNode job = job(hash);
        assertThat(job.path("current_hoster").asText()).isEqualTo("aniworld:VOE");
        assertThat(job.path("attempts").findValuesAsText("hoster")).containsExactly("VOE", "Filemoon");
        // the same episode in the same language on the other site, never another language
        assertThat(SOURCES.calls()).anySatisfy(c -> {
            assertThat(c.episode()).isEqualTo(new EpisodeAddress(SiteId.ANIWORLD, "kanal-show-anime", 1, 2));
            assertThat(c.language()).isEqualTo(Language.GERMAN_DUB);
        });
        // readable by a media server running as another user
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwxr-xr-x");
        // a success is never handed back
        assertThat(deletes()).isEqualTo(deletesBefore);
    }

    static int deletes() {
        return sonarr.findAll(deleteRequestedFor(urlPathMatching("/api/v3/queue/.*"))).size();
    }

    @Test
    void a_final_failure_is_handed_back_to_the_arr_exactly_once_with_blocklisting() {
        String hash = add(magnet("lonely-show", Language.GERMAN_DUB, "Lonely Show S01E02 GER 1080p WEB h264-KANAL"));
        assertThat(hash).isEqualTo(failingHash);
        JsonNode t = awaitEnd(hash);
        assertThat(t.path("state").asText()).isEqualTo("error");
        assertThat(t.path("comment").asText())
                .isEqualTo("every hoster failed: VOE: video gone: 404 removed; Filemoon: timeout");
        assertThat(job(hash).path("error").asText()).isEqualTo(t.path("comment").asText());
        Eventually.await("one blocklisting delete", Duration.ofSeconds(30),
                () -> sonarr.findAll(deleteRequestedFor(urlPathMatching("/api/v3/queue/.*"))).size(), n -> n >= 1);
        sonarr.verify(1, deleteRequestedFor(urlPathEqualTo("/api/v3/queue/7"))
                .withQueryParam("removeFromClient", equalTo("true")).withQueryParam("blocklist", equalTo("true"))
                .withHeader("X-Api-Key", equalTo("sonarr-key")));
        sonarr.verify(WireMock.getRequestedFor(urlPathEqualTo("/api/v3/queue")).withQueryParam("page", equalTo("2")));
    }

    @Test
    void an_arr_that_is_down_or_does_not_know_the_grab_leaves_the_job_failed_and_nothing_deleted() {
        String hash = add(magnet("unlisted-show", Language.GERMAN_DUB, "Unlisted Show S01E02 GER 1080p WEB h264-KANAL"));
        JsonNode t = awaitEnd(hash);
        assertThat(t.path("state").asText()).isEqualTo("error");
        assertThat(job(hash).path("state").asText()).isEqualTo("failed");
        sonarr.verify(0, deleteRequestedFor(urlPathEqualTo("/api/v3/queue/" + hash)));
    }

    @Test
    void a_language_the_episode_does_not_have_is_named_with_those_it_has() {
        String hash = add(magnet("english-show", Language.ENGLISH_DUB, "English Show S01E02 ENG 1080p WEB h264-KANAL"));
        JsonNode t = awaitEnd(hash);
        assertThat(t.path("comment").asText())
                .isEqualTo("English Dub is not offered for this episode; offered: German Dub, German Sub");
    }

    @Test
    void a_strm_file_is_readable_by_a_media_server_running_as_another_user() throws IOException {
        String m = CODEC.format(CODEC.create("Served Show S01E02 GER 1080p WEB h264-KANAL",
                new EpisodeAddress(SiteId.STO, "served-show", 1, 2), Language.GERMAN_DUB, KanalMagnet.Mode.STRM));
        String hash = add(m);
        JsonNode t = awaitEnd(hash);
        assertThat(t.path("state").asText()).as(t.path("comment").asText()).isEqualTo("stoppedUP");
        Path file = Path.of(t.path("content_path").asText());
        assertThat(file.getFileName().toString()).endsWith(".strm");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void the_connect_view_lists_the_arrs_and_tests_each_with_its_system_status() throws IOException {
        sonarr.stubFor(get(urlPathEqualTo("/api/v3/system/status")).withHeader("X-Api-Key", equalTo("sonarr-key"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"appName\":\"Sonarr\",\"version\":\"4.0.15.2941\"}")));
        assertThat(kanal.get("/ui/api/arr").statusCode()).isEqualTo(401);
        JsonNode list = JSON.readTree(ui("GET", "/ui/api/arr").body());
        assertThat(list.findValuesAsText("name")).containsExactly("Sonarr", "arr 2");
        assertThat(list.toString()).doesNotContain("sonarr-key").doesNotContain("radarr-key");
        JsonNode ok = JSON.readTree(ui("POST", "/ui/api/arr/0/test").body());
        assertThat(ok.path("ok").asBoolean()).isTrue();
        assertThat(ok.path("message").asText()).isEqualTo("Sonarr 4.0.15.2941 answered");
        JsonNode down = JSON.readTree(ui("POST", "/ui/api/arr/1/test").body());
        assertThat(down.path("ok").asBoolean()).isFalse();
        assertThat(down.path("message").asText()).contains("unreachable");
        assertThat(ui("POST", "/ui/api/arr/9/test").statusCode()).isEqualTo(404);
    }

    static java.net.http.HttpResponse<String> ui(String method, String path) {
        return kanal.send(java.net.http.HttpRequest.newBuilder(kanal.url(path)).header("X-Api-Key", TestKanal.API_KEY)
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build());
    }
}
