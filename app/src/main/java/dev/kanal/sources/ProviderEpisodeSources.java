package dev.kanal.sources;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.resolve.Resolution;
import dev.kanal.providers.resolve.SourceResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link EpisodeSources} on top of the providers' {@link SourceResolver}: the user's hoster order
 * ({@code KANAL_HOSTER_ORDER}) with the hoster that last delivered this title moved to the front,
 * and the winner remembered for next time. What the episode page offered in every language goes to
 * {@link HosterSightings}, so the catalog learns each release's exact hosters.
 */
public final class ProviderEpisodeSources implements EpisodeSources {
    private static final Logger log = LoggerFactory.getLogger(ProviderEpisodeSources.class);
    private final SourceResolver resolver;
    private final List<String> hosterOrder;
    private final HosterPreferenceStore preferences;
    private final HosterSightings sightings;

    public ProviderEpisodeSources(SourceResolver resolver, List<String> hosterOrder, HosterPreferenceStore preferences,
            HosterSightings sightings) {
        this.resolver = resolver;
        this.hosterOrder = List.copyOf(hosterOrder);
        this.preferences = preferences;
        this.sightings = sightings;
    }

    @Override
    public Resolution resolve(EpisodeAddress episode, Language language, Set<String> skipHosters) {
        List<String> order = new ArrayList<>(hosterOrder);
        preferences.lastWorked(episode.site(), episode.slug()).ifPresent(last -> {
            order.removeIf(name -> name.equalsIgnoreCase(last));
            order.addFirst(last);
        });
        Resolution resolution = resolver.resolve(episode, language, order, skipHosters);
        try {
            sightings.offered(episode, resolution.offered());
        } catch (RuntimeException e) {
            // learning hosters is a side benefit: it never fails the download or stream
            log.warn("recording hosters failed site={} slug={}: {}", episode.site(), episode.slug(), e.toString());
        }
        if (resolution instanceof Resolution.Resolved r) {
            preferences.worked(episode.site(), episode.slug(), r.link().hoster());
        }
        return resolution;
    }
}
