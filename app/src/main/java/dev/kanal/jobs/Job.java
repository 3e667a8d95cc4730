package dev.kanal.jobs;

import dev.kanal.magnet.KanalMagnet;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A torrent Sonarr added and the durable job behind it, read together: the qBittorrent views and the
 * jobs API are both rendered from this one snapshot.
 */
public record Job(
        long id,
        String hash,
        String name,
        String magnet,
        String category,
        List<String> tags,
        Path savePath,
        boolean stopped,
        Instant addedOn,
        EpisodeAddress episode,
        Language language,
        KanalMagnet.Mode mode,
        JobState state,
        Instant notBefore,
        int retries,
        Set<String> skipHosters,
        List<JobAttempt> attempts,
        String currentHoster,
        long downloadedBytes,
        long totalBytes,
        long speed,
        long eta,
        String error,
        Path filePath,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt) {

    public Job {
        tags = List.copyOf(tags);
        skipHosters = Set.copyOf(skipHosters);
        attempts = List.copyOf(attempts);
    }

    /** This job with new progress figures, as the store writes them. */
    Job withProgress(long downloaded, long total, long speed, long eta, Instant at) {
        return new Job(id, hash, name, magnet, category, tags, savePath, stopped, addedOn, episode, language, mode, state,
                notBefore, retries, skipHosters, attempts, currentHoster, downloaded, total, speed, eta, error, filePath,
                createdAt, at, completedAt);
    }

    /** 0..1 */
    public double progress() {
        if (state == JobState.COMPLETED) return 1;
        if (totalBytes <= 0) return 0;
        return Math.min(0.999, (double) downloadedBytes / totalBytes);
    }
}
