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
 * with the most similar title, at most one each. Anything left keeps the site's numbering. Pure: no I/O.
 */
public final class SeriesMapper {
    /** Least title similarity for a special to count as the same episode. */
    static final double SPECIAL_MATCH = 0.8;
    /** A special's title found whole inside the other: a match, though weaker than a near-equal title. */
    private static final double CONTAINED = 0.85;
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

    /** Maps every site episode; keys are {@code CatalogRows.key(season, episode)}. */
    public static Map<Long, Numbering> map(List<SiteEpisode> site, SkyHookShow show, boolean anime) {
        return map(site, show, anime, 0);
    }

    /**
     * Maps every site episode onto the show, the site's seasons moved by {@code shift} first (a
     * sequel entry whose season 1 is TVDB's season 2 has shift 1). Specials and films (site season
     * 0) take the TVDB season-0 episode with the most similar title, each at most one and no two the
     * same; those without one are numbered after the show's last special so they collide with none.
     */
    public static Map<Long, Numbering> map(List<SiteEpisode> site, SkyHookShow show, boolean anime, int shift) {
        Map<Long, SkyHookShow.Episode> tvdb = new HashMap<>();
        Map<Integer, SkyHookShow.Episode> byAbsolute = new HashMap<>();
        Map<Integer, Integer> tvdbSeasonSizes = new TreeMap<>();
        int lastSpecial = 0;
        for (SkyHookShow.Episode e : show.episodes()) {
            tvdb.put(CatalogRows.key(e.seasonNumber(), e.episodeNumber()), e);
            if (e.absoluteEpisodeNumber() != null && e.seasonNumber() > 0) byAbsolute.put(e.absoluteEpisodeNumber(), e);
            tvdbSeasonSizes.merge(e.seasonNumber(), 1, Integer::sum);
            if (e.seasonNumber() == 0) lastSpecial = Math.max(lastSpecial, e.episodeNumber());
        }
        Map<Integer, Integer> siteSeasonSizes = new TreeMap<>();
        for (SiteEpisode e : site) if (e.season() > 0) siteSeasonSizes.merge(e.season() + shift, 1, Integer::sum);
        boolean seasonsLineUp = siteSeasonSizes.entrySet().stream()
                .allMatch(s -> s.getValue().equals(tvdbSeasonSizes.get(s.getKey())));
        // a sequel entry counts its episodes from 1; TVDB's absolute numbers go on from the seasons before it
        int absoluteBase = 0;
        if (shift > 0) {
            for (var s : tvdbSeasonSizes.entrySet()) if (s.getKey() > 0 && s.getKey() <= shift) absoluteBase += s.getValue();
        }
        boolean useAbsolute = anime && !seasonsLineUp && !byAbsolute.isEmpty();

        Map<Long, Numbering> out = new HashMap<>();
        List<SiteEpisode> specials = new ArrayList<>();
        for (SiteEpisode e : site) {
            long key = CatalogRows.key(e.season(), e.episode());
            if (e.season() == 0) {
                specials.add(e);
                continue;
            }
            Integer siteAbsolute = e.absolute() == null ? null : e.absolute() + absoluteBase;
            SkyHookShow.Episode target = useAbsolute && siteAbsolute != null ? byAbsolute.get(siteAbsolute)
                    : tvdb.get(CatalogRows.key(e.season() + shift, e.episode()));
            if (target == null) {
                out.put(key, new Numbering(e.season() + shift, e.episode(), siteAbsolute));
            } else {
                Integer abs = target.absoluteEpisodeNumber() != null ? target.absoluteEpisodeNumber() : siteAbsolute;
                out.put(key, new Numbering(target.seasonNumber(), target.episodeNumber(), abs));
            }
        }
        out.putAll(specials(specials, show.episodes(), lastSpecial));
        return out;
    }

    /** Pairs site specials with TVDB specials by title, best pairs first, each used once. */
    private static Map<Long, Numbering> specials(List<SiteEpisode> site, List<SkyHookShow.Episode> episodes,
            int lastSpecial) {
        record Pair(SiteEpisode site, SkyHookShow.Episode tvdb, double score) {}
        List<Pair> pairs = new ArrayList<>();
        for (SiteEpisode e : site) {
            for (SkyHookShow.Episode t : episodes) {
                if (t.seasonNumber() != 0 || t.title() == null) continue;
                String key = TitleNormalizer.key(t.title());
                double score = Math.max(similar(e.titleEn(), key), similar(e.titleDe(), key));
                if (score >= SPECIAL_MATCH) pairs.add(new Pair(e, t, score));
            }
        }
        pairs.sort(java.util.Comparator.comparingDouble(Pair::score).reversed()
                .thenComparingInt(p -> p.site().episode()).thenComparingInt(p -> p.tvdb().episodeNumber()));
        Map<Long, Numbering> out = new HashMap<>();
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (Pair p : pairs) {
            long key = CatalogRows.key(0, p.site().episode());
            if (out.containsKey(key) || taken.contains(p.tvdb().episodeNumber())) continue;
            out.put(key, new Numbering(0, p.tvdb().episodeNumber(), null));
            taken.add(p.tvdb().episodeNumber());
        }
        int next = lastSpecial;
        for (SiteEpisode e : site) {
            long key = CatalogRows.key(0, e.episode());
            if (!out.containsKey(key)) out.put(key, new Numbering(0, ++next, null));
        }
        return out;
    }

    /**
     * How alike a site episode title and a TVDB one are; one found whole inside the other ("Der Film:
     * Mugen Train" and "Mugen Train") counts as a match.
     */
    private static double similar(String title, String key) {
        if (title == null) return 0;
        String site = TitleNormalizer.key(title);
        double dice = TitleSimilarity.of(site, key);
        String shorter = site.length() < key.length() ? site : key;
        String longer = shorter == site ? key : site;
        boolean inside = shorter.length() >= 6 && (" " + longer + " ").contains(" " + shorter + " ");
        return inside ? Math.max(dice, CONTAINED) : dice;
    }
}
