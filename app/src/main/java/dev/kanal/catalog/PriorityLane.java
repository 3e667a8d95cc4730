package dev.kanal.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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

    private final DetailQueue queue;
    private final Map<dev.kanal.providers.SiteId, DetailFetcher> fetchers;
    private final Duration budget;
    private final CatalogMetrics metrics;

    public PriorityLane(DetailQueue queue, Map<dev.kanal.providers.SiteId, DetailFetcher> fetchers, Duration budget,
            CatalogMetrics metrics) {
        this.queue = queue;
        this.fetchers = fetchers;
        this.budget = budget;
        this.metrics = metrics;
    }

    /**
     * Makes sure the titles' details are there, fetching those never fetched all at once and waiting
     * for them together at most the budget. Returns true when every title's details are available.
     */
    public boolean ensureDetails(Collection<Integer> titleIds) {
        List<CompletableFuture<Boolean>> fetches = new ArrayList<>();
        List<DetailQueue.DueTitle> titles = new ArrayList<>();
        for (int id : titleIds) {
            var title = queue.title(id).orElse(null);
            if (title == null || title.everFetched()) continue;
            DetailFetcher fetcher = fetchers.get(title.site());
            if (fetcher == null) continue;
            metrics.priorityRequest(title.site());
            titles.add(title);
            fetches.add(fetcher.fetch(title));
        }
        if (fetches.isEmpty()) return true;
        try {
            CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new))
                    .get(budget.toMillis(), TimeUnit.MILLISECONDS);
            return fetches.stream().allMatch(f -> Boolean.TRUE.equals(f.getNow(false)));
        } catch (TimeoutException e) {
            for (int i = 0; i < titles.size(); i++) {
                if (fetches.get(i).isDone()) continue;
                metrics.priorityOverBudget(titles.get(i).site());
                log.info("catalog priority fetch over budget site={} slug={} budget_ms={}; answering with what is "
                        + "indexed, the fetch continues", titles.get(i).site(), titles.get(i).slug(), budget.toMillis());
            }
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
