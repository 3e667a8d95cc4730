package dev.kanal.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.demo.DemoCatalog.Episode;
import dev.kanal.demo.DemoCatalog.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The two SkyHook resources Kanal's catalog reads ({@code /v1/tvdb/search/<lang>/?term=} and
 * {@code /v1/tvdb/shows/<lang>/<tvdbId>}), answering for the demo series with their invented TVDB
 * ids, so tvdbid searches and absolute anime numbers work offline. Films (season 0) are TVDB
 * specials; absolute numbers count the regular episodes in order.
 */
final class SkyHookEmulator {
    private final DemoCatalog catalog;
    private final ObjectMapper json;

    SkyHookEmulator(DemoCatalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    String search(String term) throws java.io.IOException {
        String t = term == null ? "" : term.toLowerCase(Locale.ROOT).strip();
        if (t.startsWith("tvdb:")) {
            String id = t.substring(5).strip();
            return json.writeValueAsString(catalog.series().stream()
                    .filter(s -> Integer.toString(s.tvdbId()).equals(id)).map(s -> show(s, false)).toList());
        }
        List<Map<String, Object>> hits = new ArrayList<>();
        for (Series s : catalog.series()) {
            boolean match = !t.isEmpty() && (s.title().toLowerCase(Locale.ROOT).contains(t)
                    || s.alternatives().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(t))
                    || t.contains(s.title().toLowerCase(Locale.ROOT)));
            if (match) hits.add(show(s, false));
        }
        return json.writeValueAsString(hits);
    }

    Optional<String> show(int tvdbId) throws java.io.IOException {
        Optional<Series> s = catalog.series().stream().filter(x -> x.tvdbId() == tvdbId).findFirst();
        return s.isEmpty() ? Optional.empty() : Optional.of(json.writeValueAsString(show(s.get(), true)));
    }

    private Map<String, Object> show(Series s, boolean withEpisodes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tvdbId", s.tvdbId());
        m.put("title", s.title());
        m.put("overview", s.description());
        m.put("firstAired", s.year() + "-04-01");
        m.put("runtime", 3);
        m.put("status", "continuing");
        m.put("genres", List.of("Anime", "Animation"));
        m.put("alternateTitles", s.alternatives().stream().map(a -> Map.of("title", a)).toList());
        if (withEpisodes) {
            List<Map<String, Object>> episodes = new ArrayList<>();
            int absolute = 0;
            for (Episode e : s.episodes()) {
                Map<String, Object> ep = new LinkedHashMap<>();
                ep.put("seasonNumber", e.season());
                ep.put("episodeNumber", e.number());
                if (e.season() > 0) ep.put("absoluteEpisodeNumber", ++absolute);
                ep.put("title", e.titleEn());
                ep.put("airDate", (s.year() + e.season()) + "-04-" + String.format("%02d", Math.min(28, e.number())));
                episodes.add(ep);
            }
            m.put("episodes", episodes);
            m.put("seasons", s.seasons().stream().map(n -> Map.of("seasonNumber", n)).toList());
        }
        return m;
    }
}
