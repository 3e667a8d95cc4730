package dev.kanal.strm;

import static dev.kanal.testing.QbClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.Wiring;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.testing.Eventually;
import dev.kanal.testing.FakeSources;
import dev.kanal.testing.FakeSources.Hoster;
import dev.kanal.testing.MediaServer;
import dev.kanal.testing.QbClient;
import dev.kanal.testing.TestKanal;
import dev.kanal.testing.TestMedia;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole STRM path as Sonarr and a media server drive it: a {@code [STRM]} magnet grabbed through
 * the qBittorrent API becomes a one-line {@code .strm} in the category folder, reported complete,
 * and its URL streams the episode's bytes through Kanal, with ranges.
 */
class StrmGrabTest {
    @TempDir
    static Path root;

    static TestKanal kanal;
    static MediaServer media;
    static QbClient qb;
    static Path clip;
    static final FakeSources SOURCES = new FakeSources();
    static final MagnetCodec CODEC = new MagnetCodec();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        Path mediaDir = Files.createDirectories(root.resolve("media"));
        clip = TestMedia.mp4(mediaDir, "episode.mp4", 2);
        media = MediaServer.start(mediaDir);
        kanal = TestKanal.start(root.resolve("kanal"), Map.of(), Wiring.Overrides.none().withSources(SOURCES));
        qb = new QbClient(kanal);
        qb.login();
    }

    @AfterAll
    static void stop() {
        kanal.close();
        media.close();
    }

    static JsonNode torrent(String hash) {
        try {
            JsonNode list = JSON.readTree(qb.get("/api/v2/torrents/info?hashes=" + hash).body());
            return list.isEmpty() ? null : list.get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_strm_grab_writes_a_strm_file_that_streams_the_episode() throws Exception {
        SOURCES.script("strm-show", Hoster.serving("VOE", media.url("episode.mp4")));
        var episode = new EpisodeAddress(SiteId.ANIWORLD, "strm-show", 1, 4);
        String title = "Strm.Show.S01E04.WEB-DL.German.Sub-KANAL [STRM]";
        KanalMagnet magnet = CODEC.create(title, episode, Language.GERMAN_SUB, KanalMagnet.Mode.STRM);
        Map<String, String> add = new LinkedHashMap<>(form("category", "tv-sonarr"));
        add.put("urls", CODEC.format(magnet));
        assertThat(qb.post("/api/v2/torrents/add", add).body()).isEqualTo("Ok.");

        JsonNode t = Eventually.await("strm torrent completes", Duration.ofSeconds(60), () -> torrent(magnet.infoHash()),
                x -> x != null && List.of("stoppedUP", "error").contains(x.path("state").asText()));
        assertThat(t.path("state").asText()).as(t.path("comment").asText()).isEqualTo("stoppedUP");
        Path strm = Path.of(t.path("content_path").asText());
        assertThat(strm.getFileName().toString()).isEqualTo(title + ".strm");
        assertThat(strm).startsWith(kanal.config().storage().downloadDir().resolve("tv-sonarr"));
        assertThat(strm.toString()).isNotEqualTo(t.path("save_path").asText());

        List<String> lines = Files.readAllLines(strm);
        assertThat(lines).hasSize(1);
        URI url = URI.create(lines.getFirst());
        assertThat(url.toString()).startsWith(kanal.config().server().publicUrl() + "/strm/stream/")
                .contains("sig=").doesNotContain("VOE").doesNotContain(media.url("").getHost() + ":");

        // the media server plays the URL; here Kanal's public URL is its loopback address
        URI local = kanal.url(url.getRawPath() + "?" + url.getRawQuery());
        byte[] expected = Files.readAllBytes(clip);
        HttpResponse<byte[]> whole = kanal.client().send(HttpRequest.newBuilder(local).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(expected);

        HttpResponse<byte[]> range = kanal.client().send(HttpRequest.newBuilder(local)
                .header("Range", "bytes=100-1099").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 100-1099/" + expected.length);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(expected, 100, 1100));
    }
}
