package dev.kanal.sources;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.HosterLink;
import java.util.List;

/**
 * Told which hoster links an episode page offered, in every language, whenever a download or
 * stream read the page. The catalog records them as the episode's exact hosters per language.
 */
@FunctionalInterface
public interface HosterSightings {
    /** Records nothing. */
    HosterSightings NONE = (episode, links) -> {};

    void offered(EpisodeAddress episode, List<HosterLink> links);
}
