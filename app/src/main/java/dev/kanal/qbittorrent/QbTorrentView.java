package dev.kanal.qbittorrent;

import dev.kanal.download.DownloadPaths;
import dev.kanal.download.FileNames;
import dev.kanal.jobs.Job;
import dev.kanal.jobs.JobState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a job as qBittorrent 5.1.4 shows a torrent: every {@code torrents/info} key (E.3), the
 * {@code properties} and {@code files} objects, and the state strings Sonarr maps. A finished job
 * is {@code stoppedUP} with its seed limit reached ({@code ratio_limit} 0) so Sonarr moves the file
 * and removes the entry; {@code content_path} is the file itself, never the save path.
 */
public final class QbTorrentView {
    /** qBittorrent's "unknown / infinite" eta. */
    static final long ETA_UNKNOWN = 8_640_000;

    private final DownloadPaths paths;

    public QbTorrentView(DownloadPaths paths) {
        this.paths = paths;
    }

    static String state(Job j) {
        return switch (j.state()) {
            case COMPLETED -> "stoppedUP";
            case FAILED, CANCELLED -> "error";
            case RUNNING -> j.stopped() ? "stoppedDL" : "downloading";
            case QUEUED -> j.stopped() ? "stoppedDL" : "queuedDL";
        };
    }

    long size(Job j) {
        return Math.max(0, j.totalBytes());
    }

    long eta(Job j) {
        if (j.state() == JobState.COMPLETED) return 0;
        if (j.state() == JobState.RUNNING && !j.stopped() && j.eta() >= 0) return j.eta();
        return ETA_UNKNOWN;
    }

    String savePath(Job j) {
        return paths.toPublic(j.savePath());
    }

    String contentPath(Job j) {
        Path p = j.filePath() != null ? j.filePath() : j.savePath().resolve(FileNames.sanitize(j.name()));
        return paths.toPublic(p);
    }

    /** One element of {@code torrents/info}; {@code priority} is the queue position (0 = not queued). */
    Map<String, Object> info(Job j, int priority) {
        boolean done = j.state() == JobState.COMPLETED;
        long size = size(j);
        long downloaded = done ? size : Math.min(j.downloadedBytes(), size > 0 ? size : Long.MAX_VALUE);
        long added = j.addedOn().getEpochSecond();
        long completion = j.completedAt() == null ? -1 : j.completedAt().getEpochSecond();
        long speed = j.state() == JobState.RUNNING && !j.stopped() ? j.speed() : 0;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hash", j.hash());
        m.put("infohash_v1", j.hash());
        m.put("infohash_v2", "");
        m.put("name", j.name());
        m.put("magnet_uri", j.magnet());
        m.put("size", size);
        m.put("progress", j.progress());
        m.put("dlspeed", speed);
        m.put("upspeed", 0);
        m.put("priority", priority);
        m.put("num_seeds", 0);
        m.put("num_complete", 0);
        m.put("num_leechs", 0);
        m.put("num_incomplete", 0);
        m.put("ratio", 0);
        m.put("popularity", 0);
        m.put("eta", eta(j));
        m.put("state", state(j));
        m.put("seq_dl", false);
        m.put("f_l_piece_prio", false);
        m.put("category", j.category());
        m.put("tags", String.join(", ", j.tags()));
        m.put("super_seeding", false);
        m.put("force_start", false);
        m.put("save_path", savePath(j));
        m.put("download_path", "");
        m.put("content_path", contentPath(j));
        m.put("root_path", "");
        m.put("added_on", added);
        m.put("completion_on", completion);
        m.put("tracker", "");
        m.put("trackers_count", 0);
        m.put("dl_limit", 0);
        m.put("up_limit", 0);
        m.put("downloaded", downloaded);
        m.put("uploaded", 0);
        m.put("downloaded_session", downloaded);
        m.put("uploaded_session", 0);
        m.put("amount_left", done ? 0 : Math.max(0, size - downloaded));
        m.put("completed", downloaded);
        m.put("max_ratio", -1);
        m.put("max_seeding_time", -1);
        m.put("max_inactive_seeding_time", -1);
        m.put("ratio_limit", 0);
        m.put("seeding_time_limit", -2);
        m.put("inactive_seeding_time_limit", -2);
        m.put("seen_complete", done ? completion : -1);
        m.put("last_activity", j.updatedAt().getEpochSecond());
        m.put("total_size", size);
        m.put("auto_tmm", false);
        m.put("time_active", activeSeconds(j));
        m.put("seeding_time", 0);
        m.put("availability", done ? 1 : 0);
        m.put("reannounce", 0);
        m.put("comment", j.error() == null ? "" : j.error());
        m.put("private", false);
        m.put("has_metadata", true);
        return m;
    }

    /** {@code torrents/properties} */
    Map<String, Object> properties(Job j) {
        boolean done = j.state() == JobState.COMPLETED;
        long size = size(j);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("infohash_v1", j.hash());
        m.put("infohash_v2", "");
        m.put("name", j.name());
        m.put("hash", j.hash());
        m.put("time_elapsed", activeSeconds(j));
        m.put("seeding_time", 0);
        m.put("eta", eta(j));
        m.put("nb_connections", 0);
        m.put("nb_connections_limit", 100);
        m.put("total_downloaded", done ? size : j.downloadedBytes());
        m.put("total_downloaded_session", done ? size : j.downloadedBytes());
        m.put("total_uploaded", 0);
        m.put("total_uploaded_session", 0);
        m.put("dl_speed", j.state() == JobState.RUNNING ? j.speed() : 0);
        m.put("dl_speed_avg", 0);
        m.put("up_speed", 0);
        m.put("up_speed_avg", 0);
        m.put("dl_limit", -1);
        m.put("up_limit", -1);
        m.put("total_wasted", 0);
        m.put("seeds", 0);
        m.put("seeds_total", 0);
        m.put("peers", 0);
        m.put("peers_total", 0);
        m.put("share_ratio", 0);
        m.put("popularity", 0);
        m.put("reannounce", 0);
        m.put("total_size", size);
        m.put("pieces_num", 1);
        m.put("piece_size", size);
        m.put("pieces_have", done ? 1 : 0);
        m.put("created_by", "Kanal");
        m.put("is_private", false);
        m.put("private", false);
        m.put("addition_date", j.addedOn().getEpochSecond());
        m.put("last_seen", done ? j.completedAt().getEpochSecond() : -1);
        m.put("completion_date", j.completedAt() == null ? -1 : j.completedAt().getEpochSecond());
        m.put("creation_date", j.addedOn().getEpochSecond());
        m.put("save_path", savePath(j));
        m.put("download_path", "");
        m.put("comment", j.error() == null ? "" : j.error());
        m.put("has_metadata", true);
        m.put("progress", j.progress());
        return m;
    }

    /** {@code torrents/files}: the one file the job produces. */
    List<Map<String, Object>> files(Job j) {
        String name = j.filePath() != null ? j.filePath().getFileName().toString() : FileNames.sanitize(j.name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", 0);
        m.put("name", name);
        m.put("size", size(j));
        m.put("progress", j.progress());
        m.put("priority", 1);
        m.put("is_seed", j.state() == JobState.COMPLETED);
        m.put("piece_range", List.of(0, 0));
        m.put("availability", j.state() == JobState.COMPLETED ? 1 : 0);
        return List.of(m);
    }

    private static long activeSeconds(Job j) {
        Instant end = j.completedAt() != null ? j.completedAt() : j.updatedAt();
        return Math.max(0, end.getEpochSecond() - j.addedOn().getEpochSecond());
    }
}
