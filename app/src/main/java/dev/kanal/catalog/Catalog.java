package dev.kanal.catalog;

import dev.kanal.providers.SiteId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staged catalog of every enabled site, built and refreshed in the background (one crawler per
 * site on a virtual thread) so searches are answered from SQLite and memory. Owns the crawlers'
 * lifecycle and tells searches which sites are searchable (their title list is complete) and whether
 * the whole catalog is ready. Its parts are built by {@code dev.kanal.Wiring}.
 */
public final class Catalog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Catalog.class);

    private final List<SiteId> enabled;
    private final StageStore stages;
    private final DetailQueue queue;
    private final ReleaseFacts facts;
    private final ReleaseQueries queries;
    private final TitleResolver resolver;
    private final PriorityLane priority;
    private final ImdbLookup imdbLookup;
    private final Map<SiteId, SiteCrawler> crawlers = new EnumMap<>(SiteId.class);

    /**
     * @param crawlers one crawler per enabled site, in the sites' order
     * @param queue the detail queue the crawlers share (read for live progress)
     * @param facts what downloads and episode pages teach about releases
     */
    public Catalog(Map<SiteId, SiteCrawler> crawlers, StageStore stages, DetailQueue queue, ReleaseFacts facts,
            ReleaseQueries queries, TitleResolver resolver, PriorityLane priority, ImdbLookup imdbLookup,
            MeterRegistry meters) {
        this.enabled = List.copyOf(crawlers.keySet());
        this.crawlers.putAll(crawlers);
        this.stages = stages;
        this.queue = queue;
        this.facts = facts;
        this.queries = queries;
        this.resolver = resolver;
        this.priority = priority;
        this.imdbLookup = imdbLookup;
        Gauge.builder("kanal.catalog.ready", this, c -> c.ready() ? 1 : 0)
                .description("1 when every enabled site's titles and details are indexed").register(meters);
        Gauge.builder("kanal.catalog.names", resolver, TitleResolver::size)
                .description("Title names in the in-memory resolver index").register(meters);
    }

    /** Loads the resolver index from what earlier runs stored, then starts every site's crawler. */
    public void start() {
        resolver.rebuild();
        crawlers.values().forEach(SiteCrawler::start);
        log.info("catalog started sites={} names={}", enabled, resolver.size());
    }

    /**
     * Forgets every site's backoff: a failed title list and failed detail pages are tried again at
     * once (the status page's "Retry now"; a start does the same).
     */
    public void retryNow() {
        for (SiteCrawler c : crawlers.values()) c.retryNow();
        log.info("catalog retry requested sites={}", enabled);
    }

    /** The sites Kanal crawls. */
    public List<SiteId> enabledSites() {
        return enabled;
    }

    /** Sites whose title list completed at least once: searches are answered from these. */
    public Set<SiteId> searchableSites() {
        Set<SiteId> out = EnumSet.noneOf(SiteId.class);
        for (SiteId s : enabled) if (stages.get(s, Stage.TITLES).everSucceeded()) out.add(s);
        return out;
    }

    /** True when every enabled site's titles and details are done (no sites: trivially ready). */
    public boolean ready() {
        for (SiteId s : enabled) {
            if (stages.get(s, Stage.TITLES).state() != StageState.READY) return false;
            if (stages.get(s, Stage.DETAILS).state() != StageState.READY) return false;
        }
        return true;
    }

    /** Every stage's progress per enabled site, for {@code /health/catalog}. */
    public Map<SiteId, List<StageProgress>> progress() {
        Map<SiteId, List<StageProgress>> out = new EnumMap<>(SiteId.class);
        for (SiteId s : enabled) {
            List<StageProgress> list = new ArrayList<>();
            for (Stage stage : Stage.values()) {
                StageProgress p = stages.get(s, stage);
                if ((stage == Stage.DETAILS || stage == Stage.MAPPING) && p.state() == StageState.RUNNING) {
                    // the persisted counters lag by up to a second
                    int[] live = stage == Stage.DETAILS ? queue.detailCounts(s) : queue.mappingCounts(s);
                    p = new StageProgress(s, stage, p.state(), p.run(), live[0], live[1], p.startedAt(),
                            p.lastSuccess(), p.lastError());
                }
                list.add(p);
            }
            out.put(s, list);
        }
        return out;
    }

    public TitleResolver resolver() {
        return resolver;
    }

    public ReleaseQueries queries() {
        return queries;
    }

    /** Asks the sites whose search takes an IMDb id which of their films carry it (Radarr's exact searches). */
    public ImdbLookup imdbLookup() {
        return imdbLookup;
    }

    public PriorityLane priority() {
        return priority;
    }

    /** What downloads and episode pages teach about releases ({@link ReleaseFacts#recordMediaInfo}, hosters). */
    public ReleaseFacts store() {
        return facts;
    }

    /** Makes every crawler look for due work now instead of at its next refresh. */
    public void wakeUp() {
        crawlers.values().forEach(SiteCrawler::wakeUp);
    }

    @Override
    public void close() {
        for (SiteCrawler c : crawlers.values()) {
            try {
                c.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
