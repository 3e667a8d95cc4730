package dev.kanal.strm;

import java.io.IOException;
import java.io.OutputStream;
import okio.BufferedSource;
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

    /** What one {@link #fill} got: bytes in the buffer, and the upstream failure that cut it short. */
    private record Chunk(int filled, IOException broke) {}

    /**
     * Fills the whole buffer unless the body ends or breaks first: the network delivers 8 KiB per
     * read, and one 64 KiB write to the player costs far less than eight small ones.
     */
    private static Chunk fill(BufferedSource in, byte[] buffer) {
        int filled = 0;
        while (filled < buffer.length) {
            try {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) break;
                filled += n;
            } catch (IOException e) {
                return new Chunk(filled, e);
            }
        }
        return new Chunk(filled, null);
    }

    /** Copies {@code upstream}'s body to {@code player} and always closes the upstream. */
    void copy(UpstreamClient.Upstream upstream, OutputStream player, String hoster) {
        long sent = 0;
        metrics.streamStarted();
        try (upstream) {
            BufferedSource in = upstream.response().body().source();
            byte[] buffer = new byte[BUFFER_BYTES];
            while (true) {
                Chunk chunk = fill(in, buffer);
                if (chunk.filled() > 0) {
                    player.write(buffer, 0, chunk.filled());
                    sent += chunk.filled();
                }
                if (chunk.broke() != null) {
                    // the response ends short; the player's next Range request resumes from here
                    log.warn("upstream broke off mid-stream hoster={} sent_bytes={} reason={}", hoster, sent,
                            chunk.broke().getMessage());
                    metrics.upstreamFailed(hoster, "mid-stream");
                    return;
                }
                if (chunk.filled() < buffer.length) {
                    upstream.bodyRead();
                    player.flush();
                    return;
                }
            }
        } catch (IOException e) {
            log.debug("player went away sent_bytes={} reason={}", sent, e.getMessage());
        } finally {
            metrics.streamEnded(sent);
        }
    }
}
