package dev.kanal.ui;

import java.util.List;

/**
 * One Torznab item as the search view shows it.
 *
 * @param categories the Torznab category ids, e.g. 5000 and 5070
 * @param size bytes; 0 when the indexer does not know
 * @param language Kanal's language label from the release tag, else the item's language attribute
 * @param magnet the magnet link Sonarr would add, or null
 */
public record Release(String title, List<Integer> categories, long size, String language, String magnet,
        String published) {}
