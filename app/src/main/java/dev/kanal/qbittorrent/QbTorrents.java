package dev.kanal.qbittorrent;

import dev.kanal.KanalException;
import dev.kanal.jobs.Job;
import dev.kanal.jobs.JobScheduler;
import dev.kanal.jobs.JobStore;
import java.util.List;

/**
 * The torrents Sonarr and third-party tools act on by hash: finding one, and stopping, starting
 * and deleting a selection (each one job). Adding is {@link QbAdd}, listing {@link QbTorrentList},
 * categories and tags {@link QbLabels}.
 */
public final class QbTorrents {
    private final JobScheduler scheduler;
    private final JobStore store;

    public QbTorrents(JobScheduler scheduler, JobStore store) {
        this.scheduler = scheduler;
        this.store = store;
    }

    Job find(String hash) {
        String h = hash == null ? "" : hash.strip().toLowerCase(java.util.Locale.ROOT);
        return store.byHash(h).orElseThrow(() -> new KanalException.NotFound("Not Found"));
    }

    List<String> select(QbParams.HashSelector s) {
        if (s.all()) return store.all().stream().map(Job::hash).toList();
        return s.hashes();
    }

    void delete(QbParams.HashSelector s, boolean deleteFiles) {
        List<String> hashes = select(s);
        if (!hashes.isEmpty()) scheduler.delete(hashes, deleteFiles);
    }

    void stop(QbParams.HashSelector s) {
        List<String> hashes = select(s);
        if (!hashes.isEmpty()) scheduler.stop(hashes);
    }

    void start(QbParams.HashSelector s) {
        List<String> hashes = select(s);
        if (!hashes.isEmpty()) scheduler.resume(hashes);
    }
}
