package dev.kanal.jobs;

import java.time.Instant;
import java.util.List;

/** A job as the jobs API shows it to people and the web page. */
public record JobView(
        long id,
        String hash,
        String name,
        String category,
        String state,
        boolean stopped,
        String site,
        String slug,
        int season,
        int episode,
        String language,
        String mode,
        double progress,
        long downloaded_bytes,
        long total_bytes,
        long speed,
        long eta,
        String current_hoster,
        List<JobAttempt> attempts,
        int retries,
        Instant next_attempt_at,
        String error,
        String file,
        Instant created_at,
        Instant updated_at,
        Instant completed_at) {

    static JobView of(Job j) {
        boolean waiting = j.state() == JobState.QUEUED && j.notBefore().isAfter(Instant.EPOCH);
        return new JobView(j.id(), j.hash(), j.name(), j.category(), j.state().name().toLowerCase(), j.stopped(),
                j.episode().site().id(), j.episode().slug(), j.episode().season(), j.episode().episode(),
                j.language().label(), j.mode().name().toLowerCase(), j.progress(), j.downloadedBytes(), j.totalBytes(),
                j.state() == JobState.RUNNING ? j.speed() : 0, j.state() == JobState.RUNNING ? j.eta() : -1,
                j.currentHoster(), j.attempts(), j.retries(), waiting ? j.notBefore() : null, j.error(),
                j.filePath() == null ? null : j.filePath().toString(), j.createdAt(), j.updatedAt(), j.completedAt());
    }
}
