package dev.kanal.torznab;

import java.util.Set;

/**
 * A parsed Torznab request, one variant per {@code t=} function. Built by {@link TorznabQuery} from
 * the query string; handlers switch over it.
 */
sealed interface TorznabRequest {
    /** {@code offset}/{@code limit}: honoured exactly, limit clamped to the caps maximum. */
    record Paging(int offset, int limit) {}

    /** {@code t=caps}. */
    record Caps() implements TorznabRequest {}

    /** {@code t=search}; an empty {@code q} asks for the RSS feed of newest releases. */
    record Search(String q, Set<Integer> categories, Paging paging) implements TorznabRequest {}

    /**
     * {@code t=tvsearch}: ids first, else {@code q}; season and/or episode in Sonarr's numbering.
     * {@code daily} marks Sonarr's daily-show form ({@code season=2018&ep=04/28}).
     */
    record TvSearch(String q, Integer season, Integer episode, boolean daily, Integer tvdb, String imdb, Integer tmdb,
            Integer tvmaze, Set<Integer> categories, Paging paging) implements TorznabRequest {
        boolean hasIds() {
            return tvdb != null || imdb != null || tmdb != null || tvmaze != null;
        }
    }

    /** {@code t=movie}: ids first, else {@code q} (with a year). */
    record MovieSearch(String q, String imdb, Integer tmdb, Set<Integer> categories, Paging paging)
            implements TorznabRequest {
        boolean hasIds() {
            return imdb != null || tmdb != null;
        }
    }
}
