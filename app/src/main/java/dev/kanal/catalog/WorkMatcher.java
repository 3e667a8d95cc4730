package dev.kanal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Ties one catalog series to its TVDB work using every signal there is: an id printed on the page,
 * a sure tie made earlier, else SkyHook searches by the title's names (each name also without its
 * sequel or season marker, which then names the TVDB season), weighed by year, season and episode
 * counts and episode titles. SkyHook answers are cached by {@link SkyHookClient}, so a work listed on
 * three sites costs one show request.
 */
final class WorkMatcher {
    /** A title's names that are longer than this are search texts, not names worth asking SkyHook for. */
    private static final int MAX_TERM_WORDS = 8;
    private static final int MAX_SEARCH_TERMS = 3;
    /** SkyHook's first hits that are fetched whole when no hit's own names are close enough. */
    private static final int RESCORED_HITS = 2;
    /** Fewer episodes than this agree with many series by chance. */
    private static final int MIN_EPISODES_TO_COUNT = 6;
    /** Episode titles that say nothing about which series it is. */
    private static final java.util.regex.Pattern GENERIC_EPISODE =
            java.util.regex.Pattern.compile("^(?:episode|folge|episodio|kapitel|chapter|part|teil) \\d+$");

    private final SkyHookClient skyhook;

    WorkMatcher(SkyHookClient skyhook) {
        this.skyhook = skyhook;
    }

    /** A tie with the show it names (episodes included). */
    record Tied(WorkTie tie, SkyHookShow show) {}

    /** What the stage knows about the title. */
    record Subject(String title, List<String> names, Integer year, Integer pageTvdb, WorkTie kept,
            List<SeriesMapper.SiteEpisode> episodes) {}

    /** The title's tie, sure or not; empty when SkyHook knows nothing like it. */
    Optional<Tied> tie(Subject s) {
        int first = firstSeason(s.episodes());
        Integer marker = marker(s.title());
        if (s.pageTvdb() != null) {
            Optional<SkyHookShow> show = skyhook.show(s.pageTvdb());
            if (show.isPresent()) {
                Integer season = marker != null && hasSeason(show.get(), marker) ? Integer.valueOf(marker)
                        : first > 1 ? Integer.valueOf(first) : null;
                return Optional.of(new Tied(new WorkTie(s.pageTvdb(), season, "page-id", 1.0,
                        "the site's page names TVDB " + s.pageTvdb()), show.get()));
            }
        }
        if (s.kept() != null && s.kept().sure()) {
            Optional<SkyHookShow> show = skyhook.show(s.kept().tvdb());
            if (show.isPresent()) return Optional.of(new Tied(s.kept(), show.get()));
        }
        Map<Integer, Candidate> candidates = new LinkedHashMap<>();
        List<SkyHookShow> ranked = new ArrayList<>(); // in SkyHook's order, first term first
        Candidate best = null;
        for (String term : terms(s)) {
            for (SkyHookShow hit : skyhook.search(term)) {
                if (!candidates.containsKey(hit.tvdbId())) ranked.add(hit);
                candidates.computeIfAbsent(hit.tvdbId(), id -> score(s, marker, hit));
            }
            best = best(candidates);
            if (best != null && best.score() >= WorkTie.SURE) break;
        }
        if (best == null || best.score() < WorkTie.SURE) {
            // SkyHook's top hits by their full show, whose alternateTitles may hold the site's name
            // ("Haus des Geldes" searched, "Money Heist" found, "Haus des Geldes" among its alternates)
            for (SkyHookShow hit : ranked.subList(0, Math.min(RESCORED_HITS, ranked.size()))) {
                skyhook.show(hit.tvdbId()).ifPresent(full -> candidates.merge(full.tvdbId(), score(s, marker, full),
                        (a, b) -> b.score() > a.score() ? b : a));
            }
            best = best(candidates);
        }
        if (best == null || best.score() < 0.6) return Optional.empty();
        Optional<SkyHookShow> show = skyhook.show(best.hit().tvdbId());
        if (show.isEmpty()) return Optional.empty();
        return Optional.of(verify(s, first, best, show.get()));
    }

    private static Candidate best(Map<Integer, Candidate> candidates) {
        return candidates.values().stream().max(java.util.Comparator.comparingDouble(Candidate::score)).orElse(null);
    }

    private record Candidate(SkyHookShow hit, double score, boolean sequel, String evidence) {}

