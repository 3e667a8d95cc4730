package dev.kanal.catalog;

import dev.kanal.providers.SiteId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 3 for one site: ties each series to its TVDB work ({@link WorkMatcher}) and stores Sonarr's
 * numbering beside the site's. A few titles are tied at once (SkyHook answers are cached and shared
 * across sites); progress is reported after every title. A SkyHook outage stops the stage for this
 * cycle and leaves the site's numbering in place; it never blocks searches.
 */
public final class MappingStage {
    private static final Logger log = LoggerFactory.getLogger(MappingStage.class);
    private static final int GIVE_UP_AFTER_FAILURES = 3;
    private static final int MAX_PARALLEL = 4;

    private final MappingStore store;
    private final WorkMatcher matcher;
    private final Clock clock;
    private final int parallel;

    public MappingStage(MappingStore store, SkyHookClient skyhook, Clock clock, int concurrency) {
        this.store = store;
        this.matcher = new WorkMatcher(skyhook);
        this.clock = clock;
        this.parallel = Math.max(1, Math.min(MAX_PARALLEL, concurrency));
    }

    /** Maps every due series; returns an error summary when SkyHook kept failing, else empty. */
    Optional<String> run(SiteId site, BooleanSupplier stopped, Runnable progress) {
        AtomicInteger failuresInARow = new AtomicInteger();
        AtomicReference<String> gaveUp = new AtomicReference<>();
        Semaphore permits = new Semaphore(parallel);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            while (!stopped.getAsBoolean() && gaveUp.get() == null) {
                List<MappingStore.MappingTarget> due = store.due(site, 50);
                if (due.isEmpty()) return Optional.empty();
                List<CompletableFuture<Void>> running = new ArrayList<>();
                for (MappingStore.MappingTarget target : due) {
                    if (stopped.getAsBoolean() || gaveUp.get() != null) break;
                    try {
                        permits.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return Optional.empty();
                    }
                    running.add(CompletableFuture.runAsync(() -> {
                        try {
                            mapOne(site, target);
                            failuresInARow.set(0);
                        } catch (SkyHookClient.SkyHookException e) {
                            store.failed(target.id(), e.getMessage(), clock.instant());
                            log.warn("catalog mapping failed site={} title=\"{}\" reason=\"{}\"", site, target.title(),
                                    e.getMessage());
                            if (failuresInARow.incrementAndGet() >= GIVE_UP_AFTER_FAILURES) gaveUp.set(e.getMessage());
                        } catch (RuntimeException e) {
                            store.failed(target.id(), e.toString(), clock.instant());
                            log.warn("catalog mapping failed site={} title=\"{}\"", site, target.title(), e);
                        } finally {
                            permits.release();
                            progress.run();
                        }
                    }, pool));
                }
                running.forEach(CompletableFuture::join);
            }
        }
        return Optional.ofNullable(gaveUp.get());
    }

    /** Puts the titles whose mapping failed back in the queue. */
    void retryFailed(SiteId site) {
        store.retryFailed(site);
    }

    private void mapOne(SiteId site, MappingStore.MappingTarget target) {
        List<SeriesMapper.SiteEpisode> episodes = store.episodes(target.id());
        var tied = matcher.tie(new WorkMatcher.Subject(target.title(), target.names(), target.year(), target.tvdb(),
                target.kept(), episodes));
        if (tied.isEmpty()) {
            store.unmatched(target.id(), clock.instant());
            return;
        }
        WorkTie tie = tied.get().tie();
        if (!tie.sure()) {
            store.unsure(target.id(), tie, clock.instant());
            log.debug("catalog unsure tie site={} title=\"{}\" tvdb={} confidence={} evidence=\"{}\"", site,
                    target.title(), tie.tvdb(), tie.confidence(), tie.evidence());
            return;
        }
        int first = episodes.stream().mapToInt(SeriesMapper.SiteEpisode::season).filter(n -> n > 0).min().orElse(1);
        var numbering = SeriesMapper.map(episodes, tied.get().show(), site == SiteId.ANIWORLD, tie.shift(first));
        store.save(target.id(), tie, tied.get().show(), numbering, clock.instant());
    }
}
