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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16 point 1: in the TRaSH layout ({@code /data/torrents} beside {@code /data/media}) the
 * library scan and regenerate follow the copies Sonarr imported, found by their content, so a new
 * public URL fixes every {@code .strm} — also copies that are no hard link of Kanal's file.
 */
class StrmLibraryCopiesTest {
    @TempDir
    static Path root;

    static final EpisodeAddress EPISODE = new EpisodeAddress(SiteId.STO, "glass-orchard", 1, 1);
    static FakeSources sources = new FakeSources(Map.of());
    static StrmHarness harness;

    @BeforeAll
    static void start() {
        sources.offer(EPISODE, "VOE", URI.create("https://cdn.example/go-1.mp4"));
        harness = new StrmHarness(root, sources, Map.of("KANAL_DOWNLOAD_DIR", root.resolve("data/torrents").toString()));
    }

    @AfterAll
    static void stop() {
        harness.close();
    }

    @Test
    void an_imported_copy_with_an_old_public_url_is_found_by_content_and_regenerated() throws Exception {
        Path written = harness.feature.files().write(root.resolve("data/torrents/tv-sonarr/Glass.Orchard.S01E01"),
                "Glass.Orchard.S01E01.German.DL.1080p.WEB.x264-KANAL", EPISODE, Language.GERMAN_DUB);
        String current = Files.readString(written);
        // Sonarr's import: a copy (not a hard link) in the library, written when the public URL was another
        Path copy = root.resolve("data/media/tv/Glass Orchard/Season 01/Glass Orchard - S01E01.strm");
        Files.createDirectories(copy.getParent());
        String old = current.replace(StrmHarness.PUBLIC_URL, "http://localhost:8080");
        Files.writeString(copy, old);
        // a .strm of another program is left alone
        Path foreign = copy.resolveSibling("Other - S01E02.strm");
        Files.writeString(foreign, "http://jellyfin.example/stream/abc\n");
        // the downloaded original is removed after the import
        Files.delete(written);

        harness.feature.library().scan();
        // the broken files' paths are listed with the API key only
        String health = harness.send(HttpRequest.newBuilder(harness.url("/health/strm"))
                .header("X-Api-Key", StrmHarness.API_KEY)).body();
        assertThat(health).contains(copy.toString(), "URL outdated").doesNotContain(written.toString())
                .doesNotContain(foreign.toString()).doesNotContain("warnings");

        var response = harness.send(HttpRequest.newBuilder(harness.url("/api/strm/regenerate"))
                .header("X-Api-Key", StrmHarness.API_KEY).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(copy.toString());
        assertThat(Files.readString(copy)).isEqualTo(current);
        assertThat(Files.readString(foreign)).isEqualTo("http://jellyfin.example/stream/abc\n");
        assertThat(StrmLibrary.libraryRoots(root.resolve("data/torrents")))
                .containsExactly(root.resolve("data/torrents"), root.resolve("data/media"));
    }

    @Test
    void a_loopback_public_url_with_strm_on_is_a_warning_on_health_strm(@TempDir Path other) {
        try (StrmHarness local = new StrmHarness(other, sources,
                Map.of("KANAL_PUBLIC_URL", "http://localhost:8080", "KANAL_STRM_MODE", "both"))) {
            String health = local.send(HttpRequest.newBuilder(local.url("/health/strm"))).body();
            assertThat(health).contains("\"status\":\"ok\"", "\"warnings\":[\"KANAL_PUBLIC_URL is http://localhost:8080");
        }
    }
}
