package dev.kanal.download;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Stops a downloader with everything it started (yt-dlp runs ffmpeg for HLS), and recognises a
 * downloader a killed Kanal left behind by its pid and start time, so a reused pid is never hit.
 */
public final class ProcessTree {
    private ProcessTree() {}

    /** Kills {@code p} and all its descendants. */
    public static void kill(ProcessHandle p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** The start time of {@code p} in epoch milliseconds, truncated to seconds; 0 when unknown. */
    public static long startedAt(ProcessHandle p) {
        return p.info().startInstant().map(i -> i.truncatedTo(ChronoUnit.SECONDS).toEpochMilli()).orElse(0L);
    }

    /** The live process with this pid, when it was started at {@code startedAt} (as {@link #startedAt} gave). */
    public static Optional<ProcessHandle> find(long pid, long startedAt) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> {
                    Optional<Instant> start = p.info().startInstant();
                    return start.isPresent()
                            && Math.abs(start.get().truncatedTo(ChronoUnit.SECONDS).toEpochMilli() - startedAt) <= 1000;
                });
    }
}
