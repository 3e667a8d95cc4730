package dev.kanal.torznab;

import dev.kanal.catalog.Release;
import dev.kanal.catalog.ReleaseScope;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Kanal's Newznab categories (declared in caps) and how releases and {@code cat=} filters map onto
 * them: AniWorld is TV/Anime (5070); s.to and Megakino serials are TV (5000) plus the quality
 * subcategory; Megakino films are Movies (2000) plus the quality subcategory. Until a download has
 * seen a release's real height its subcategory is WEB-DL, and it passes every quality filter of its
 * parent, because its quality is not known to differ.
 */
final class Categories {
    static final int MOVIES = 2000;
    static final int MOVIES_SD = 2030;
    static final int MOVIES_HD = 2040;
    static final int MOVIES_UHD = 2045;
    static final int MOVIES_WEBDL = 2080;
    static final int TV = 5000;
    static final int TV_WEBDL = 5010;
    static final int TV_FOREIGN = 5020;
    static final int TV_SD = 5030;
    static final int TV_HD = 5040;
    static final int TV_UHD = 5045;
    static final int TV_ANIME = 5070;

    private static final int HD_FROM = 720;
    private static final int UHD_FROM = 2000;

    private Categories() {}

    /** The category ids of one release, parent first. */
    static List<Integer> of(Release r) {
        if (r.site() == SiteId.ANIWORLD) return List.of(TV_ANIME);
        boolean movie = r.kind() == TitleKind.MOVIE;
        int parent = movie ? MOVIES : TV;
        Integer h = r.height();
        int sub = h == null ? (movie ? MOVIES_WEBDL : TV_WEBDL)
                : h >= UHD_FROM ? (movie ? MOVIES_UHD : TV_UHD)
                : h >= HD_FROM ? (movie ? MOVIES_HD : TV_HD)
                : (movie ? MOVIES_SD : TV_SD);
        return List.of(parent, sub);
    }

    /**
     * The release scopes a {@code cat=} filter asks for among {@code sites}; no categories means all.
     * A parent id includes its subcategories.
     */
    static List<ReleaseScope> scopes(Set<Integer> cats, Set<SiteId> sites, TitleKind onlyKind) {
        List<ReleaseScope> out = new ArrayList<>();
        for (SiteId site : sites) {
            for (TitleKind kind : TitleKind.values()) {
                if (onlyKind != null && kind != onlyKind) continue;
                if (site == SiteId.ANIWORLD) {
                    if (cats.isEmpty() || cats.contains(TV) || cats.contains(TV_ANIME)) {
                        out.add(ReleaseScope.any(site, kind));
                    }
                    continue;
                }
                boolean movie = kind == TitleKind.MOVIE;
                int parent = movie ? MOVIES : TV;
                int webdl = movie ? MOVIES_WEBDL : TV_WEBDL;
                if (cats.isEmpty() || cats.contains(parent) || cats.contains(webdl)) {
                    out.add(ReleaseScope.any(site, kind));
                    continue;
                }
                if (cats.contains(movie ? MOVIES_SD : TV_SD)) out.add(new ReleaseScope(site, kind, 0, HD_FROM - 1));
                if (cats.contains(movie ? MOVIES_HD : TV_HD)) {
                    out.add(new ReleaseScope(site, kind, HD_FROM, UHD_FROM - 1));
                }
                if (cats.contains(movie ? MOVIES_UHD : TV_UHD)) {
                    out.add(new ReleaseScope(site, kind, UHD_FROM, Integer.MAX_VALUE));
                }
            }
        }
        return out;
    }

    /** True when any scope admits the release. */
    static boolean admitted(List<ReleaseScope> scopes, Release r) {
        for (ReleaseScope s : scopes) if (s.admits(r.site(), r.kind(), r.height())) return true;
        return false;
    }
}
