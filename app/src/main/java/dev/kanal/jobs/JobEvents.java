package dev.kanal.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans job changes out to listeners (the jobs API's Server-Sent Events, qBittorrent's sync
 * snapshots). Listeners are called on the changing thread and must not block.
 */
public final class JobEvents {
    private static final Logger log = LoggerFactory.getLogger(JobEvents.class);

    /** What changed: {@code state}, {@code progress} or {@code removed}. */
    public record Event(String type, Job job) {}

    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

    /** Registers {@code listener}; the returned handle removes it. */
    public AutoCloseable subscribe(Consumer<Event> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(String type, Job job) {
        Event e = new Event(type, job);
        for (Consumer<Event> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                log.debug("job event listener failed type={} job={}", type, job.id(), ex);
            }
        }
    }
}
