package dev.kanal.strm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies upstream media to the player through one fixed buffer: memory stays flat however large the
 * file, a slow player slows the upstream read (backpressure through the blocking write), and the
 * upstream request is closed the moment the player goes away.
 */
final class MediaCopier {
    private static final Logger log = LoggerFactory.getLogger(MediaCopier.class);
    static final int BUFFER_BYTES = 64 * 1024;

    private final StreamMetrics metrics;

    MediaCopier(StreamMetrics metrics) {
        this.metrics = metrics;
    }

    /** Copies {@code upstream}'s body to {@code player} and always closes the upstream. */
    void copy(UpstreamClient.Upstream upstream, OutputStream player, String hoster) {
        long sent = 0;
        metrics.streamStarted();
        try (upstream) {
            InputStream in = upstream.response().body().byteStream();
            byte[] buffer = new byte[BUFFER_BYTES];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    // the player's next Range request resumes from where this stopped
                    log.warn("upstream broke off mid-stream hoster={} sent_bytes={} reason={}", hoster, sent,
                            e.getMessage());
                    metrics.upstreamFailed(hoster, "mid-stream");
                    return;
                }
                if (n < 0) {
                    upstream.bodyRead();
                    player.flush();
                    return;
                }
                player.write(buffer, 0, n);
                sent += n;
            }
        } catch (IOException e) {
            log.debug("player went away sent_bytes={} reason={}", sent, e.getMessage());
        } finally {
            metrics.streamEnded(sent);
        }
    }
}
