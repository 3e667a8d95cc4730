package dev.kanal.jobs;

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
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.SubtitleTrack;
import dev.kanal.testing.Eventually;
import dev.kanal.testing.MediaServer;
import dev.kanal.testing.QbClient;
import dev.kanal.testing.Resolutions;
import dev.kanal.testing.TestKanal;
import dev.kanal.testing.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 point 2 end to end: a grab whose hoster hands out caption tracks (VOE) ends with the
 * video and {@code <release>.<lang>.srt} beside it, fetched through the providers' hoster fetcher.
 */
class SubtitleDownloadTest {
    @Test
    void a_download_keeps_the_hosters_caption_tracks_as_srt_beside_the_video(@TempDir Path root) throws Exception {
        grab(root, KanalMagnet.Mode.DOWNLOAD);
    }

    @Test
    void a_strm_grab_writes_the_caption_tracks_beside_the_strm_file(@TempDir Path root) throws Exception {
        Path strm = grab(root, KanalMagnet.Mode.STRM);
        assertThat(strm.getFileName().toString()).endsWith(".strm");
    }

    /** Grabs one episode in {@code mode}; checks the .de.srt beside the result and returns the result's path. */
    private static Path grab(Path root, KanalMagnet.Mode mode) throws Exception {
        Path mediaDir = Files.createDirectories(root.resolve("media"));
        TestMedia.mp4(mediaDir, "episode.mp4", 2);
        Files.writeString(Files.createDirectories(mediaDir.resolve("subs")).resolve("ep.de.vtt"),
                "WEBVTT\n\n00:00:00.500 --> 00:00:01.500\nHallo aus dem Test\n");
        try (MediaServer media = MediaServer.start(mediaDir)) {
            StreamSource source = new StreamSource(media.url("episode.mp4"), StreamSource.Format.MP4, Map.of(), null,
                    "VOE", List.of(new SubtitleTrack(media.url("subs/ep.de.vtt"), "de", "Deutsch"),
                            new SubtitleTrack(media.url("subs/missing.en.vtt"), "en", "English")));
            try (TestKanal kanal = TestKanal.start(root.resolve("kanal"), Map.of("KANAL_ALLOW_PRIVATE_UPSTREAMS", "true"),
                    Wiring.Overrides.none().withSources((episode, language, skip) ->
                            Resolutions.found(source, "VOE", List.of())))) {
                QbClient qb = new QbClient(kanal);
                qb.login();
                MagnetCodec codec = new MagnetCodec();
                String magnet = codec.format(codec.create("Show subs S01E01 GER 1080p WEB h264-KANAL",
                        new EpisodeAddress(SiteId.STO, "subs", 1, 1), Language.GERMAN_DUB, mode));
                assertThat(qb.post("/api/v2/torrents/add", form("urls", magnet, "category", "tv-sonarr")).body())
                        .isEqualTo("Ok.");
                String hash = codec.parse(magnet).infoHash();

                JsonNode job = Eventually.await("job finished", Duration.ofSeconds(120), () -> job(kanal, hash),
                        j -> j != null && List.of("completed", "failed").contains(j.path("state").asText()));

                assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("completed");
                Path video = Path.of(job.path("file").asText());
                String stem = video.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                Path srt = video.resolveSibling(stem + ".de.srt");
                assertThat(srt).exists();
                assertThat(Files.readString(srt)).isEqualTo("1\n00:00:00,500 --> 00:00:01,500\nHallo aus dem Test\n\n");
                assertThat(video.resolveSibling(stem + ".en.srt")).doesNotExist();
                return video;
            }
        }
    }

    private static JsonNode job(TestKanal kanal, String hash) {
        try {
            for (JsonNode j : new ObjectMapper().readTree(kanal.get("/api/jobs?apikey=" + TestKanal.API_KEY).body())) {
                if (j.path("hash").asText().equals(hash)) return j;
            }
            return null;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
