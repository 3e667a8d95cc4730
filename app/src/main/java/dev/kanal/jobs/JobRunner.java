package dev.kanal.jobs;

import dev.kanal.config.KanalConfig;
import dev.kanal.download.DownloadPaths;
import dev.kanal.download.DownloadProgress;
import dev.kanal.download.FfProbe;
import dev.kanal.download.FileModes;
import dev.kanal.download.FileNames;
import dev.kanal.download.QualityTags;
import dev.kanal.download.MediaCheck;
import dev.kanal.download.ProcessTree;
import dev.kanal.download.Subtitles;
import dev.kanal.download.YtDlp;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.providers.resolve.Attempt;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.sources.EpisodeSources;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job from queued to a final state: resolves the episode in the grabbed language, tries
 * hosters until one delivers a file ffprobe accepts, retries transient failures later with
 * backoff, and fails only when every hoster failed, naming each. Stops at safe points when told.
 */
public final class JobRunner {
    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final long FLUSH_MILLIS = 1000;

    private final JobStore store;
    private final JobEvents events;
    private final EpisodeSources sources;
    private final YtDlp ytdlp;
    private final FfProbe ffprobe;
    private final DownloadPaths paths;
    private final StrmWriter strm;
    private final MediaInfoSink mediaInfo;
    private final HosterLimits limits;
    private final KanalConfig.Downloads config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final FileModes modes;
    private final FailedJobs failed;
    private final Subtitles subtitles;

    /** @param subtitles keeps the hoster's caption tracks beside the video or .strm file */
    public JobRunner(JobStore store, JobEvents events, EpisodeSources sources, YtDlp ytdlp, FfProbe ffprobe,
            DownloadPaths paths, StrmWriter strm, MediaInfoSink mediaInfo, HosterLimits limits,
            KanalConfig.Downloads config, Clock clock, MeterRegistry meters, FileModes modes, FailedJobs failed,
            Subtitles subtitles) {
        this.modes = modes;
        this.failed = failed;
        this.subtitles = subtitles;
        this.store = store;
        this.events = events;
        this.sources = sources;
        this.ytdlp = ytdlp;
        this.ffprobe = ffprobe;
        this.paths = paths;
        this.strm = strm;
        this.mediaInfo = mediaInfo;
        this.limits = limits;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
    }

    /** True while the hoster this job last used has no free slot; the dispatcher then leaves it queued. */
    boolean waitsForHoster(Job job) {
        return job.mode() != KanalMagnet.Mode.STRM && limits.full(hosterOf(job.currentHoster()));
    }

    /** The hoster of a name that may carry the serving site ({@code sto:VOE} → {@code VOE}): limits are per hoster. */
    static String hosterOf(String name) {
        if (name == null) return null;
        int colon = name.indexOf(':');
        return colon > 0 && dev.kanal.providers.SiteId.fromId(name.substring(0, colon)).isPresent()
                ? name.substring(colon + 1) : name;
    }

    private void count(String outcome, String hoster) {
        meters.counter("kanal.jobs.outcomes", "outcome", outcome, "hoster", hoster == null ? "" : hoster).increment();
    }

    /** Runs {@code job} until it completes, fails, waits for a retry, or {@code control} stops it. */
    void run(Job job, JobControl control) throws InterruptedException {
        long id = job.id();
        store.markRunning(id);
        publish(id, "state");
        Set<String> skip = new HashSet<>(job.skipHosters());
        String partialHoster = job.currentHoster();
        while (!control.stopping()) {
            if (store.byId(id).isEmpty()) return; // deleted while it was starting
            Resolution result = sources.resolve(job.episode(), job.language(), Set.copyOf(skip));
            if (control.stopping()) return;
            recordFailures(id, result, skip);
            if (result instanceof Resolution.Failed nf) {
                giveUpOrRetry(job, nf);
                return;
            }
            Resolution.Resolved found = (Resolution.Resolved) result;
            String hoster = found.hoster();
            store.hoster(id, hoster);
            if (job.mode() == KanalMagnet.Mode.STRM) {
                writeStrm(job, hoster, found);
                return;
            }
            Path incomplete = paths.incomplete(job.savePath(), job.hash());
            if (partialHoster != null && !partialHoster.equalsIgnoreCase(hoster)) deleteTree(incomplete);
            partialHoster = hoster;
            if (!limits.tryAcquire(hosterOf(hoster))) {
                // wait for the hoster in the queue (queuedDL), not in a worker other hosters could use
                Job now = store.byId(id).orElse(job);
                store.requeue(id, java.time.Instant.EPOCH, now.retries());
                log.info("hoster busy, job waits in the queue job={} hoster={}", id, hoster);
                publish(id, "state");
                return;
            }
            String failure;
            try {
                failure = download(job, found, incomplete, control);
            } finally {
                limits.release(hosterOf(hoster));
            }
            if (failure == null || control.stopping()) return;
            store.attemptFailed(id, new JobAttempt(hoster, failure, clock.instant()), true);
            count("download_failed", hoster);
            skip.add(hoster);
            deleteTree(incomplete);
            partialHoster = null;
            log.warn("download attempt failed job={} hoster={} reason=\"{}\"", id, hoster, failure);
            publish(id, "state");
        }
    }

