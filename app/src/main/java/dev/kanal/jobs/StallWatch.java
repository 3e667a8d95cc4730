package dev.kanal.jobs;

import dev.kanal.download.ProcessTree;
import java.time.Duration;

/**
 * Watches one downloader run and kills its process tree when the downloaded byte count has not
 * grown for {@code KANAL_DOWNLOAD_STALL_TIMEOUT} (counted from the start while nothing arrived yet).
 * A hoster that stops sending mid-file would otherwise hold a worker slot and a hoster slot until
 * yt-dlp's own socket timeouts and retries give up, many minutes later; a stalled run is a failed
 * attempt of that hoster, so the next one is tried.
 */
final class StallWatch implements AutoCloseable {
    private final long timeoutNanos;
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile long bytes = -1;
    private volatile boolean stalled;
    private volatile boolean closed;

    StallWatch(Duration timeout) {
        this.timeoutNanos = timeout.isNegative() ? 0 : timeout.toNanos();
    }

    /** Starts watching {@code process}; a zero timeout watches nothing. */
    void watch(ProcessHandle process) {
        lastProgressNanos = System.nanoTime();
        if (timeoutNanos == 0) return;
        long tick = Math.max(10, Math.min(1000, timeoutNanos / 1_000_000 / 4));
        Thread.ofVirtual().name("stall-watch-" + process.pid()).start(() -> {
            while (!closed && process.isAlive()) {
                if (System.nanoTime() - lastProgressNanos > timeoutNanos) {
                    stalled = true;
                    ProcessTree.kill(process);
                    return;
                }
                try {
                    Thread.sleep(tick);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** A progress report; only a growing byte count counts as progress. */
    void progress(long downloadedBytes) {
        if (downloadedBytes > bytes) {
            bytes = downloadedBytes;
            lastProgressNanos = System.nanoTime();
        }
    }

    /** True when this run was killed for making no progress. */
    boolean stalled() {
        return stalled;
    }

    @Override
    public void close() {
        closed = true;
    }
}
