package dev.kanal.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps a site's episode numbering onto Sonarr's (TVDB via SkyHook). Seasons that line up episode
 * for episode keep their numbers; anime whose site seasons are split differently map through the
 * absolute number; site specials and AniWorld films (site season 0) map to the TVDB season-0 episode
 * with the most similar title. Anything left keeps the site's numbering. Pure: no I/O.
 */
public final class SeriesMapper {
    /** Least title similarity for a special to count as the same episode. */
    static final double SPECIAL_MATCH = 0.8;
    /** Least title similarity for a SkyHook search hit to count as the same series. */
    static final double SERIES_MATCH = 0.85;

    private SeriesMapper() {}

    /** An episode as the site numbers it. */
    public record SiteEpisode(int season, int episode, String titleDe, String titleEn, Integer absolute) {}

    /** Where one site episode lands in Sonarr's numbering. */
    public record Numbering(int season, int episode, Integer absolute) {}

    /** The best search hit for a title known by {@code names}, or null when none is close enough. */
    public static SkyHookShow bestMatch(Collection<String> names, Integer year, List<SkyHookShow> hits) {
        SkyHookShow best = null;
        double bestScore = 0;
        for (SkyHookShow hit : hits) {
            List<String> hitNames = new ArrayList<>();
            hitNames.add(hit.title());
            hit.alternateTitles().forEach(a -> hitNames.add(a.title()));
            double score = 0;
            for (String n : names) {
                for (String h : hitNames) {
                    score = Math.max(score, TitleSimilarity.of(TitleNormalizer.key(n), TitleNormalizer.key(h)));
                }
            }
            if (year != null && hit.year() != null) score += Math.abs(year - hit.year()) <= 1 ? 0.05 : -0.1;
            if (score > bestScore) {
                bestScore = score;
                best = hit;
            }
        }
        return bestScore >= SERIES_MATCH ? best : null;
    }

    /** Maps every site episode; keys are {@code CatalogStore.key(season, episode)}. */
    public static Map<Long, Numbering> map(List<SiteEpisode> site, SkyHookShow show, boolean anime) {
        Map<Long, SkyHookShow.Episode> tvdb = new HashMap<>();
        Map<Integer, SkyHookShow.Episode> byAbsolute = new HashMap<>();
        Map<Integer, Integer> tvdbSeasonSizes = new TreeMap<>();
        for (SkyHookShow.Episode e : show.episodes()) {
            tvdb.put(CatalogStore.key(e.seasonNumber(), e.episodeNumber()), e);
            if (e.absoluteEpisodeNumber() != null && e.seasonNumber() > 0) byAbsolute.put(e.absoluteEpisodeNumber(), e);
            tvdbSeasonSizes.merge(e.seasonNumber(), 1, Integer::sum);
        }
        Map<Integer, Integer> siteSeasonSizes = new TreeMap<>();
        for (SiteEpisode e : site) if (e.season() > 0) siteSeasonSizes.merge(e.season(), 1, Integer::sum);
        boolean seasonsLineUp = siteSeasonSizes.entrySet().stream()
                .allMatch(s -> s.getValue().equals(tvdbSeasonSizes.get(s.getKey())));
        boolean useAbsolute = anime && !seasonsLineUp && !byAbsolute.isEmpty();

        Map<Long, Numbering> out = new HashMap<>();
        for (SiteEpisode e : site) {
            long key = CatalogStore.key(e.season(), e.episode());
            if (e.season() == 0) {
                SkyHookShow.Episode special = special(e, show.episodes());
                out.put(key, special == null ? new Numbering(0, e.episode(), null)
                        : new Numbering(0, special.episodeNumber(), null));
                continue;
            }
            SkyHookShow.Episode target = useAbsolute && e.absolute() != null ? byAbsolute.get(e.absolute())
                    : tvdb.get(key);
            if (target == null) {
                out.put(key, new Numbering(e.season(), e.episode(), e.absolute()));
            } else {
                Integer abs = target.absoluteEpisodeNumber() != null ? target.absoluteEpisodeNumber() : e.absolute();
                out.put(key, new Numbering(target.seasonNumber(), target.episodeNumber(), abs));
            }
        }
        return out;
    }

    private static SkyHookShow.Episode special(SiteEpisode e, List<SkyHookShow.Episode> episodes) {
        SkyHookShow.Episode best = null;
        double bestScore = 0;
        for (SkyHookShow.Episode t : episodes) {
            if (t.seasonNumber() != 0 || t.title() == null) continue;
            String key = TitleNormalizer.key(t.title());
            double score = Math.max(similar(e.titleEn(), key), similar(e.titleDe(), key));
            if (score > bestScore) {
                bestScore = score;
                best = t;
            }
        }
        return bestScore >= SPECIAL_MATCH ? best : null;
    }

    private static double similar(String title, String key) {
        return title == null ? 0 : TitleSimilarity.of(TitleNormalizer.key(title), key);
    }
}
