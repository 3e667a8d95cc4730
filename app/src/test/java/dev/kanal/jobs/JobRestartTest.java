package dev.kanal.jobs;

import static dev.kanal.db.schema.Tables.JOB;
import static dev.kanal.testing.QbClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.Wiring;
import dev.kanal.db.Database;
import dev.kanal.download.ProcessTree;
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
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kanal stopped in the middle of a download, then a crash with an orphaned downloader: the torrent is
 * listed again at once, the job continues by itself from its partial file, nothing is marked failed
 * because of the restart, and the orphan is killed.
 */
class JobRestartTest {
    @TempDir
    static Path root;

    static MediaServer media;
    static final FakeSources SOURCES = new FakeSources();
    static final ObjectMapper JSON = new ObjectMapper();
    static final MagnetCodec CODEC = new MagnetCodec();

    @BeforeAll
    static void media() throws IOException {
        Path dir = Files.createDirectories(root.resolve("media"));
        TestMedia.mp4(dir, "long.mp4", 10);
        media = MediaServer.start(dir);
        SOURCES.script("restart-show", Hoster.serving("VOE", media.url("long.mp4")));
    }

    @AfterAll
    static void stop() {
        media.close();
    }

    @Test
    void a_download_interrupted_by_a_stop_and_a_crash_resumes_and_completes() throws Exception {
        Path home = root.resolve("kanal");
        var overrides = Wiring.Overrides.none().withSources(SOURCES);
        String magnet = CODEC.format(CODEC.create("Restart Show S01E01 GER 720p WEB h264-KANAL",
                new EpisodeAddress(SiteId.STO, "restart-show", 1, 1), Language.GERMAN_DUB, KanalMagnet.Mode.DOWNLOAD));
        String hash = CODEC.parse(magnet).infoHash();
        media.limit(40_000);

        TestKanal first = TestKanal.start(home, Map.of(), overrides);
        QbClient qb = new QbClient(first);
        qb.login();
        assertThat(qb.post("/api/v2/torrents/add", form("urls", magnet, "category", "tv")).body()).isEqualTo("Ok.");
        Eventually.await("partial download", Duration.ofSeconds(60), () -> info(qb, hash),
                t -> t.path("downloaded").asLong() > 0);
        first.close();

        Path incomplete = home.resolve("downloads/tv/.incomplete").resolve(hash);
        try (Stream<Path> partial = Files.list(incomplete)) {
            assertThat(partial.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".part"));
        }

        // now simulate a SIGKILL: the job was RUNNING with a downloader child that survived
        Process orphan = new ProcessBuilder("sleep", "600").start();
        try (Database db = Database.open(home.resolve("data/kanal.sqlite"))) {
            String state = db.read().select(JOB.STATE).from(JOB).where(JOB.TORRENT_HASH.eq(hash)).fetchOne(JOB.STATE);
            assertThat(state).isEqualTo("QUEUED");
            db.writeVoid(ctx -> ctx.update(JOB).set(JOB.STATE, "RUNNING").set(JOB.PID, orphan.pid())
                    .set(JOB.PID_STARTED, ProcessTree.startedAt(orphan.toHandle()))
                    .where(JOB.TORRENT_HASH.eq(hash)).execute());
        }
        media.requests().clear();
        media.limit(0);

        TestKanal second = TestKanal.start(home, Map.of(), overrides);
        try {
            QbClient qb2 = new QbClient(second);
            qb2.login();
            JsonNode listed = info(qb2, hash);
            assertThat(listed).isNotNull();
            assertThat(listed.path("state").asText()).isIn("queuedDL", "downloading", "stoppedUP");
            Eventually.await("orphan killed", Duration.ofSeconds(10), orphan::isAlive, alive -> !alive);
            JsonNode done = Eventually.await("completion", Duration.ofSeconds(90), () -> info(qb2, hash),
                    t -> t.path("state").asText().equals("stoppedUP") || t.path("state").asText().equals("error"));
            assertThat(done.path("state").asText()).as(done.path("comment").asText()).isEqualTo("stoppedUP");
            assertThat(Path.of(done.path("content_path").asText())).isRegularFile();
            assertThat(incomplete).doesNotExist();
            assertThat(media.requests()).anyMatch(r -> r.matches(".*Range=bytes=[1-9]\\d*-.*"));
        } finally {
            second.close();
            orphan.destroyForcibly();
        }
    }

    static JsonNode info(QbClient qb, String hash) {
        try {
            JsonNode list = JSON.readTree(qb.get("/api/v2/torrents/info?hashes=" + hash).body());
            return list.isEmpty() ? null : list.get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
