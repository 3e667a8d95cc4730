package dev.kanal.providers;

import java.util.List;

/**
 * Everything a site page tells about one title: the catalogue fields (possibly richer than the
 * catalogue listing had them) and every season with every episode.
 *
 * @param title catalogue fields, enriched from the detail page
 * @param description plot text, or null
 * @param seasons every season in ascending order; a movie has none
 */
public record TitleDetail(TitleRef title, String description, List<SeasonRef> seasons) {
    public TitleDetail {
        seasons = List.copyOf(seasons);
    }
}