    /** Downloads, checks and moves into place; returns why it failed, or null when done (or stopped). */
    private String download(Job job, Resolution.Resolved found, Path incomplete, JobControl control)
            throws InterruptedException {
        long id = job.id();
        var request = new YtDlp.Request(found.source().url(), found.source().headers(), incomplete);
        ProgressFlusher flusher = new ProgressFlusher(job);
        YtDlp.Outcome outcome;
        StallWatch stall = new StallWatch(config.stallTimeout());
        try (stall) {
            outcome = ytdlp.download(request, new YtDlp.Listener() {
                @Override
                public void started(ProcessHandle process) {
                    control.process(process);
                    store.process(id, process.pid(), ProcessTree.startedAt(process));
                    stall.watch(process);
                }

                @Override
                public void progress(DownloadProgress p) {
                    stall.progress(p.downloadedBytes());
                    flusher.offer(p);
                }
            });
        } catch (IOException e) {
            return "cannot run yt-dlp: " + e.getMessage();
        } finally {
            control.process(null);
            store.process(id, null, null);
        }
        if (control.stopping()) return null;
        if (stall.stalled()) return "stalled: no progress for " + config.stallTimeout().toSeconds() + "s";
        if (outcome instanceof YtDlp.Outcome.Failed f) return "yt-dlp: " + f.message();
        Path file = ((YtDlp.Outcome.Finished) outcome).file();
        MediaCheck media;
        try {
            media = ffprobe.check(file);
        } catch (FfProbe.BrokenMedia e) {
            return "file rejected by ffprobe: " + e.getMessage();
        } catch (IOException e) {
            return "cannot run ffprobe: " + e.getMessage();
        }
        if (store.byId(id).isEmpty()) {
            deleteTree(incomplete);
            return null;
        }
        try {
            // named with the quality ffprobe measured, so Sonarr records the true quality at import
            String name = QualityTags.measured(job.name(), media.height(), media.videoCodec());
            Path target = uniqueTarget(job.savePath(), FileNames.sanitize(name), media.extension());
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            modes.file(target);
            modes.directories(paths.root(), target.getParent());
            subtitles.saveBeside(target, found.source().subtitles(), found.source().headers());
            deleteTree(incomplete);
            store.complete(id, target, Files.size(target));
            count("completed", found.hoster());
            mediaInfo.record(job.episode(), job.language(), media.height(), media.videoCodec());
            log.info("download completed job={} hoster={} file=\"{}\" height={} codec={}", id, found.hoster(),
                    target.getFileName(), media.height(), media.videoCodec());
            publish(id, "state");
            return null;
        } catch (IOException e) {
            return "cannot move the finished file into place: " + e.getMessage();
        }
    }

