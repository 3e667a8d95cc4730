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
    void views_whose_surface_is_missing_say_so_instead_of_failing() {
        assertThat(get("/ui/api/health")).contains("\"hosts\":{\"available\":false")
                .contains("host health is not available").contains("\"disk\":{\"path\":");
        String catalog = get("/ui/api/catalog");
        if (kanal.get("/health/catalog").statusCode() == 404) {
            assertThat(catalog).contains("\"available\":false").contains("/health/catalog did not answer");
        } else {
            assertThat(catalog).contains("\"available\":true");
        }
    }

    @Test
    void the_queue_lists_the_real_jobs() {
        assertThat(get("/ui/api/jobs")).isEqualTo("[]");
    }
}
