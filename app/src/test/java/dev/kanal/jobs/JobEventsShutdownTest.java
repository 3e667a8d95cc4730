package dev.kanal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.testing.TestKanal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An open jobs event stream ends when Kanal stops, instead of holding the stop for the grace period. */
class JobEventsShutdownTest {
    @TempDir
    Path dir;

    @Test
    void a_stop_ends_open_event_streams() throws Exception {
        // a long grace: without ending the stream, the stop would wait all of it
        TestKanal kanal = TestKanal.start(dir, Map.of("KANAL_SHUTDOWN_GRACE", "90s"));
        var request = HttpRequest.newBuilder(kanal.url("/api/jobs/events"))
                .header("Accept", "text/event-stream").header("X-Api-Key", TestKanal.API_KEY).build();
        HttpResponse<Stream<String>> response = kanal.client().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        var lines = response.body().iterator();
        assertThat(lines.next()).contains("connected");

        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> lines.forEachRemaining(l -> { }));
        kanal.close();
        drained.get(30, TimeUnit.SECONDS); // the stream ended; it did not hang until the client gave up
        assertThat(drained).isDone();
    }
}