    private void writeStrm(Job job, String hoster, Resolution.Resolved found) {
        try {
            Path dir = paths.inside(job.savePath()).orElseThrow();
            Files.createDirectories(dir);
            Path file = strm.write(dir, job.name(), job.episode(), job.language());
            if (paths.inside(file).isEmpty()) throw new IOException("STRM writer wrote outside the download directory");
            modes.file(file);
            modes.directories(paths.root(), dir);
            subtitles.saveBeside(file, found.source().subtitles(), found.source().headers());
            store.complete(job.id(), file, Files.size(file));
            log.info("strm written job={} hoster={}", job.id(), hoster);
        } catch (IOException | RuntimeException e) {
            store.finish(job.id(), JobState.FAILED, "cannot write the .strm file: " + e.getMessage()
                    + " (check that Kanal may write to the download directory)");
            log.warn("strm failed job={} reason=\"{}\"", job.id(), e.getMessage());
            store.byId(job.id()).ifPresent(failed::failed);
        }
        publish(job.id(), "state");
    }

    private void recordFailures(long id, Resolution result, Set<String> skip) {
        for (Attempt a : result.attempts()) {
            if (a.succeeded()) continue;
            store.attemptFailed(id, new JobAttempt(a.hoster(), a.reason(), clock.instant()), !a.transientFailure());
            if (!a.transientFailure()) skip.add(a.hoster());
        }
    }

    private void giveUpOrRetry(Job job, Resolution.Failed nf) {
        boolean transientLeft = nf.worthRetrying();
        Job now = store.byId(job.id()).orElse(job);
        if (transientLeft && now.retries() < config.retries()) {
            Duration delay = config.retryDelay().multipliedBy(1L << Math.min(now.retries(), 16));
            store.requeue(job.id(), clock.instant().plus(delay), now.retries() + 1);
            log.warn("no hoster available, retrying later job={} retry={} in_s={} reason=\"{}\"", job.id(),
                    now.retries() + 1, delay.toSeconds(), nf.summary());
        } else {
            String message = describe(now, nf);
            store.finish(job.id(), JobState.FAILED, message);
            count("failed", null);
            log.warn("job failed job={} reason=\"{}\"", job.id(), message);
            store.byId(job.id()).ifPresent(failed::failed);
        }
        publish(job.id(), "state");
    }

    /**
     * One line saying why the job failed, so a person knows what to do: the language the site does not
     * offer (and those it does), the anti-bot wall every try met ("s.to answered a link gate (needs a
     * browser)"), or each hoster tried (as the site names it) with its last error.
     */
    static String describe(Job job, Resolution.Failed last) {
        Map<String, String> byHoster = new LinkedHashMap<>();
        for (JobAttempt a : job.attempts()) byHoster.put(a.hoster(), a.error());
        if (byHoster.isEmpty()) {
            Set<dev.kanal.providers.Language> offered = last.offeredLanguages();
            if (!offered.isEmpty() && !offered.contains(job.language())) {
                return job.language().label() + " is not offered for this episode; offered: " + offered.stream()
                        .sorted().map(dev.kanal.providers.Language::label).collect(Collectors.joining(", "));
            }
            return last.attempts().isEmpty()
                    ? "no hoster offers this episode in " + job.language().label() + " on the site"
                    : "every hoster failed: " + last.summary();
        }
        var reasons = new java.util.LinkedHashSet<>(byHoster.values());
        if (reasons.size() == 1 && reasons.iterator().next().contains(" answered ")) {
            return reasons.iterator().next() + "; tried " + String.join(", ", byHoster.keySet());
        }
        return "every hoster failed: " + byHoster.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
    }

    private Path uniqueTarget(Path dir, String base, String ext) {
        Path target = dir.resolve(base + "." + ext);
        for (int n = 2; Files.exists(target); n++) target = dir.resolve(base + " (" + n + ")." + ext);
        return paths.inside(target).orElseThrow();
    }

    private void publish(long id, String type) {
        store.byId(id).ifPresent(j -> events.publish(type, j));
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("cannot delete path=\"{}\" reason=\"{}\"", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("cannot delete path=\"{}\" reason=\"{}\"", dir, e.getMessage());
        }
    }

    /** Coalesces progress lines: at most one store write and one event per second per job. */
    private final class ProgressFlusher {
        private final Job job;
        private long lastFlush;

        ProgressFlusher(Job job) {
            this.job = job;
        }

        void offer(DownloadProgress p) {
            long now = clock.millis();
            if (now - lastFlush < FLUSH_MILLIS) return;
            lastFlush = now;
            store.progress(job.id(), p);
            publish(job.id(), "progress");
        }
    }
}
