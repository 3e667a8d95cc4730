package dev.kanal.catalog;

import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;

/**
 * Which releases a search may return: one site and kind, optionally only some video heights (the
 * quality subcategories). Releases whose height is not known yet pass every height filter, because
 * their quality is simply not known.
 *
 * @param minHeight least known height, inclusive
 * @param maxHeight largest known height, inclusive
 */
public record ReleaseScope(SiteId site, TitleKind kind, int minHeight, int maxHeight) {
    public static ReleaseScope any(SiteId site, TitleKind kind) {
        return new ReleaseScope(site, kind, 0, Integer.MAX_VALUE);
    }

    /** True when a release of this site, kind and height belongs to the scope. */
    public boolean admits(SiteId s, TitleKind k, Integer height) {
        return site == s && kind == k && (height == null || (height >= minHeight && height <= maxHeight));
    }
}
