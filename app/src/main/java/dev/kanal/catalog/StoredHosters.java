package dev.kanal.catalog;

import java.util.List;

/**
 * A release's stored hoster names (comma-separated, site order; null when never shown) and
 * whether they are known to serve that language.
 */
record StoredHosters(String names, boolean paired) {
    private static final StoredHosters UNKNOWN = new StoredHosters(null, false);

    /**
     * What a detail fetch leaves stored. A page that shows no hosters changes nothing. A paired
     * list wins. An unpaired season-table list keeps an earlier exact pairing for the hosters the
     * table still shows, so a refresh does not throw away what an episode page taught.
     */
    static StoredHosters merge(StoredHosters had, List<String> shown, boolean shownPaired) {
        StoredHosters before = had == null ? UNKNOWN : had;
        if (shown.isEmpty()) return before;
        if (shownPaired) return new StoredHosters(join(shown), true);
        if (before.paired() && before.names() != null) {
            List<String> kept = split(before.names()).stream().filter(shown::contains).toList();
            if (!kept.isEmpty()) return new StoredHosters(join(kept), true);
        }
        return new StoredHosters(join(shown), false);
    }

    static String join(List<String> names) {
        return String.join(",", names.stream().map(n -> n.replace(",", " ").strip()).toList());
    }

    static List<String> split(String names) {
        if (names == null || names.isBlank()) return List.of();
        return List.of(names.split(","));
    }
}
