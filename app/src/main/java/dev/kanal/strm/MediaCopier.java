package dev.kanal.strm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.ArrayBlockingQueue;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies upstream media to the player through one fixed direct buffer: memory stays flat however
 * large the file, a slow player slows the upstream read (backpressure through the blocking write),
 * and the upstream request is closed the moment the player goes away.
 *
 * <p>Where the time goes (measured with {@code bench/strm}): the upstream socket delivers at most
 * 8 KiB per read (OkHttp's segment size), and every write to the player is a system call plus a
 * wake-up of the HTTP server's selector. So reads are gathered into a {@link #BUFFER_BYTES} buffer
 * and written in one call; the buffer is direct, so the server writes it to the socket without the
 * extra copy into a temporary native buffer that a {@code byte[]} costs. Buffers are pooled, since
 * allocating native memory per request is slow. okio's per-read watchdog is switched off for the
 * body (the socket's read timeout still ends a stalled upstream). The first bytes go out as soon as
 * they arrive, so the player's time to first byte never waits for a full buffer.
 */
public final class MediaCopier {
    private static final Logger log = LoggerFactory.getLogger(MediaCopier.class);
    static final int BUFFER_BYTES = 256 * 1024;
    /** Buffers kept for reuse: enough for many parallel players, bounded so idle memory stays small. */
    private static final int POOLED_BUFFERS = 16;
    /** The first write is sent as soon as this much (or the whole body) arrived. */
    private static final int FIRST_WRITE_BYTES = 16 * 1024;

    private final StreamMetrics metrics;
    private final ArrayBlockingQueue<ByteBuffer> pool = new ArrayBlockingQueue<>(POOLED_BUFFERS);

    public MediaCopier(StreamMetrics metrics) {
        this.metrics = metrics;
    }

    /** What one {@link #fill} got: whether the body ended, and the upstream failure that cut it short. */
    private record Chunk(boolean ended, IOException broke) {}

    /** Fills {@code buffer} up to its limit unless the body ends or breaks first. */
    private static Chunk fill(BufferedSource in, ByteBuffer buffer) {
        while (buffer.hasRemaining()) {
            try {
                if (in.read(buffer) < 0) return new Chunk(true, null);
            } catch (IOException e) {
                return new Chunk(false, e);
            }
        }
        return new Chunk(false, null);
    }

    /** Copies {@code upstream}'s body to {@code player} and always closes the upstream. */
    void copy(UpstreamClient.Upstream upstream, WritableByteChannel player, String hoster) {
        long sent = 0;
        metrics.streamStarted();
        ByteBuffer buffer = borrow();
        try (upstream) {
            BufferedSource in = upstream.response().body().source();
            // OkHttp guards each read twice: the socket's SO_TIMEOUT and okio's watchdog, which takes a
            // lock and wakes its thread on every 8 KiB read; the socket timeout alone still ends a stall
            in.timeout().clearTimeout();
            buffer.limit(FIRST_WRITE_BYTES);
            while (true) {
                Chunk chunk = fill(in, buffer);
                buffer.flip();
                int filled = buffer.remaining();
                while (buffer.hasRemaining()) player.write(buffer);
                sent += filled;
                buffer.clear();
                if (chunk.broke() != null) {
                    // the response ends short; the player's next Range request resumes from here
                    log.warn("upstream broke off mid-stream hoster={} sent_bytes={} reason={}", hoster, sent,
                            chunk.broke().getMessage());
                    metrics.upstreamFailed(hoster, "mid-stream");
                    return;
                }
                if (chunk.ended()) {
                    upstream.bodyRead();
                    return;
                }
            }
        } catch (IOException e) {
            log.debug("player went away sent_bytes={} reason={}", sent, e.getMessage());
        } finally {
            buffer.clear();
            pool.offer(buffer);
            metrics.streamEnded(sent);
        }
    }

    private ByteBuffer borrow() {
        ByteBuffer pooled = pool.poll();
        return pooled != null ? pooled : ByteBuffer.allocateDirect(BUFFER_BYTES);
    }
}
