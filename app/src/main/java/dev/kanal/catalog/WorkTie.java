package dev.kanal.catalog;

/**
 * Which work a catalog title is: a TVDB series, and for a sequel entry ("Mob Psycho 100 II") or a
 * per-season page ("Stranger Things 4. Staffel") the TVDB season its first site season is. Records how
 * the tie was made and how sure it is; only a {@link #sure()} tie is used for searches.
 *
 * @param tvdb the TVDB series id
 * @param season the TVDB season of the entry's first site season, or null when the site numbers its
 *     seasons as TVDB does
 * @param method how the tie was made: {@code page-id} (the page prints the id), {@code skyhook-name}
 *     (a SkyHook search by one of the title's names), {@code skyhook-sequel} (the name without its
 *     sequel/season marker named the series, the marker the season)
 * @param confidence from 0 to 1
 * @param evidence the signals, for people reading {@code /api/catalog} or {@code kanal probe}
 */
public record WorkTie(int tvdb, Integer season, String method, double confidence, String evidence) {
    /** Least confidence of a tie that searches use. */
    public static final double SURE = 0.85;

    public boolean sure() {
        return confidence >= SURE;
    }

    /** How far the site's season numbers move to become TVDB's. */
    public int shift(int firstSiteSeason) {
        return season == null ? 0 : season - firstSiteSeason;
    }
}
