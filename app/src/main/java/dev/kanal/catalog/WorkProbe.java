package dev.kanal.catalog;

import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tie stage 3 would make for one title read live from its site, for {@code kanal probe --work}:
 * the same {@link WorkMatcher} against SkyHook, without the catalog.
 */
public final class WorkProbe {
    private final WorkMatcher matcher;

    public WorkProbe(SkyHookClient skyhook) {
        this.matcher = new WorkMatcher(skyhook);
    }

    /** The tie (sure or not); empty for a film or when SkyHook knows nothing like it. */
    public Optional<WorkTie> tie(TitleDetail detail) {
        if (detail.title().kind() != TitleKind.SERIES) return Optional.empty();
        List<SeriesMapper.SiteEpisode> episodes = new ArrayList<>();
        int absolute = 0;
        for (SeasonRef s : detail.seasons()) {
            for (EpisodeRef e : s.episodes()) {
                episodes.add(new SeriesMapper.SiteEpisode(s.number(), e.episode(), e.titleDe(), e.titleEn(),
                        s.number() > 0 ? ++absolute : null));
            }
        }
        var t = detail.title();
        return matcher.tie(new WorkMatcher.Subject(t.title(), t.altTitles(), t.year(), t.ids().tvdb(), null, episodes))
                .map(WorkMatcher.Tied::tie);
    }
}
