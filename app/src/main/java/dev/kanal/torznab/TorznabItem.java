package dev.kanal.torznab;

import java.time.Instant;
import java.util.List;

/**
 * One {@code <item>} of a Torznab answer, everything already decided: the renderer only writes it.
 *
 * @param language audio language for the {@code language} attribute, or null
 * @param subs subtitle language for the {@code subs} attribute, or null
 */
record TorznabItem(String title, String guid, String magnet, String infoHash, Instant pubDate, long size,
        List<Integer> categories, Integer tvdb, String imdb, Integer tmdb, String language, String subs) {}
