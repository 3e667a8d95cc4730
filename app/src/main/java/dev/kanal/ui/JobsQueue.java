package dev.kanal.ui;

import dev.kanal.KanalException;
import dev.kanal.jobs.Job;
import dev.kanal.jobs.JobEvents;
import dev.kanal.jobs.JobScheduler;
import dev.kanal.jobs.JobState;
import dev.kanal.jobs.JobStore;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** {@link JobQueue} over Kanal's durable jobs: reads the store, acts through the scheduler. */
public final class JobsQueue implements JobQueue {
    private final JobStore store;
    private final JobScheduler scheduler;
    private final JobEvents events;

    public JobsQueue(JobStore store, JobScheduler scheduler, JobEvents events) {
        this.store = store;
        this.scheduler = scheduler;
        this.events = events;
    }

    @Override
    public List<QueueItem> all() {
        return store.all().stream().map(JobsQueue::item).toList();
    }

    @Override
    public QueueItem retry(long id) {
        return item(scheduler.retry(id));
    }

    @Override
    public QueueItem cancel(long id) {
        return item(scheduler.cancel(id));
    }

    @Override
    public void remove(long id) {
        Job job = store.byId(id).orElseThrow(() -> new KanalException.NotFound("no job " + id));
        scheduler.delete(List.of(job.hash()), false);
    }

    @Override
    public AutoCloseable subscribe(Consumer<Change> listener) {
        return events.subscribe(e -> listener.accept(new Change(e.type(), item(e.job()))));
    }

    static QueueItem item(Job j) {
        boolean running = j.state() == JobState.RUNNING;
        boolean waiting = j.state() == JobState.QUEUED && j.notBefore() != null && j.notBefore().isAfter(Instant.EPOCH);
        List<QueueItem.Attempt> attempts = j.attempts().stream()
                .map(a -> new QueueItem.Attempt(a.hoster(), a.error(), a.at())).toList();
        return new QueueItem(j.id(), j.name(), j.category(), j.episode().site().id(), j.episode().season(),
                j.episode().episode(), j.language().label(), j.mode().name().toLowerCase(),
                j.state().name().toLowerCase(), j.stopped(), j.progress(), j.downloadedBytes(), j.totalBytes(),
                running ? j.speed() : 0, running ? j.eta() : -1, j.currentHoster(), attempts, j.retries(),
                waiting ? j.notBefore() : null, j.error(), j.updatedAt());
    }
}
