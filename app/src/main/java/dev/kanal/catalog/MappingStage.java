package dev.kanal.catalog;

import dev.kanal.providers.SiteId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 3 for one site: finds each series on SkyHook (by its TVDB id when the site names one, else
 * by its titles) and stores Sonarr's numbering beside the site's. A SkyHook outage stops the stage
 * for this cycle and leaves the site's numbering in place; it never blocks searches.
 */
final class MappingStage {
    private static final Logger log = LoggerFactory.getLogger(MappingStage.class);
    private static final int MAX_SEARCH_TERMS = 3;
    private static final int GIVE_UP_AFTER_FAILURES = 3;

    private final MappingStore store;
    private final SkyHookClient skyhook;
    private final Clock clock;

    MappingStage(MappingStore store, SkyHookClient skyhook, Clock clock) {
        this.store = store;
        this.skyhook = skyhook;
        this.clock = clock;
    }

    /** Maps every due series; returns an error summary when SkyHook kept failing, else empty. */
    Optional<String> run(SiteId site, BooleanSupplier stopped, Runnable progress) {
        int failuresInARow = 0;
        while (!stopped.getAsBoolean()) {
            List<MappingStore.MappingTarget> due = store.due(site, 50);
            if (due.isEmpty()) return Optional.empty();
            for (MappingStore.MappingTarget target : due) {
                if (stopped.getAsBoolean()) return Optional.empty();
                try {
                    mapOne(site, target);
                    failuresInARow = 0;
                } catch (SkyHookClient.SkyHookException e) {
                    store.failed(target.id(), e.getMessage(), clock.instant());
                    log.warn("catalog mapping failed site={} title=\"{}\" reason=\"{}\"", site, target.title(),
                            e.getMessage());
                    if (++failuresInARow >= GIVE_UP_AFTER_FAILURES) return Optional.of(e.getMessage());
                }
                progress.run();
            }
        }
        return Optional.empty();
    }

    /** Puts the titles whose mapping failed back in the queue. */
    void retryFailed(SiteId site) {
        store.retryFailed(site);
    }

    private void mapOne(SiteId site, MappingStore.MappingTarget target) {
        SkyHookShow show = target.tvdb() != null ? skyhook.show(target.tvdb()).orElse(null) : null;
        if (show == null) {
            Set<String> names = new LinkedHashSet<>();
            names.add(target.title());
            names.addAll(target.names());
            List<SkyHookShow> hits = new ArrayList<>();
            int asked = 0;
            for (String term : names) {
                if (asked++ >= MAX_SEARCH_TERMS) break;
                hits.addAll(skyhook.search(term));
                SkyHookShow best = SeriesMapper.bestMatch(names, target.year(), hits);
                if (best != null) {
                    show = skyhook.show(best.tvdbId()).orElse(null);
                    break;
                }
            }
        }
        if (show == null) {
            store.unmatched(target.id(), clock.instant());
            return;
        }
        var numbering = SeriesMapper.map(store.episodes(target.id()), show, site == SiteId.ANIWORLD);
        store.save(target.id(), show, numbering, clock.instant());
    }
}
