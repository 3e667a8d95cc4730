package dev.kanal.jobs;

import dev.kanal.KanalException;
import dev.kanal.download.DownloadPaths;
import dev.kanal.download.ProcessTree;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable queue's engine: starts queued jobs on virtual threads up to
 * {@code KANAL_DOWNLOAD_CONCURRENCY}, and is the one way torrents and jobs are added, stopped,
 * started, deleted, retried and cancelled. On start it re-queues what a previous instance was
 * running and kills downloaders it left behind; on close it stops downloads resumably.
 */
public final class JobScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    /** Queued jobs looked at beyond the free workers, to pass over those whose hoster is full. */
    private static final int LOOK_AHEAD = 200;

    private final JobStore store;
    private final JobEvents events;
    private final JobRunner runner;
    private final DownloadPaths paths;
    private final int concurrency;
    private final Duration grace;
    private final Map<Long, JobControl> running = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean closed;
    private Thread dispatcher;

    public JobScheduler(JobStore store, JobEvents events, JobRunner runner, DownloadPaths paths, int concurrency,
            Duration grace, MeterRegistry meters) {
        this.store = store;
        this.events = events;
        this.runner = runner;
        this.paths = paths;
        this.concurrency = concurrency;
        this.grace = grace;
        Gauge.builder("kanal.jobs.running", running, Map::size).description("Jobs running now").register(meters);
    }

    /** Recovers after a restart or crash, then starts dispatching. */
    public void start() {
        for (long[] orphan : store.recoverInterrupted()) {
            ProcessTree.find(orphan[0], orphan[1]).ifPresent(p -> {
                log.warn("stopping downloader left by a previous run pid={}", p.pid());
                ProcessTree.kill(p);
            });
        }
        dispatcher = Thread.ofVirtual().name("job-dispatcher").start(this::dispatch);
    }

    /** Adds a torrent with its job; empty when the hash is already known. */
    public Optional<Job> add(JobStore.NewJob job) {
        Optional<Job> created = store.create(job);
        created.ifPresent(j -> {
            events.publish("state", j);
            wakeUp();
        });
        return created;
    }

    /**
     * torrents/delete: cancels the jobs and removes their partial downloads; with {@code deleteFiles}
     * also their finished files, and nothing else.
     */
    public void delete(Collection<String> hashes, boolean deleteFiles) {
        List<Job> jobs = store.byHashes(hashes);
        for (Job j : jobs) stopRunning(j.id(), JobControl.Stop.DELETE);
        store.delete(hashes);
        for (Job j : jobs) {
            // a partial download is of no use to anyone once its torrent is gone
            JobRunner.deleteTree(paths.incomplete(j.savePath(), j.hash()));
            if (deleteFiles) removeFiles(j);
            events.publish("removed", j);
        }
    }

    /** torrents/stop: running downloads stop resumably. */
    public void stop(Collection<String> hashes) {
        store.setStopped(hashes, true);
        for (Job j : store.byHashes(hashes)) {
            stopRunning(j.id(), JobControl.Stop.PAUSE);
            store.byId(j.id()).ifPresent(now -> events.publish("state", now));
        }
    }

    /** torrents/start */
    public void resume(Collection<String> hashes) {
        store.setStopped(hashes, false);
        for (Job j : store.byHashes(hashes)) events.publish("state", j);
        wakeUp();
    }

    /** Starts a failed or cancelled job over. */
    public Job retry(long id) {
        Job job = store.byId(id).orElseThrow(() -> new KanalException.NotFound("no job " + id));
        if (!store.retry(id)) throw new KanalException.Conflict("job " + id + " is " + job.state().name().toLowerCase()
                + "; only failed or cancelled jobs can be retried");
        Job now = store.byId(id).orElseThrow();
        events.publish("state", now);
        wakeUp();
        return now;
    }

    /** Cancels a job that has not finished; its partial files are removed. */
    public Job cancel(long id) {
        Job job = store.byId(id).orElseThrow(() -> new KanalException.NotFound("no job " + id));
        if (job.state().finished()) throw new KanalException.Conflict("job " + id + " already "
                + job.state().name().toLowerCase());
        stopRunning(id, JobControl.Stop.CANCEL);
        store.finish(id, JobState.CANCELLED, "cancelled by user");
        JobRunner.deleteTree(paths.incomplete(job.savePath(), job.hash()));
        Job now = store.byId(id).orElseThrow();
        events.publish("state", now);
        return now;
    }

    private void stopRunning(long id, JobControl.Stop reason) {
        JobControl c = running.get(id);
        if (c == null) return;
        c.requestStop(reason);
        try {
            if (!c.await(grace.toMillis())) log.warn("job did not stop in time job={}", id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeFiles(Job j) {
        JobRunner.deleteTree(paths.incomplete(j.savePath(), j.hash()));
        if (j.filePath() != null) {
            Optional<Path> file = paths.inside(j.filePath());
            try {
                if (file.isPresent()) Files.deleteIfExists(file.get());
            } catch (java.io.IOException e) {
                log.warn("cannot delete file job={} reason=\"{}\"", j.id(), e.getMessage());
            }
        }
    }

    private void dispatch() {
        while (!closed) {
            try {
                int free = concurrency - running.size();
                if (free > 0) {
                    // look past jobs waiting for a full hoster, so other hosters' jobs are not starved
                    for (Job job : store.runnable(concurrency + running.size() + LOOK_AHEAD)) {
                        if (closed || running.size() >= concurrency) break;
                        if (!running.containsKey(job.id()) && !runner.waitsForHoster(job)) launch(job);
                    }
                }
            } catch (RuntimeException e) {
                log.error("job dispatch failed", e);
            }
            lock.lock();
            try {
                wake.await(POLL.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private void launch(Job job) {
        JobControl control = new JobControl();
        running.put(job.id(), control);
        Thread t = Thread.ofVirtual().name("job-" + job.id()).unstarted(() -> runJob(job, control));
        control.thread(t);
        t.start();
    }

    private void runJob(Job job, JobControl control) {
        try {
            runner.run(job, control);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("job crashed job={}", job.id(), e);
            if (!control.stopping()) store.requeue(job.id(), java.time.Instant.now().plus(POLL.multipliedBy(30)),
                    job.retries());
        } finally {
            JobControl.Stop stop = control.stop();
            if (stop == JobControl.Stop.PAUSE || stop == JobControl.Stop.SHUTDOWN) {
                store.byId(job.id()).filter(j -> j.state() == JobState.RUNNING)
                        .ifPresent(j -> store.requeue(j.id(), java.time.Instant.EPOCH, j.retries()));
            }
            running.remove(job.id());
            wakeUp();
        }
    }

    private void wakeUp() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops every running download at a safe point; they stay queued and resume on the next start. */
    @Override
    public void close() {
        closed = true;
        wakeUp();
        for (JobControl c : running.values()) c.requestStop(JobControl.Stop.SHUTDOWN);
        long deadline = System.nanoTime() + grace.toNanos();
        for (JobControl c : running.values()) {
            try {
                c.await(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (dispatcher != null) dispatcher.interrupt();
    }
}
