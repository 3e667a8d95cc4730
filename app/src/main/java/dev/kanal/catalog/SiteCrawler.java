package dev.kanal.catalog;

import dev.kanal.config.KanalConfig;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the three stages for one site on one background virtual thread: the title list when it is
 * due, then every due title's details (at most {@code KANAL_CATALOG_CONCURRENCY} at once), then the
 * mapping; then sleeps until the next refresh. Each stage's progress is persisted, so after a restart
 * the loop continues with the titles whose details are still missing.
 */
public final class SiteCrawler {
    private static final Logger log = LoggerFactory.getLogger(SiteCrawler.class);
    /** Titles that gained episodes this recently are refreshed every cycle; others on the full cycle. */
    static final Duration ACTIVE_WINDOW = Duration.ofDays(30);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);

    private final Site site;
    private final SiteId id;
    private final DetailQueue queue;
    private final TitleStore titleStore;
    private final StageStore stages;
    private final MappingStage mapping;
    private final DetailFetcher details;
    private final TitleResolver resolver;
    private final CatalogMetrics metrics;
    private final KanalConfig.Catalog config;
    private final Clock clock;
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;
    private final java.util.concurrent.atomic.AtomicLong lastProgress = new java.util.concurrent.atomic.AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean stopped;
    private boolean wakeRequested;
    private int listingFailures;
    /** Set at start and by "Retry now": the next pass ignores the backoff of a failed title list. */
    private volatile boolean retryNow = true;
    /** When the site's new-episodes page was last read (in memory: a restart reads it at once). */
    private Instant lastRecentCheck;
    /** Failed new-episodes checks in a row: only the first is a warning, so a changed page does not flood the log. */
    private int recentFailures;
    private Thread thread;

    public SiteCrawler(Site site, DetailQueue queue, TitleStore titleStore, StageStore stages, MappingStage mapping, DetailFetcher details,
            TitleResolver resolver, CatalogMetrics metrics, KanalConfig.Catalog config, Clock clock) {
        this.site = site;
        this.id = site.id();
        this.queue = queue;
        this.titleStore = titleStore;
        this.stages = stages;
        this.mapping = mapping;
        this.details = details;
        this.resolver = resolver;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    void start() {
        for (Stage s : Stage.values()) {
            StageProgress p = stages.get(id, s);
            // a stage that was running when Kanal stopped continues from its persisted rows
            if (p.state() == StageState.RUNNING) stages.state(id, s, StageState.PENDING);
            metrics.stageReady(id, s, p.state() == StageState.READY);
        }
        thread = Thread.ofVirtual().name("catalog-" + id.id()).start(this::loop);
    }

    /** Makes the loop re-check its work now (used by tests and after a priority fetch). */
    void wakeUp() {
        lock.lock();
        try {
            wakeRequested = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Drops the backoff: the loop tries a failed title list and failed details again right away. */
    void retryNow() {
        listingFailures = 0;
        retryNow = true;
        wakeUp();
    }

    void stop() throws InterruptedException {
        stopped = true;
        details.stop();
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(10));
        }
    }

    private void loop() {
        while (!stopped) {
            try {
                Duration sleep = cycle();
                sleep(sleep);
            } catch (InterruptedException e) {
                if (stopped) return;
            } catch (RuntimeException e) {
                if (stopped) return;
                log.error("catalog crawler cycle crashed site={}", id, e);
                try {
                    sleep(FIRST_RETRY);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** One pass over the stages; returns how long to sleep before the next pass. */
    private Duration cycle() throws InterruptedException {
        StageProgress titles = stages.get(id, Stage.TITLES);
        Instant now = clock.instant();
        Duration retry = null;
        boolean due = !titles.everSucceeded() || titles.state() != StageState.READY
                || !titles.lastSuccess().plus(config.refreshInterval()).isAfter(now);
        boolean forced = retryNow;
        retryNow = false;
        if (forced) queue.retryFailedDetailsNow(id, now);
        if (due && (titles.state() != StageState.FAILED || forced || retryDue(titles, now))) {
            if (!listTitles()) retry = backoff();
        }
        if (stopped) return Duration.ZERO;
        if (stages.get(id, Stage.TITLES).everSucceeded()) {
            if (recentCheckDue(clock.instant())) checkRecentEpisodes();
            fetchDetails();
            if (stopped) return Duration.ZERO;
            mapSeries();
        }
        titles = stages.get(id, Stage.TITLES);
        Duration untilRefresh = titles.lastSuccess() == null ? backoff()
                : Duration.between(clock.instant(), titles.lastSuccess().plus(config.refreshInterval()));
        if (retry != null && retry.compareTo(untilRefresh) < 0) untilRefresh = retry;
        Duration untilRecent = untilRecentCheck();
        if (untilRecent != null && untilRecent.compareTo(untilRefresh) < 0) untilRefresh = untilRecent;
        Instant nextRetry = queue.nextDetailRetry(id);
        if (nextRetry != null) {
            Duration untilRetry = Duration.between(clock.instant(), nextRetry);
            if (untilRetry.compareTo(untilRefresh) < 0) untilRefresh = untilRetry;
        }
        return untilRefresh.isNegative() ? Duration.ZERO : untilRefresh;
    }

    private boolean recentCheckDue(Instant now) {
        Duration every = config.newEpisodesInterval();
        return !every.isZero() && (lastRecentCheck == null || !lastRecentCheck.plus(every).isAfter(now));
    }

    private Duration untilRecentCheck() {
        Duration every = config.newEpisodesInterval();
        if (every.isZero() || lastRecentCheck == null) return null;
        return Duration.between(clock.instant(), lastRecentCheck.plus(every));
    }

    /**
     * Reads the site's new-episodes page and queues the titles it names with something the catalog
     * lacks, so a new episode is searchable minutes after the site adds it rather than at the next
     * refresh. A failure only waits for the next check.
     */
    private void checkRecentEpisodes() {
        lastRecentCheck = clock.instant();
        try {
            var recent = site.recentEpisodes();
            int queued = queue.requeueForRecent(id, recent);
            metrics.recentCheck(id, true);
            recentFailures = 0;
            if (queued > 0) {
                log.info("catalog new episodes site={} listed={} titles_queued={}", id, recent.size(), queued);
            }
        } catch (RuntimeException e) {
            if (stopped) return;
            metrics.recentCheck(id, false);
            String reason = e instanceof dev.kanal.providers.ProviderException p ? p.failure().describe()
                    : e.toString();
            String message = "catalog new episodes check failed site={} reason=\"{}\" failures_in_a_row={} next_in={}";
            if (++recentFailures == 1) log.warn(message, id, reason, recentFailures, config.newEpisodesInterval());
            else log.debug(message, id, reason, recentFailures, config.newEpisodesInterval());
        }
    }

    private boolean retryDue(StageProgress titles, Instant now) {
        return titles.startedAt() == null || !titles.startedAt().plus(backoff()).isAfter(now);
    }

    private Duration backoff() {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(10, listingFailures));
        return d.compareTo(config.refreshInterval()) > 0 ? config.refreshInterval() : d;
    }

    private boolean listTitles() throws InterruptedException {
        int run = stages.begin(id, Stage.TITLES, stages.get(id, Stage.TITLES).total(), clock.instant());
        long started = System.nanoTime();
        int previousTotal = stages.get(id, Stage.TITLES).total();
        try {
            TitleListing.Result result = new TitleListing(titleStore, clock).run(site, run, n -> {
                stages.progress(id, Stage.TITLES, n, Math.max(n, previousTotal));
                metrics.stage(id, Stage.TITLES, n, Math.max(n, previousTotal));
            });
            stages.succeed(id, Stage.TITLES, result.listed(), result.listed(), clock.instant());
            metrics.stage(id, Stage.TITLES, result.listed(), result.listed());
            metrics.stageReady(id, Stage.TITLES, true);
            listingFailures = 0;
            int requeued = titleStore.scheduleRefresh(id, clock.instant(), config.refreshInterval(),
                    config.fullRefreshInterval(), ACTIVE_WINDOW);
            mapping.retryFailed(id);
            resolver.rebuild();
            log.info("catalog titles listed site={} titles={} removed={} details_requeued={} took_ms={}", id,
                    result.listed(), result.removed(), requeued, (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            if (stopped) throw new InterruptedException();
            listingFailures++;
            String reason = e instanceof dev.kanal.providers.ProviderException p ? p.failure().describe()
                    : e instanceof TitleStore.SuspiciousListing ? e.getMessage() : e.toString();
            stages.fail(id, Stage.TITLES, reason);
            metrics.listingFailed(id);
            metrics.stageReady(id, Stage.TITLES, false);
            log.warn("catalog title listing failed site={} condition={} reason=\"{}\" retry_in={}", id,
                    dev.kanal.health.UpstreamCondition.ofError(reason).state(), reason, backoff());
            resolver.rebuild();
            return false;
        }
    }

    private void fetchDetails() throws InterruptedException {
        int[] counts = queue.detailCounts(id);
        List<DetailQueue.DueTitle> due = queue.dueForDetails(id, clock.instant(), config.concurrency() * 8);
        if (due.isEmpty()) {
            finishDetails(counts);
            return;
        }
        // on a refresh, new episodes are mapped chunk by chunk: those of renumbered series wait for it
        boolean refreshing = stages.get(id, Stage.DETAILS).lastSuccess() != null;
        stages.begin(id, Stage.DETAILS, counts[1], clock.instant());
        Semaphore permits = new Semaphore(config.concurrency());
        int sinceRebuild = 0;
        while (!due.isEmpty() && !stopped) {
            List<CompletableFuture<Boolean>> running = new ArrayList<>();
            for (DetailQueue.DueTitle t : due) {
                permits.acquire();
                if (stopped || !queue.detailsDue(t.id(), clock.instant())) {
                    permits.release();
                    continue;
                }
                running.add(details.fetch(t).whenComplete((ok, e) -> {
                    permits.release();
                    if (!stopped) detailProgress();
                }));
            }
            for (CompletableFuture<Boolean> f : running) {
                try {
                    f.join();
                } catch (RuntimeException ignored) {
                    // already recorded on the title by DetailFetcher
                }
            }
            if (refreshing && !stopped) mapSeries();
            sinceRebuild += due.size();
            if (sinceRebuild >= 2000) {
                resolver.rebuild();
                sinceRebuild = 0;
            }
            due = queue.dueForDetails(id, clock.instant(), config.concurrency() * 8);
        }
        if (stopped) throw new InterruptedException();
        finishDetails(queue.detailCounts(id));
        resolver.rebuild();
    }

    private void detailProgress() {
        long now = System.nanoTime();
        long last = lastProgress.get();
        // at most one progress write per second: counting and writing per title would halve the crawl
        if (now - last < PROGRESS_EVERY_NANOS || !lastProgress.compareAndSet(last, now)) return;
        int[] counts = queue.detailCounts(id);
        stages.progress(id, Stage.DETAILS, counts[0], counts[1]);
        metrics.stage(id, Stage.DETAILS, counts[0], counts[1]);
    }

    private void finishDetails(int[] counts) {
        StageProgress p = stages.get(id, Stage.DETAILS);
        if (p.state() == StageState.READY && p.done() == counts[0] && p.total() == counts[1]) return;
        stages.succeed(id, Stage.DETAILS, counts[0], counts[1], clock.instant());
        metrics.stage(id, Stage.DETAILS, counts[0], counts[1]);
        metrics.stageReady(id, Stage.DETAILS, true);
    }

    private void mapSeries() {
        int[] counts = queue.mappingCounts(id);
        StageProgress p = stages.get(id, Stage.MAPPING);
        if (p.state() == StageState.FAILED && p.startedAt() != null
                && p.startedAt().plus(config.refreshInterval()).isAfter(clock.instant())) {
            return; // SkyHook failed recently; try again on the next refresh
        }
        if (p.state() == StageState.READY && counts[0] == counts[1]) return;
        stages.begin(id, Stage.MAPPING, counts[1], clock.instant());
        stages.progress(id, Stage.MAPPING, counts[0], counts[1]); // a re-run starts from what is mapped, not 0
        var failure = mapping.run(id, () -> stopped, this::mappingProgress);
        counts = queue.mappingCounts(id);
        stages.progress(id, Stage.MAPPING, counts[0], counts[1]);
        resolver.rebuild(); // TVDB's names and the work's names on other sites become searchable now
        if (failure.isPresent()) {
            stages.fail(id, Stage.MAPPING, failure.get());
            metrics.mappingFailed(id);
            metrics.stageReady(id, Stage.MAPPING, false);
        } else if (!stopped) {
            stages.succeed(id, Stage.MAPPING, counts[0], counts[1], clock.instant());
            metrics.stage(id, Stage.MAPPING, counts[0], counts[1]);
            metrics.stageReady(id, Stage.MAPPING, true);
        }
    }

    private final java.util.concurrent.atomic.AtomicLong lastMappingProgress = new java.util.concurrent.atomic.AtomicLong();

    /** Persists the mapping counters at most once a second (each title reports; /health/catalog reads them live). */
    private void mappingProgress() {
        long now = System.nanoTime();
        long last = lastMappingProgress.get();
        if (now - last < PROGRESS_EVERY_NANOS || !lastMappingProgress.compareAndSet(last, now)) return;
        int[] c = queue.mappingCounts(id);
        stages.progress(id, Stage.MAPPING, c[0], c[1]);
        metrics.stage(id, Stage.MAPPING, c[0], c[1]);
    }

    private void sleep(Duration d) throws InterruptedException {
        lock.lock();
        try {
            long nanos = d.toNanos();
            while (!wakeRequested && !stopped && nanos > 0) nanos = wake.awaitNanos(nanos);
            wakeRequested = false;
        } finally {
            lock.unlock();
        }
    }
}
