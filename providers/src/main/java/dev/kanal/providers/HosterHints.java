package dev.kanal.providers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which hosters a page shows for an episode, per language, by the names the site gives them.
 * These are hints for the catalog and the user, not playable links: the links themselves are read
 * from the episode page when a download or stream needs them.
 *
 * <p>Season tables (AniWorld, s.to) show an episode's hoster icons and its language flags side by
 * side without saying which hoster serves which language; there every language gets the whole
 * set and {@link #paired()} is false. Episode pages (and Megakino's player page, which is
 * German-only) pair each hoster with its language, and so does a season table row with a single
 * language; then {@link #paired()} is true.
 *
 * @param byLanguage hoster names in site order for each language the page offers
 * @param paired true when each name is known to serve the language it is listed under
 */
public record HosterHints(Map<Language, List<String>> byLanguage, boolean paired) {
    /** A page that shows no hosters. */
    public static final HosterHints NONE = new HosterHints(Map.of(), false);

    public HosterHints {
        Map<Language, List<String>> copy = new EnumMap<>(Language.class);
        byLanguage.forEach((language, names) -> {
            List<String> distinct = distinct(names);
            if (!distinct.isEmpty()) copy.put(language, distinct);
        });
        byLanguage = copy.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * A season-table row: the hoster icons and language flags it shows. With one language the
     * pairing is certain; with several it is not.
     */
    public static HosterHints ofRow(Set<Language> languages, Collection<String> names) {
        List<String> distinct = distinct(names);
        if (languages.isEmpty() || distinct.isEmpty()) return NONE;
        Map<Language, List<String>> map = new EnumMap<>(Language.class);
        for (Language l : languages) map.put(l, distinct);
        return new HosterHints(map, languages.size() == 1);
    }

    /** An episode page's links, grouped by their language: exact. */
    public static HosterHints ofLinks(Collection<HosterLink> links) {
        Map<Language, List<String>> map = new EnumMap<>(Language.class);
        for (HosterLink link : links) map.computeIfAbsent(link.language(), l -> new ArrayList<>()).add(link.hoster());
        return map.isEmpty() ? NONE : new HosterHints(map, true);
    }

    /** The names shown for one language, in site order (empty when none or unknown). */
    public List<String> forLanguage(Language language) {
        return byLanguage.getOrDefault(language, List.of());
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }

    private static List<String> distinct(Collection<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (n == null) continue;
            String t = n.strip();
            if (!t.isEmpty()) out.add(t);
        }
        return List.copyOf(out);
    }
}
