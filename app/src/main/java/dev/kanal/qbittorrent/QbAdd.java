package dev.kanal.qbittorrent;

import dev.kanal.Redact;
import dev.kanal.download.DownloadPaths;
import dev.kanal.jobs.JobScheduler;
import dev.kanal.jobs.JobStore;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.magnet.MagnetCodec;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code torrents/add}: each usable magnet becomes one job. The category decides the save path
 * (its own, else {@code <download dir>/<category>}) and, when listed in {@code KANAL_STRM_CATEGORIES},
 * that the grab becomes a {@code .strm} file.
 */
public final class QbAdd {
    private static final Logger log = LoggerFactory.getLogger(QbAdd.class);

    private final JobScheduler scheduler;
    private final QbLabels labels;
    private final DownloadPaths paths;
    private final MagnetCodec magnets;
    private final Set<String> strmCategories;

    public QbAdd(JobScheduler scheduler, QbLabels labels, DownloadPaths paths, MagnetCodec magnets,
            Collection<String> strmCategories) {
        this.scheduler = scheduler;
        this.labels = labels;
        this.paths = paths;
        this.magnets = magnets;
        this.strmCategories = Set.copyOf(strmCategories);
    }

    /** Adds every usable magnet; returns how many were added (0 means qBittorrent's {@code Fails.}). */
    int add(AddForm form) {
        if (form.fileParts() > 0) log.info("torrents/add refused .torrent files count={}", form.fileParts());
        String category = form.category().orElse("");
        if (!category.isEmpty()) {
            if (!CategoryNames.valid(category)) {
                log.info("torrents/add refused: invalid category");
                return 0;
            }
            labels.ensureCategory(category);
        }
        labels.createTags(form.tags());
        Path savePath = form.savePath().flatMap(paths::resolveUserPath).orElseGet(() -> labels.categoryPath(category));
        int added = 0;
        for (String url : form.urls()) {
            KanalMagnet m;
            try {
                m = magnets.parse(url);
            } catch (MagnetCodec.InvalidMagnet e) {
                log.info("torrents/add refused magnet={} reason=\"{}\"", Redact.magnet(url), e.getMessage());
                continue;
            }
            if (form.rename().isPresent()) {
                m = new KanalMagnet(m.infoHash(), form.rename().get(), m.episode(), m.language(), m.mode());
            }
            if (strmCategories.contains(category) && m.mode() != KanalMagnet.Mode.STRM) {
                m = new KanalMagnet(m.infoHash(), m.displayName(), m.episode(), m.language(), KanalMagnet.Mode.STRM);
            }
            var job = scheduler.add(new JobStore.NewJob(m, url, category, form.tags(), savePath, form.stopped()));
            if (job.isPresent()) {
                added++;
                log.info("torrent added hash={} job={} mode={} category={}", m.infoHash(), job.get().id(), m.mode(),
                        category);
            } else {
                log.info("torrents/add duplicate hash={} (this hash, or a live job for the same episode, language"
                        + " and mode, is already there)", m.infoHash());
            }
        }
        return added;
    }
}
