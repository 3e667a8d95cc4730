package dev.kanal.strm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The library health scan, {@code GET /health/strm} and {@code POST /api/strm/regenerate}. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StrmLibraryTest {
    @TempDir
    static Path root;

    static StrmHarness harness;
    static FakeSources sources = new FakeSources(Map.of());
    static final EpisodeAddress PLAYS = new EpisodeAddress(SiteId.ANIWORLD, "frieren", 1, 1);
    static final EpisodeAddress GONE = new EpisodeAddress(SiteId.ANIWORLD, "frieren", 1, 2);
    static final EpisodeAddress OLD = new EpisodeAddress(SiteId.ANIWORLD, "frieren", 1, 3);
    static final EpisodeAddress UNPLAYABLE = new EpisodeAddress(SiteId.ANIWORLD, "frieren", 1, 4);
    static Path plays;
    static Path gone;
    static Path old;
    static Path unplayable;
    static Path libraryLink;

    @BeforeAll
    static void start() throws Exception {
        sources.offer(PLAYS, "VOE", URI.create("https://cdn.example/1.mp4"))
                .offer(GONE, "VOE", URI.create("https://cdn.example/2.mp4"))
                .offer(OLD, "VOE", URI.create("https://cdn.example/3.mp4"));
        harness = new StrmHarness(root, sources);
        Path dir = root.resolve("downloads/frieren");
        var files = harness.feature.files();
        plays = files.write(dir, "Frieren.S01E01", PLAYS, Language.GERMAN_SUB);
        gone = files.write(dir, "Frieren.S01E02", GONE, Language.GERMAN_SUB);
        old = files.write(dir, "Frieren.S01E03", OLD, Language.GERMAN_SUB);
        unplayable = files.write(dir, "Frieren.S01E04", UNPLAYABLE, Language.GERMAN_SUB);
        Files.delete(gone);
        Files.writeString(old, "http://old-host:8080/strm/stream?slug=frieren&s=1&e=3&sig=abc\n");
        libraryLink = root.resolve("library/Frieren - S01E03.strm");
        Files.createDirectories(libraryLink.getParent());
        Files.createLink(libraryLink, old); // what Sonarr's import does with hard links enabled
        harness.feature.library().scan();
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    @Order(1)
    void health_counts_for_anyone_and_lists_broken_paths_only_with_the_api_key() {
        var anonymous = harness.send(HttpRequest.newBuilder(harness.url("/health/strm")));
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("\"status\":\"degraded\"", "\"files\":4", "\"brokenCount\":3")
                .doesNotContain(root.toString()).doesNotContain("\"path\"");

        var response = harness.send(HttpRequest.newBuilder(harness.url("/health/strm"))
                .header("X-Api-Key", StrmHarness.API_KEY));

        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).contains("\"status\":\"degraded\"", "\"files\":4");
        assertThat(body).contains(gone.toString(), "file is gone");
        assertThat(body).contains(unplayable.toString(), "no hoster plays");
        assertThat(body).contains(old.toString(), "URL outdated");
        assertThat(body).doesNotContain(plays.toString());
    }

    @Test
    @Order(2)
    void regenerate_needs_the_api_key() {
        var noKey = harness.send(HttpRequest.newBuilder(harness.url("/api/strm/regenerate"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        var wrongKey = harness.send(HttpRequest.newBuilder(harness.url("/api/strm/regenerate?apikey=nope"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(noKey.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.contains("problem+json"));
    }

    @Test
    @Order(3)
    void regenerate_rewrites_outdated_files_in_place_so_library_links_follow() throws Exception {
        var response = harness.send(HttpRequest.newBuilder(harness.url("/api/strm/regenerate"))
                .header("X-Api-Key", StrmHarness.API_KEY).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(old.toString()).doesNotContain(plays.toString());
        assertThat(Files.readString(old)).startsWith(StrmHarness.PUBLIC_URL + "/strm/stream/");
        assertThat(Files.readString(libraryLink)).isEqualTo(Files.readString(old));
        var links = new StrmLinks(URI.create(StrmHarness.PUBLIC_URL),
                new UrlSigner(harness.config.security().signingKey()), java.time.Clock.systemUTC());
        assertThat(Files.readString(old)).isEqualTo(links.streamUrl(new StrmTarget(OLD, Language.GERMAN_SUB)) + "\n");

        harness.feature.library().scan();
        String health = harness.send(HttpRequest.newBuilder(harness.url("/health/strm?apikey=" + StrmHarness.API_KEY)))
                .body();
        assertThat(health).doesNotContain(old.toString());
    }
}
