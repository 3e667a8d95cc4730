package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.testing.TestKanal;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page as wired by {@code Main} alone: it reads Kanal's own port and says what is missing. */
class WebUiDefaultsTest {
    @TempDir
    static Path dir;

    static TestKanal kanal;

    @BeforeAll
    static void start() {
        kanal = TestKanal.start(dir, Map.of());
    }

    @AfterAll
    static void stop() {
        kanal.close();
    }

    private static String get(String path) {
        return kanal.send(HttpRequest.newBuilder(kanal.url(path)).header("X-Api-Key", TestKanal.API_KEY).GET()
                .build()).body();
    }

    @Test
    void every_view_is_wired_by_main() {
        assertThat(get("/ui/api/health")).contains("\"hosts\":{\"available\":true")
                .contains("\"strm\":{\"available\":true").contains("\"disk\":{\"path\":");
        assertThat(get("/ui/api/catalog")).contains("\"available\":true");
    }

    @Test
    void the_queue_lists_the_real_jobs() {
        assertThat(get("/ui/api/jobs")).isEqualTo("[]");
    }
}
