package dev.kanal.health;

import dev.kanal.catalog.Catalog;
import dev.kanal.catalog.Stage;
import dev.kanal.catalog.StageProgress;
import dev.kanal.catalog.StageState;
import dev.kanal.providers.SiteId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Each enabled site's {@link UpstreamCondition}, read from its catalog stages. */
public final class SiteConditions {
    private final Catalog catalog;

    public SiteConditions(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The condition of one site from its stages: the title list decides; a failed details stage counts once titles are in. */
    public static UpstreamCondition of(List<StageProgress> stages) {
        StageProgress titles = stages.stream().filter(p -> p.stage() == Stage.TITLES).findFirst().orElse(null);
        if (titles == null) return UpstreamCondition.building();
        if (titles.state() == StageState.FAILED) return UpstreamCondition.ofError(titles.lastError());
        if (!titles.everSucceeded()) return UpstreamCondition.building();
        return UpstreamCondition.healthy();
    }

    /** Every enabled site's condition, in the catalog's order. */
    public Map<SiteId, UpstreamCondition> all() {
        Map<SiteId, UpstreamCondition> out = new LinkedHashMap<>();
        catalog.progress().forEach((site, stages) -> out.put(site, of(stages)));
        return out;
    }

    /**
     * Why Kanal cannot serve anything: no site searchable and every one broken (unreachable,
     * blocked, changed). Empty while any site is searchable or still being built.
     */
    public Optional<String> nothingReachable() {
        if (catalog.enabledSites().isEmpty() || !catalog.searchableSites().isEmpty()) return Optional.empty();
        Map<SiteId, UpstreamCondition> all = all();
        if (all.isEmpty() || !all.values().stream().allMatch(UpstreamCondition::broken)) return Optional.empty();
        return Optional.of("no site reachable: " + all.entrySet().stream()
                .map(e -> e.getKey().id() + " " + e.getValue().words()).collect(Collectors.joining("; ")));
    }
}
