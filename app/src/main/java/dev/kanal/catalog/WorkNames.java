package dev.kanal.catalog;

import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the resolver's entries from every stored name so that every name a work goes by finds each
 * of its titles: titles tied to the same TVDB series (and season group) share their names across
 * sites; a sequel entry or per-season page of that series is also found under each of the series'
 * names in its season's canonical form ("Money Heist" finds s.to's "Haus des Geldes"; "Stranger
 * Things Season 4" finds Megakino's "Stranger Things 4. Staffel"). Pure: no I/O.
 */
final class WorkNames {
    private WorkNames() {}

    /**
     * One stored name of one title.
     *
     * @param tvdb the title's sure TVDB tie, or null
     * @param workSeason the TVDB season the title's first site season is, or null
     */
    record Name(int titleId, SiteId site, TitleKind kind, Integer year, String key, String title, Integer tvdb,
            Integer workSeason, String umlautsDropped) {
        /**
         * The key from the name itself, so a changed {@link TitleNormalizer} applies to stored names
         * too; a German name with umlauts is also keyed with them dropped ("Wüstenplanet" as
         * "wustenplanet"), as English sources write it.
         */
        static Name of(int titleId, SiteId site, TitleKind kind, Integer year, String name, String title, Integer tvdb,
                Integer workSeason) {
            String key = TitleNormalizer.key(name);
            String dropped = null;
            if (UMLAUT.matcher(name).find()) {
                dropped = TitleNormalizer.key(name.replace('ä', 'a').replace('ö', 'o').replace('ü', 'u')
                        .replace('Ä', 'A').replace('Ö', 'O').replace('Ü', 'U'));
            }
            return new Name(titleId, site, kind, year, key, title, tvdb, workSeason, dropped);
        }
    }

    private static final java.util.regex.Pattern UMLAUT = java.util.regex.Pattern.compile("[äöüÄÖÜ]");

    static List<TitleIndex.Entry> entries(List<Name> names) {
        List<TitleIndex.Entry> out = new ArrayList<>(names.size() + names.size() / 4);
        Map<Integer, String> titleKeys = new HashMap<>();
        // per work: the names of its whole-series titles, and the titles that are one of its seasons
        Map<Integer, Set<String>> workNames = new HashMap<>();
        Map<Integer, Map<Integer, Name>> workTitles = new HashMap<>();
        for (Name n : names) {
            if (n.key().isEmpty()) continue;
            String titleKey = titleKeys.computeIfAbsent(n.titleId(), id -> TitleNormalizer.key(n.title()));
            out.add(new TitleIndex.Entry(n.titleId(), n.site(), n.kind(), n.year(), n.key(), searchText(n, titleKey),
                    n.tvdb()));
            if (n.umlautsDropped() != null) {
                out.add(new TitleIndex.Entry(n.titleId(), n.site(), n.kind(), n.year(), n.umlautsDropped(),
                        searchText(n, titleKey), n.tvdb()));
            }
            if (n.tvdb() == null) continue;
            workTitles.computeIfAbsent(n.tvdb(), k -> new HashMap<>()).putIfAbsent(n.titleId(), n);
            if (!searchText(n, titleKey) && seasonGroup(n) == 0) {
                workNames.computeIfAbsent(n.tvdb(), k -> new LinkedHashSet<>()).add(n.key());
            }
        }
        Set<String> own = new java.util.HashSet<>();
        for (Name n : names) if (n.tvdb() != null) own.add(n.titleId() + "|" + n.key());
        workTitles.forEach((tvdb, titles) -> {
            Set<String> shared = workNames.getOrDefault(tvdb, Set.of());
            for (Name t : titles.values()) {
                int group = seasonGroup(t);
                for (String key : shared) {
                    String k = group == 0 ? key : TitleQuery.canonical(key, group);
                    if (own.add(t.titleId() + "|" + k)) {
                        out.add(new TitleIndex.Entry(t.titleId(), t.site(), t.kind(), t.year(), k, false, tvdb));
                    }
                }
            }
        });
        return out;
    }

    /** 0 for a title that is the whole series (or its first season), else the TVDB season it is. */
    private static int seasonGroup(Name n) {
        return n.workSeason() == null || n.workSeason() <= 1 ? 0 : n.workSeason();
    }

    /** s.to's search text: the title followed by its alternatives, one lower-case run. */
    private static boolean searchText(Name n, String titleKey) {
        return n.site() == SiteId.STO && !titleKey.isEmpty() && n.key().length() > titleKey.length() + 1
                && n.key().startsWith(titleKey + " ");
    }
}
