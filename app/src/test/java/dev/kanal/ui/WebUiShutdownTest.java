package dev.kanal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.testing.TestKanal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class WebUiShutdownTest {
    @TempDir
    static Path dir;

    /**
     * With a 10-minute grace, a feed that stayed open would hold the stop for 10 minutes; the timeout
     * is a hang guard far above any normal stop, not a speed measurement.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void an_open_queue_feed_is_ended_when_kanal_stops() throws Exception {
        TestKanal kanal = TestKanal.start(dir, Map.of("KANAL_SHUTDOWN_GRACE", "10m"));
        var feed = kanal.client().sendAsync(HttpRequest.newBuilder(kanal.url("/ui/api/jobs/events"))
                .header("Accept", "text/event-stream").header("X-Api-Key", TestKanal.API_KEY).build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        var lines = feed.body().iterator();
        assertThat(lines.next()).isEqualTo(": connected");
        kanal.close();
        while (lines.hasNext()) lines.next();
        assertThat(lines.hasNext()).isFalse();
    }
}
