package dev.kanal.providers;

/**
 * Ids of a title in outside databases, when the site's page shows them. Every field may be null.
 *
 * @param imdb IMDb id with its {@code tt} prefix, e.g. {@code tt2085059}
 * @param tmdb TMDB id
 * @param tvdb TheTVDB series id
 */
public record ExternalIds(String imdb, Integer tmdb, Integer tvdb) {
    public static final ExternalIds NONE = new ExternalIds(null, null, null);

    /** True when no id is known. */
    public boolean isEmpty() {
        return imdb == null && tmdb == null && tvdb == null;
    }
}
