package dev.kanal.sources;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.resolve.Resolution;
import java.util.Set;

/**
 * Resolves an episode to a playable media source: the site's hoster links in the grabbed language
 * (never another), tried in the user's hoster order with the hoster that last worked for the title
 * first. Download jobs and the stream proxy both go through this one service.
 */
public interface EpisodeSources {
    /**
     * Tries each hoster once, skipping the names in {@code skipHosters}, and reports every attempt.
     * Never throws for upstream failures; those are in the result. A {@link Resolution.Resolved} names
     * the hoster as {@link Resolution.Resolved#hoster()}.
     */
    Resolution resolve(EpisodeAddress episode, Language language, Set<String> skipHosters);
}
