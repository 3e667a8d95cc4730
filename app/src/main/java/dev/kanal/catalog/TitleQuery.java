package dev.kanal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search text taken apart the way *arr clients build it: the normalized key, a trailing year
 * ({@code Title 2019}, {@code Title (2019)}), and a sequel marker ({@code Season 2}, {@code 2nd
 * Season}, {@code Staffel 2}, {@code Part 2}, {@code II}) that on these sites usually names a season
 * of the same title rather than another title.
 *
 * @param key the whole text, normalized
 * @param year the trailing year, or null
 * @param season the sequel/season number the text names, or null
 * @param variants the keys to try, most literal first (whole text, its {@link #canonical} sequel form,
 *     without year, without sequel)
 */
public record TitleQuery(String key, Integer year, Integer season, List<String> variants) {
    private static final Pattern YEAR = Pattern.compile("^(?<rest>.+?) (?<year>19\\d\\d|20\\d\\d)$");
    private static final Pattern SEASON = Pattern.compile(
            "^(?<rest>.+?) (?:(?:season|staffel|part|cour|s) ?(?<n1>\\d{1,2})|(?<n2>\\d{1,2})(?:st|nd|rd|th)? "
                    + "(?:season|staffel|part|cour)|(?<roman>ii|iii|iv|v|vi|vii|viii|ix|x))$");
    private static final List<String> ROMAN = List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");

    public static TitleQuery parse(String text) {
        String key = TitleNormalizer.key(text);
        Set<String> variants = new LinkedHashSet<>();
        variants.add(key);
        Integer year = null;
        String rest = key;
        Matcher y = YEAR.matcher(rest);
        if (y.matches()) {
            year = Integer.parseInt(y.group("year"));
            rest = y.group("rest");
            variants.add(rest);
        }
        Integer season = null;
        Matcher s = SEASON.matcher(rest);
        if (s.matches()) {
            String n = s.group("n1") != null ? s.group("n1") : s.group("n2");
            season = n != null ? Integer.parseInt(n) : ROMAN.indexOf(s.group("roman")) + 1;
            variants.add(canonical(s.group("rest"), season));
            variants.add(s.group("rest"));
        }
        return new TitleQuery(key, year, season, new ArrayList<>(variants));
    }

    /**
     * One spelling for every way of naming a season or sequel of {@code base}: "Mob Psycho 100 II",
     * "… S2", "… Season 2", "… 2nd Season" and "… 2. Staffel" all become {@code mob psycho 100 season 2},
     * so the index and a query meet on it whichever form each uses.
     */
    public static String canonical(String base, int season) {
        return base + " season " + season;
    }

    /** The canonical sequel key of a normalized name, or null when it names no season. */
    public static String canonicalOf(String key) {
        Matcher y = YEAR.matcher(key);
        String rest = y.matches() ? y.group("rest") : key;
        Matcher s = SEASON.matcher(rest);
        if (!s.matches()) return null;
        String n = s.group("n1") != null ? s.group("n1") : s.group("n2");
        int season = n != null ? Integer.parseInt(n) : ROMAN.indexOf(s.group("roman")) + 1;
        String canonical = canonical(s.group("rest"), season);
        return canonical.equals(key) ? null : canonical;
    }
}
