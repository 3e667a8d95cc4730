package dev.kanal.qbittorrent;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parameters of {@code torrents/info}. {@code category} and {@code tag} distinguish absent (all
 * torrents) from empty (only those without one), as qBittorrent does. {@code private} (absent: all)
 * filters by privacy; {@code includeTrackers} adds each torrent's {@code trackers} list.
 */
record InfoQuery(String filter, Optional<String> category, Optional<String> tag, Optional<Set<String>> hashes,
        Optional<String> sort, boolean reverse, int limit, int offset, Optional<Boolean> privateOnly,
        boolean includeTrackers) {

    /** Every torrent, unsorted. */
    static InfoQuery all() {
        return new InfoQuery("all", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, 0, 0,
                Optional.empty(), false);
    }

    static InfoQuery from(QbParams p) {
        Optional<Set<String>> hashes = p.optional("hashes").map(h -> Arrays.stream(h.split("\\|"))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
        return new InfoQuery(p.optional("filter").orElse("all").strip(), p.optional("category"), p.optional("tag"),
                hashes, p.optional("sort").filter(s -> !s.isBlank()), p.bool("reverse", false),
                number(p.optional("limit")), number(p.optional("offset")),
                p.optional("private").map(v -> v.strip().equalsIgnoreCase("true")), p.bool("includeTrackers", false));
    }

    /** qBittorrent reads these with {@code QString::toInt}: anything that is not a number is 0. */
    private static int number(Optional<String> raw) {
        if (raw.isEmpty() || raw.get().isBlank()) return 0;
        try {
            return Integer.parseInt(raw.get().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
