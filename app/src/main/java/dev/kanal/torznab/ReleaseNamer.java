package dev.kanal.torznab;

import dev.kanal.catalog.Release;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names releases so that Sonarr and Radarr parse the right series, season, episode, language and
 * quality: {@code Series.Title.S01E05[.1080p].WEB-DL[.H264].GER.SUB-GROUP} in Sonarr's numbering,
 * {@code Movie.Title.2019[.1080p].WEB-DL.GER-GROUP} for films, and {@code [GROUP] Series Title - 12
 * [WEB-DL][GER.SUB]} for absolute (anime) searches. Resolution and codec appear only once a download
 * or probe learned them; Kanal never invents a quality.
 */
final class ReleaseNamer {
    private static final Pattern APOSTROPHES = Pattern.compile("['`´‘’]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^A-Za-z0-9]");

    static final String STRM_SUFFIX = " [STRM]";
    private final String group;

    ReleaseNamer(String group) {
        String g = group == null ? "" : NON_ALNUM.matcher(group).replaceAll("");
        this.group = g.isEmpty() ? "KANAL" : g;
    }

    /** The standard scene-style title. */
    String standard(Release r) {
        StringBuilder sb = new StringBuilder(dotted(r.displayTitle()));
        if (r.isMovie()) {
            if (r.year() != null) sb.append('.').append(r.year());
        } else {
            sb.append(String.format(Locale.ROOT, ".S%02dE%02d", r.tvdbSeason(), r.tvdbEpisode()));
        }
        if (r.height() != null) sb.append('.').append(r.height()).append('p');
        sb.append(".WEB-DL");
        String codec = codecTag(r.codec());
        if (codec != null) sb.append('.').append(codec);
        sb.append('.').append(r.language().releaseTag()).append('-').append(group);
        return sb.toString();
    }

    /** The anime-style title Sonarr parses by absolute number; falls back to {@link #standard}. */
    String absolute(Release r) {
        if (r.absolute() == null || r.isMovie()) return standard(r);
        StringBuilder sb = new StringBuilder("[").append(group).append("] ")
                .append(spaced(r.displayTitle())).append(" - ")
                .append(String.format(Locale.ROOT, "%02d", r.absolute()))
                .append(" [WEB-DL");
        if (r.height() != null) sb.append(' ').append(r.height()).append('p');
        String codec = codecTag(r.codec());
        if (codec != null) sb.append(' ').append(codec);
        return sb.append("][").append(r.language().releaseTag()).append(']').toString();
    }

    static String codecTag(String codec) {
        if (codec == null) return null;
        String c = codec.toLowerCase(Locale.ROOT);
        if (c.contains("hevc") || c.contains("265")) return "H265";
        if (c.contains("av1") || c.contains("av01")) return "AV1";
        if (c.contains("vp9") || c.contains("vp09")) return "VP9";
        if (c.contains("264") || c.contains("avc")) return "H264";
        return null;
    }

    /** {@code Attack on Titan: Final Season} → {@code Attack.on.Titan.Final.Season}. */
    static String dotted(String title) {
        return words(title).replace(' ', '.');
    }

    private static String spaced(String title) {
        return words(title);
    }

    private static String words(String title) {
        String s = title.replace("&", " and ").replace("ß", "ss")
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue");
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        s = NON_WORD.matcher(s).replaceAll(" ").trim();
        return s.isEmpty() ? "Unknown" : s;
    }

}
