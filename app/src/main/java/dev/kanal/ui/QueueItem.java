package dev.kanal.ui;

import java.time.Instant;
import java.util.List;

/**
 * One job as the queue view shows it: what it is, where it is, how fast, and every hoster it tried
 * with the reason it failed. Field names are the page's JSON.
 */
public record QueueItem(
        long id,
        String name,
        String category,
        String site,
        int season,
        int episode,
        String language,
        String mode,
        String state,
        boolean stopped,
        double progress,
        long downloaded_bytes,
        long total_bytes,
        long speed,
        long eta,
        String hoster,
        List<Attempt> attempts,
        int retries,
        Instant next_attempt_at,
        String error,
        Instant updated_at) {

    public QueueItem {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** A hoster that was tried and why it did not deliver. */
    public record Attempt(String hoster, String error, Instant at) {}
}
