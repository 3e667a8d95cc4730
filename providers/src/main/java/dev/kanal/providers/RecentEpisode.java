package dev.kanal.providers;

import java.util.Objects;

/**
 * An episode a site announces as newly added (its "new episodes" page), in the site's numbering.
 *
 * @param episode site, slug and the site's season/episode (AniWorld films are season 0)
 * @param language the language the announcement is for, or null when the page does not say
 */
public record RecentEpisode(EpisodeAddress episode, Language language) {
    public RecentEpisode {
        Objects.requireNonNull(episode, "episode");
    }
}
