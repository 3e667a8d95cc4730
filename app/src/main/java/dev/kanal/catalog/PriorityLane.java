package dev.kanal.catalog;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one bounded exception to "never crawl on the request path": when a search names a title whose
 * details were never fetched, they are fetched at once, ahead of the background queue, and the
 * search waits at most the configured budget. Past the budget the search answers with what the
 * catalog has and the fetch finishes in the background.
 */
public final class PriorityLane {
    private static final Logger log = LoggerFactory.getLogger(PriorityLane.class);

    private final CatalogStore store;
    private final Map<dev.kanal.providers.SiteId, DetailFetcher> fetchers;
    private final Duration budget;
    private final CatalogMetrics metrics;

    PriorityLane(CatalogStore store, Map<dev.kanal.providers.SiteId, DetailFetcher> fetchers, Duration budget,
            CatalogMetrics metrics) {
        this.store = store;
        this.fetchers = fetchers;
        this.budget = budget;
        this.metrics = metrics;
    }

    /**
     * Makes sure the title's details are there, waiting up to the budget. Returns true when the
     * details are (now) available; false when the fetch failed or is still running.
     */
    public boolean ensureDetails(int titleId) {
        var title = store.title(titleId).orElse(null);
        if (title == null) return false;
        if (title.everFetched()) return true;
        DetailFetcher fetcher = fetchers.get(title.site());
        if (fetcher == null) return false;
        metrics.priorityRequest(title.site());
        try {
            return fetcher.fetch(title).get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            metrics.priorityOverBudget(title.site());
            log.info("catalog priority fetch over budget site={} slug={} budget_ms={}; answering with what is "
                    + "indexed, the fetch continues", title.site(), title.slug(), budget.toMillis());
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
