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
import dev.kanal.testing.Eventually;
import dev.kanal.testing.FakeSources;
import dev.kanal.testing.FakeSources.Hoster;
import dev.kanal.testing.MediaServer;
import dev.kanal.testing.QbClient;
import dev.kanal.testing.TestKanal;
import dev.kanal.testing.TestMedia;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker limits around real yt-dlp runs: a hoster that stops sending mid-file is killed after
 * {@code KANAL_DOWNLOAD_STALL_TIMEOUT} and counts as its failed attempt, and one hoster never serves
 * more downloads at once than {@code KANAL_HOSTER_CONCURRENCY}, while a job waiting for that hoster
 * does not hold one of the {@code KANAL_DOWNLOAD_CONCURRENCY} workers other hosters could use.
 */
class DownloadLimitsTest {
    @TempDir
    static Path root;

    static TestKanal kanal;
    static MediaServer media;
    static QbClient qb;
    static long fileSize;
    static final FakeSources SOURCES = new FakeSources();
    static final MagnetCodec CODEC = new MagnetCodec();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        Path mediaDir = Files.createDirectories(root.resolve("media"));
        Path episode = TestMedia.mp4(mediaDir, "episode.mp4", 3);
        fileSize = Files.size(episode);
        for (String dir : List.of("stall", "vidoza", "vidmoly")) {
            Files.copy(episode, Files.createDirectories(mediaDir.resolve(dir)).resolve("episode.mp4"));
        }
        media = MediaServer.start(mediaDir);
        media.stallAfter("stall/episode.mp4", fileSize / 3);
        kanal = TestKanal.start(root.resolve("kanal"), Map.of("KANAL_DOWNLOAD_STALL_TIMEOUT", "3s",
                "KANAL_HOSTER_CONCURRENCY", "1", "KANAL_DOWNLOAD_CONCURRENCY", "2",
                "KANAL_DOWNLOAD_RETRY_DELAY", "1s"), Wiring.Overrides.none().withSources(SOURCES));
        qb = new QbClient(kanal);
        qb.login();
    }

    @AfterAll
    static void stop() {
        kanal.close();
        media.close();
    }

    static String add(String slug) {
        var ep = new EpisodeAddress(SiteId.STO, slug, 1, 1);
        String m = CODEC.format(CODEC.create("Show " + slug + " S01E01 GER 1080p WEB h264-KANAL", ep,
                Language.GERMAN_DUB, KanalMagnet.Mode.DOWNLOAD));
        Map<String, String> f = new LinkedHashMap<>(form("urls", m, "category", "tv-sonarr"));
        assertThat(qb.post("/api/v2/torrents/add", f).body()).isEqualTo("Ok.");
        return CODEC.parse(m).infoHash();
    }

    static JsonNode job(String hash) {
        try {
            for (JsonNode j : JSON.readTree(kanal.get("/api/jobs?apikey=" + TestKanal.API_KEY).body())) {
                if (j.path("hash").asText().equals(hash)) return j;
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode awaitFinished(String hash) {
        return Eventually.await("job " + hash + " finished", Duration.ofSeconds(120), () -> job(hash),
                j -> j != null && List.of("completed", "failed").contains(j.path("state").asText()));
    }

    @Test
    void a_stalled_download_is_killed_and_counts_as_that_hosters_failed_attempt() {
        SOURCES.script("stall-show", Hoster.serving("Filemoon", media.url("stall/episode.mp4")),
                Hoster.serving("VOE", media.url("episode.mp4")));
        String hash = add("stall-show");
        JsonNode job = awaitFinished(hash);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("completed");
        assertThat(job.path("attempts")).hasSize(1);
        assertThat(job.path("attempts").get(0).path("hoster").asText()).isEqualTo("Filemoon");
        assertThat(job.path("attempts").get(0).path("error").asText()).startsWith("stalled: no progress for 3s");
        assertThat(job.path("current_hoster").asText()).isEqualTo("VOE");
    }

    @Test
    void one_hoster_never_serves_more_downloads_at_once_than_its_limit_and_waiting_for_it_blocks_no_worker() {
        media.limit(Math.max(10_000, fileSize / 2)); // each download takes about two seconds
        try {
            SOURCES.script("limit-a", Hoster.serving("Vidoza", media.url("vidoza/episode.mp4")));
            SOURCES.script("limit-b", Hoster.serving("vidoza", media.url("vidoza/episode.mp4")));
            SOURCES.script("limit-c", Hoster.serving("Vidmoly", media.url("vidmoly/episode.mp4")));
            List<String> hashes = List.of(add("limit-a"), add("limit-b"), add("limit-c"));
            for (String h : hashes) {
                JsonNode j = awaitFinished(h);
                assertThat(j.path("state").asText()).as(j.toString()).isEqualTo("completed");
            }
        } finally {
            media.limit(0);
        }
        List<MediaServer.Transfer> vidoza = media.transfers().stream()
                .filter(t -> t.path().startsWith("vidoza/")).toList();
        List<MediaServer.Transfer> vidmoly = media.transfers().stream()
                .filter(t -> t.path().startsWith("vidmoly/")).toList();
        assertThat(vidoza).hasSize(2);
        assertThat(vidoza.get(0).overlaps(vidoza.get(1))).as("two Vidoza downloads at once").isFalse();
        // two workers, jobs added Vidoza, Vidoza, Vidmoly: the second Vidoza job waits without a
        // worker, so Vidmoly runs beside the first Vidoza download instead of after it
        assertThat(vidmoly).hasSize(1);
        assertThat(vidoza.get(0).overlaps(vidmoly.get(0))).as("Vidmoly ran beside the first Vidoza download").isTrue();
    }
}
