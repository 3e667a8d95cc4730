package dev.kanal.providers;

import java.util.List;

/**
 * A season with its episodes, in the site's numbering.
 *
 * @param number season number, 0 for films/specials
 * @param episodes the episodes in site order
 */
public record SeasonRef(int number, List<EpisodeRef> episodes) {
    public SeasonRef {
        if (number < 0) throw new IllegalArgumentException("season < 0: " + number);
        episodes = List.copyOf(episodes);
    }
}