    private static Candidate score(Subject s, Integer marker, SkyHookShow hit) {
        List<String> hitKeys = new ArrayList<>();
        hitKeys.add(TitleNormalizer.key(hit.title()));
        hit.alternateTitles().forEach(a -> hitKeys.add(TitleNormalizer.key(a.title())));
        double full = 0;
        double base = 0;
        String fullWhy = "";
        String baseWhy = "";
        for (String name : names(s)) {
            TitleQuery q = TitleQuery.parse(name);
            String nameBase = q.variants().getLast();
            for (String hk : hitKeys) {
                double f = TitleSimilarity.of(q.key(), hk);
                if (f > full) {
                    full = f;
                    fullWhy = "'" + name + "' ~ '" + hk + "' " + fmt(f);
                }
                if (q.season() != null && !nameBase.equals(q.key())) {
                    double b = TitleSimilarity.of(nameBase, hk) - 0.01;
                    if (b > base) {
                        base = b;
                        baseWhy = "'" + nameBase + "' ~ '" + hk + "' " + fmt(b) + ", season " + q.season();
                    }
                }
            }
        }
        boolean sequel = marker != null && base > full;
        double score = sequel ? base : full;
        String why = sequel ? baseWhy : fullWhy;
        if (s.year() != null && hit.year() != null) {
            int dy = s.year() - hit.year();
            if (sequel ? dy >= -1 : Math.abs(dy) <= 1) {
                score += 0.05;
                why += "; year " + s.year() + "/" + hit.year();
            } else {
                score -= 0.15;
                why += "; year differs " + s.year() + "/" + hit.year();
            }
        }
        return new Candidate(hit, score, sequel, why);
    }

    /** Checks the best candidate against the show's seasons and episode titles. */
    private static Tied verify(Subject s, int first, Candidate c, SkyHookShow show) {
        Integer marker = marker(s.title());
        Integer season = c.sequel() ? marker : first > 1 ? Integer.valueOf(first) : null;
        int shift = season == null ? 0 : season - first;
        Map<Integer, Integer> siteSizes = new TreeMap<>();
        for (var e : s.episodes()) if (e.season() > 0) siteSizes.merge(e.season() + shift, 1, Integer::sum);
        Map<Integer, Integer> tvdbSizes = new TreeMap<>();
        Map<Long, String> tvdbTitles = new java.util.HashMap<>();
        for (var e : show.episodes()) {
            if (e.seasonNumber() > 0) tvdbSizes.merge(e.seasonNumber(), 1, Integer::sum);
            if (e.title() != null) tvdbTitles.put(CatalogRows.key(e.seasonNumber(), e.episodeNumber()),
                    TitleNormalizer.key(e.title()));
        }
        double score = c.score();
        StringBuilder why = new StringBuilder(c.evidence());
        if (!siteSizes.isEmpty() && !tvdbSizes.isEmpty()) {
            long missing = siteSizes.keySet().stream().filter(k -> !tvdbSizes.containsKey(k)).count();
            boolean same = siteSizes.entrySet().stream().allMatch(e -> e.getValue().equals(tvdbSizes.get(e.getKey())));
            int episodes = siteSizes.values().stream().mapToInt(Integer::intValue).sum();
            if (same && episodes >= MIN_EPISODES_TO_COUNT) {
                score += 0.05;
                why.append("; episode counts agree");
            } else if (c.sequel() && missing > 0) {
                score -= 0.2;
                why.append("; TVDB has no season ").append(season);
            }
        }
        int titled = 0;
        int agreeing = 0;
        for (var e : s.episodes()) {
            if (e.season() == 0 || e.titleEn() == null) continue;
            String site = TitleNormalizer.key(e.titleEn());
            if (GENERIC_EPISODE.matcher(site).matches()) continue;
            String t = tvdbTitles.get(CatalogRows.key(e.season() + shift, e.episode()));
            titled++;
            if (t != null && TitleSimilarity.of(site, t) >= SeriesMapper.SPECIAL_MATCH) {
                agreeing++;
            }
        }
        if (titled >= 2 && agreeing * 2 >= titled) {
            score += 0.1;
            why.append("; episode titles agree ").append(agreeing).append('/').append(titled);
        }
        double confidence = Math.max(0, Math.min(1, score));
        return new Tied(new WorkTie(show.tvdbId(), season, c.sequel() ? "skyhook-sequel" : "skyhook-name",
                Math.round(confidence * 1000) / 1000.0, why.toString()), show);
    }

    /** SkyHook search terms: each name without its sequel marker first (SkyHook knows the series), then whole. */
    private static List<String> terms(Subject s) {
        Set<String> terms = new LinkedHashSet<>();
        for (String name : names(s)) {
            if (name.split("\\s+").length > MAX_TERM_WORDS) continue;
            TitleQuery q = TitleQuery.parse(name);
            terms.add(q.variants().getLast());
            terms.add(q.key());
        }
        terms.removeIf(String::isBlank);
        return terms.stream().limit(MAX_SEARCH_TERMS).toList();
    }

    private static List<String> names(Subject s) {
        Set<String> names = new LinkedHashSet<>();
        names.add(s.title());
        names.addAll(s.names());
        return new ArrayList<>(names);
    }

    /** The sequel or season number the title itself names ("II", "2nd Season", "4. Staffel"), else null. */
    static Integer marker(String title) {
        return TitleQuery.parse(title).season();
    }

    private static boolean hasSeason(SkyHookShow show, int season) {
        return show.episodes().stream().anyMatch(e -> e.seasonNumber() == season);
    }

    private static int firstSeason(List<SeriesMapper.SiteEpisode> episodes) {
        return episodes.stream().mapToInt(SeriesMapper.SiteEpisode::season).filter(n -> n > 0).min().orElse(1);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
