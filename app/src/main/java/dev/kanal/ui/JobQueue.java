package dev.kanal.ui;

import java.util.List;
import java.util.function.Consumer;

/**
 * The download queue as the page sees it: list, follow, retry, cancel, remove. Kept as a small
 * interface so the page depends on what it shows, not on the job machinery; {@link JobsQueue} is the
 * real one.
 */
public interface JobQueue {
    List<QueueItem> all();

    QueueItem retry(long id);

    QueueItem cancel(long id);

    /** Removes the job from the queue; downloaded files stay where they are. */
    void remove(long id);

    /** Calls {@code listener} on every change until the returned handle is closed; it must not block. */
    AutoCloseable subscribe(Consumer<Change> listener);

    /** One change: {@code type} is {@code state}, {@code progress} or {@code removed}. */
    record Change(String type, QueueItem item) {}
}
