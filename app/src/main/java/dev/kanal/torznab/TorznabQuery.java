package dev.kanal.torznab;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses a Torznab query string into a {@link TorznabRequest}, rejecting what Sonarr, Radarr and
 * Prowlarr never send with Newznab error codes (200 missing, 201 incorrect, 202 unknown function).
 */
final class TorznabQuery {
    static final int MAX_LIMIT = 100;
    private static final int MAX_Q = 300;
    /** Sonarr's daily-show episode form, {@code MM/dd}. */
    private static final java.util.regex.Pattern DAILY_EP = java.util.regex.Pattern.compile("\\d{1,2}/\\d{1,2}");

    private TorznabQuery() {}

    static TorznabRequest parse(Function<String, String> param) {
        String t = trim(param.apply("t"));
        if (t == null) throw new TorznabFailure(TorznabFailure.MISSING_PARAMETER, "Missing parameter (t)");
        String q = trim(param.apply("q"));
        if (q != null && q.length() > MAX_Q) throw TorznabFailure.incorrect("q");
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "caps" -> new TorznabRequest.Caps();
            case "search" -> new TorznabRequest.Search(q, categories(param), paging(param));
            case "tvsearch", "tv-search" -> tvSearch(q, param);
            case "movie", "movie-search" -> new TorznabRequest.MovieSearch(q, imdb(param.apply("imdbid")),
                    number(param, "tmdbid"), categories(param), paging(param));
            default -> throw new TorznabFailure(TorznabFailure.NO_SUCH_FUNCTION,
                    "No such function (" + clip(t) + ")");
        };
    }

    private static TorznabRequest tvSearch(String q, Function<String, String> param) {
        String ep = trim(param.apply("ep"));
        boolean daily = ep != null && DAILY_EP.matcher(ep).matches();
        return new TorznabRequest.TvSearch(q, number(param, "season"), daily ? null : number(param, "ep"), daily,
                number(param, "tvdbid"), imdb(param.apply("imdbid")),
                number(param, "tmdbid"), number(param, "tvmazeid"), categories(param), paging(param));
    }

    private static TorznabRequest.Paging paging(Function<String, String> param) {
        Integer offset = number(param, "offset");
        Integer limit = number(param, "limit");
        int o = offset == null ? 0 : offset;
        int l = limit == null || limit == 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT);
        return new TorznabRequest.Paging(o, l);
    }

    private static Set<Integer> categories(Function<String, String> param) {
        String raw = trim(param.apply("cat"));
        Set<Integer> out = new LinkedHashSet<>();
        if (raw == null) return out;
        for (String part : raw.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            if (!p.matches("\\d{1,7}")) throw TorznabFailure.incorrect("cat");
            out.add(Integer.parseInt(p));
        }
        return out;
    }

    /** A non-negative integer parameter ("00" is 0, Prowlarr's specials season); null when absent. */
    private static Integer number(Function<String, String> param, String name) {
        String raw = trim(param.apply(name));
        if (raw == null) return null;
        if (!raw.matches("\\d{1,9}")) throw TorznabFailure.incorrect(name);
        return Integer.parseInt(raw);
    }

    /** An IMDb id with or without {@code tt} (Radarr sends the digits only), normalized to {@code tt0944947}. */
    static String imdb(String raw) {
        String v = trim(raw);
        if (v == null) return null;
        String digits = v.toLowerCase(Locale.ROOT).startsWith("tt") ? v.substring(2) : v;
        if (!digits.matches("\\d{1,10}") || Long.parseLong(digits) == 0) throw TorznabFailure.incorrect("imdbid");
        String d = Long.toString(Long.parseLong(digits));
        return "tt" + "0".repeat(Math.max(0, 7 - d.length())) + d;
    }

    private static String trim(String s) {
        if (s == null) return null;
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    private static String clip(String s) {
        String safe = s.replaceAll("[^A-Za-z0-9_-]", "?");
        return safe.length() > 30 ? safe.substring(0, 30) : safe;
    }
}
