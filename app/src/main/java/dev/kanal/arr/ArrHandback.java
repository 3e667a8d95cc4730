package dev.kanal.arr;

import dev.kanal.jobs.FailedJobs;
import dev.kanal.jobs.Job;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a finally failed grab back to the Sonarr/Radarr that grabbed it. Sonarr and Radarr never run
 * their failed-download handling for a qBittorrent torrent in state {@code error} (they show a
 * warning and wait), so Kanal removes the queue item itself with blocklisting, and the arr searches
 * another release at once. Runs beside the job, never in it: the job is already failed and stays so
 * whatever the arr answers. An arr that is down is asked a bounded number of times, then left.
 */
public final class ArrHandback implements FailedJobs, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArrHandback.class);

    private final List<ArrClient> arrs;
    private final int tries;
    private final Duration backoff;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param tries how often each arr is asked before Kanal gives up (at least 1)
     * @param backoff the wait before the second try; doubles after each
     */
    public ArrHandback(List<ArrClient> arrs, int tries, Duration backoff) {
        this.arrs = List.copyOf(arrs);
        this.tries = Math.max(1, tries);
        this.backoff = backoff;
    }

    @Override
    public void failed(Job job) {
        if (arrs.isEmpty() || closed.get()) return;
        Thread.ofVirtual().name("arr-handback-" + job.id()).start(() -> handBack(job.hash(), job.id()));
    }

    private void handBack(String hash, long jobId) {
        for (ArrClient arr : arrs) {
            Duration wait = backoff;
            for (int attempt = 1; attempt <= tries && !closed.get(); attempt++) {
                try {
                    Optional<Long> item = arr.queueItem(hash);
                    if (item.isEmpty()) {
                        log.debug("arr has no queue item for the failed job arr=\"{}\" job={}", arr.instance().name(), jobId);
                        break;
                    }
                    arr.removeAndBlocklist(item.get());
                    log.info("failed grab handed back: removed from the arr's queue and blocklisted, the arr searches again"
                            + " arr=\"{}\" job={} queue_id={}", arr.instance().name(), jobId, item.get());
                    return; // one arr grabbed it; the others do not know this hash
                } catch (ArrClient.ArrException e) {
                    log.warn("handing a failed grab back failed arr=\"{}\" job={} try={}/{} reason=\"{}\"",
                            arr.instance().name(), jobId, attempt, tries, e.getMessage());
                    if (attempt == tries || !sleep(wait)) break;
                    wait = wait.multipliedBy(2);
                }
            }
        }
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return !closed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
