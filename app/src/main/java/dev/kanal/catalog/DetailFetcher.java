package dev.kanal.catalog;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.Site;
import dev.kanal.providers.TitleDetail;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 2 for one title: fetches its detail page(s) and stores them; on a refresh, the episode pages
 * of the episodes it found new, for their exact hosters per language. Single-flight per title, so
 * the background crawl and the priority lane never fetch the same title twice at once; each fetch
 * runs on its own virtual thread.
 */
public final class DetailFetcher {
    private static final Logger log = LoggerFactory.getLogger(DetailFetcher.class);
    /** A transient failure (network, 429, 5xx) is retried this soon; other failures wait a refresh. */
    static final Duration TRANSIENT_RETRY = Duration.ofMinutes(15);
    /** How many new episodes per refreshed title get their episode page read for exact hosters. */
    static final int PAIRED_PER_TITLE = 6;

    private final Site site;
    private final EpisodeStore episodes;
    private final DetailQueue queue;
    private final ReleaseFacts facts;
    private final CatalogMetrics metrics;
    private final Clock clock;
    private final Duration permanentRetry;
    private final Map<Integer, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public DetailFetcher(Site site, EpisodeStore episodes, DetailQueue queue, ReleaseFacts facts, CatalogMetrics metrics, Clock clock, Duration permanentRetry) {
        this.site = site;
        this.episodes = episodes;
        this.queue = queue;
        this.facts = facts;
        this.metrics = metrics;
        this.clock = clock;
        this.permanentRetry = permanentRetry;
    }

    /** Starts (or joins) the fetch of one title; completes with true when its details were stored. */
    CompletableFuture<Boolean> fetch(DetailQueue.DueTitle title) {
        return inFlight.computeIfAbsent(title.id(), id -> {
            CompletableFuture<Boolean> done = new CompletableFuture<>();
            Thread.ofVirtual().name("catalog-detail-" + site.id().id()).start(() -> {
                try {
                    done.complete(fetchNow(title));
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                } finally {
                    inFlight.remove(id);
                }
            });
            return done;
        });
    }

    private boolean fetchNow(DetailQueue.DueTitle title) {
        long started = System.nanoTime();
        try {
            TitleDetail detail = site.detail(title.slug());
            List<EpisodeAddress> unpaired = episodes.saveDetail(title.id(), detail, clock.instant());
            // a first fetch adds every episode: pairing them all would cost a request per episode
            if (title.everFetched()) pairHosters(unpaired);
            metrics.detailFetched(site.id(), System.nanoTime() - started);
            return true;
        } catch (ProviderException e) {
            if (stopping) return false; // interrupted by shutdown: the title stays due, not failed
            boolean transientFailure = e.failure().transientFailure();
            Duration retry = transientFailure ? TRANSIENT_RETRY : permanentRetry;
            queue.failDetail(title.id(), e.failure().describe(), clock.instant().plus(retry));
            metrics.detailFailed(site.id());
            log.warn("catalog detail failed site={} slug={} reason=\"{}\" retry_in={}", site.id(), title.slug(),
                    e.failure().describe(), retry);
            return false;
        } catch (RuntimeException e) {
            if (stopping) return false;
            queue.failDetail(title.id(), "unexpected: " + e, clock.instant().plus(permanentRetry));
            metrics.detailFailed(site.id());
            log.error("catalog detail crashed site={} slug={}", site.id(), title.slug(), e);
            return false;
        }
    }

    /**
     * Reads the episode pages of the newest episodes a refresh found (at most
     * {@link #PAIRED_PER_TITLE}) so their hosters are known per language, not only as the season
     * table's icons. A page that fails leaves the table's hints; a block stops the rest.
     */
    private void pairHosters(List<EpisodeAddress> episodes) {
        List<EpisodeAddress> newest = episodes.subList(Math.max(0, episodes.size() - PAIRED_PER_TITLE), episodes.size());
        for (EpisodeAddress episode : newest) {
            if (stopping) return;
            try {
                facts.recordHosters(episode, site.hosterLinks(episode), clock.instant());
                metrics.hosterPage(site.id(), true);
            } catch (ProviderException e) {
                metrics.hosterPage(site.id(), false);
                log.info("catalog hosters not paired site={} slug={} season={} episode={} reason=\"{}\"", site.id(),
                        episode.slug(), episode.season(), episode.episode(), e.failure().describe());
                if (e.failure() instanceof ProviderFailure.Blocked) return;
            }
        }
    }

    /** Stops recording failures: fetches interrupted by shutdown leave their titles due. */
    void stop() {
        stopping = true;
    }

    /** Fetches currently running (for the health page). */
    int running() {
        return inFlight.size();
    }
}
