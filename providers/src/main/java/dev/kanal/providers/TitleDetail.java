package dev.kanal.providers;

import java.util.List;

/**
 * Everything a site page tells about one title: the catalogue fields (possibly richer than the
 * catalogue listing had them) and every season with every episode.
 *
 * @param title catalogue fields, enriched from the detail page
 * @param description plot text, or null
 * @param seasons every season in ascending order; a movie has none
 * @param movieHosters for a movie, the hosters its page shows per language; {@link HosterHints#NONE}
 *     for series (their episodes carry their own)
 */
public record TitleDetail(TitleRef title, String description, List<SeasonRef> seasons, HosterHints movieHosters) {
    public TitleDetail {
        seasons = List.copyOf(seasons);
        movieHosters = movieHosters == null ? HosterHints.NONE : movieHosters;
    }

    /** A series, or a movie whose page shows no hosters. */
    public TitleDetail(TitleRef title, String description, List<SeasonRef> seasons) {
        this(title, description, seasons, HosterHints.NONE);
    }
}
