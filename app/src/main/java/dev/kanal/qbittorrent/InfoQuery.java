package dev.kanal.qbittorrent;

import dev.kanal.KanalException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parameters of {@code torrents/info}. {@code category} and {@code tag} distinguish absent (all
 * torrents) from empty (only those without one), as qBittorrent does.
 */
record InfoQuery(String filter, Optional<String> category, Optional<String> tag, Optional<Set<String>> hashes,
        Optional<String> sort, boolean reverse, int limit, int offset) {

    static InfoQuery from(QbParams p) {
        Optional<Set<String>> hashes = p.optional("hashes").map(h -> Arrays.stream(h.split("\\|"))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet()));
        return new InfoQuery(p.optional("filter").orElse("all").strip(), p.optional("category"), p.optional("tag"),
                hashes, p.optional("sort").filter(s -> !s.isBlank()), p.bool("reverse", false),
                number(p.optional("limit"), "limit"), number(p.optional("offset"), "offset"));
    }

    private static int number(Optional<String> raw, String name) {
        if (raw.isEmpty() || raw.get().isBlank()) return 0;
        try {
            return Integer.parseInt(raw.get().strip());
        } catch (NumberFormatException e) {
            throw new KanalException.BadRequest("Bad parameter: " + name);
        }
    }
}
