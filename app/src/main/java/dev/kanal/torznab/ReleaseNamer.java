package dev.kanal.torznab;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kanal.catalog.Release;
import dev.kanal.download.QualityTags;
import dev.kanal.providers.Language;
import java.text.Normalizer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names releases so that Sonarr and Radarr parse the right series, season, episode, language and
 * quality: {@code Series.Title.S01E05[.1080p].WEB-DL[.H264].German-GROUP} in Sonarr's numbering,
 * {@code Movie.Title.2019[.1080p].WEB-DL.German-GROUP} for films, and {@code [GROUP] Series Title - 12
 * [WEB-DL][German Sub]} for absolute (anime) searches. Resolution and codec appear only once a
 * download or probe learned them (in {@link QualityTags}' forms); Kanal never invents a quality.
 *
 * <p>Language: both parsers read the word {@code German} (Sonarr's and Radarr's
 * {@code LanguageParser} {@code LanguageRegex}, group {@code german}: {@code german\b},
 * case-insensitive), as German scene releases write it. Radarr never adds its case-sensitive
 * {@code GER} match, so the old {@code GER} tag made every German film "English" there. Subtitled
 * releases add {@code Sub}, never {@code SUBBED} or a word ending in {@code SUB} (Radarr's
 * {@code HardcodedSubsRegex} would take the release for hard-subbed and reject it by default).
 * English releases carry no German word: English audio says {@code English}.
 *
 * <p>The title part is Latin: a site title in another script falls back to the work's first Latin
 * name (TVDB's title, a romaji alternative), and it is capped at {@value #MAX_TITLE} characters.
 */
public final class ReleaseNamer {
    private static final Pattern APOSTROPHES = Pattern.compile("['`´‘’]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^A-Za-z0-9]+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^A-Za-z0-9]");
    /** Characters of the title part at most; the whole name stays short enough for every file system. */
    static final int MAX_TITLE = 100;

    static final String STRM_SUFFIX = " [STRM]";
    private final String group;
    private final LatinNames latin;
    /** The title part per display title: every episode of a title names it alike (regexes and NFKD once, not per episode). */
    private final Cache<String, String> titleParts = Caffeine.newBuilder().maximumSize(20_000).build();

    /** The other names of a title, looked up only when its display title is not Latin. */
    @FunctionalInterface
    public interface LatinNames {
        List<String> of(int titleId);

        LatinNames NONE = id -> List.of();
    }

    ReleaseNamer(String group) {
        this(group, LatinNames.NONE);
    }

    public ReleaseNamer(String group, LatinNames latin) {
        String g = group == null ? "" : NON_ALNUM.matcher(group).replaceAll("");
        this.group = g.isEmpty() ? "KANAL" : g;
        this.latin = latin;
    }

    /** The standard scene-style title. */
    String standard(Release r) {
        StringBuilder sb = new StringBuilder(96).append(titleWords(r).replace(' ', '.'));
        if (r.isMovie()) {
            if (r.year() != null) sb.append('.').append(r.year());
        } else {
            twoDigits(sb.append(".S"), r.tvdbSeason());
            twoDigits(sb.append('E'), r.tvdbEpisode());
        }
        String res = QualityTags.resolution(r.height());
        if (res != null) sb.append('.').append(res);
        sb.append(".WEB-DL");
        String codec = QualityTags.codec(r.codec());
        if (codec != null) sb.append('.').append(codec);
        String language = languageTag(r.language());
        if (language != null) sb.append('.').append(language.replace(' ', '.'));
        return sb.append('-').append(group).toString();
    }

    /** The anime-style title Sonarr parses by absolute number; falls back to {@link #standard}. */
    String absolute(Release r) {
        if (r.absolute() == null || r.isMovie()) return standard(r);
        StringBuilder sb = new StringBuilder("[").append(group).append("] ")
                .append(titleWords(r)).append(" - ");
        twoDigits(sb, r.absolute()).append(" [WEB-DL");
        String res = QualityTags.resolution(r.height());
        if (res != null) sb.append(' ').append(res);
        String codec = QualityTags.codec(r.codec());
        if (codec != null) sb.append(' ').append(codec);
        sb.append(']');
        String language = languageTag(r.language());
        if (language != null) sb.append('[').append(language).append(']');
        return sb.toString();
    }

    /** {@code String.format("%02d", n)} without the formatter. */
    private static StringBuilder twoDigits(StringBuilder sb, int n) {
        if (n >= 0 && n < 10) sb.append('0');
        return sb.append(n);
    }

    /** {@link #words} of the release's {@link #title}, kept per display title. */
    private String titleWords(Release r) {
        String shown = r.displayTitle();
        if (!latinEnough(shown)) return words(title(r)); // the Latin fallback comes from stored names: not kept here
        return titleParts.get(shown, ReleaseNamer::words);
    }

    /**
     * The language words of a release, space-separated: {@code German} (German audio),
     * {@code German Sub} (original audio, German subtitles), {@code English} (English audio; both
     * parsers read it as English), {@code Sub} (original audio, English subtitles: no language word,
     * so Sonarr takes the series' original language).
     */
    static String languageTag(Language l) {
        return switch (l) {
            case GERMAN_DUB -> "German";
            case GERMAN_SUB -> "German Sub";
            case ENGLISH_SUB -> "Sub";
            case ENGLISH_DUB -> "English";
        };
    }

    /** {@code Attack on Titan: Final Season} → {@code Attack.on.Titan.Final.Season}. */
    static String dotted(String title) {
        return words(title).replace(' ', '.');
    }

    /** The display title when it is Latin, else the first Latin name of the work, else the display title. */
    private String title(Release r) {
        String shown = r.displayTitle();
        if (latinEnough(shown)) return shown;
        for (String name : latin.of(r.titleId())) {
            if (latinEnough(name)) return name;
        }
        return shown;
    }

    /** Whether at least half of the letters are Latin (so the ASCII form keeps the name readable). */
    static boolean latinEnough(String s) {
        if (s == null) return false;
        int letters = 0;
        int latinLetters = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            letters++;
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) latinLetters++;
        }
        return latinLetters > 0 && latinLetters * 2 >= letters;
    }

    static String words(String title) {
        String s = (title == null ? "" : title).replace("&", " and ").replace("ß", "ss")
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue");
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        s = NON_WORD.matcher(s).replaceAll(" ").trim();
        if (s.length() > MAX_TITLE) {
            int cut = s.lastIndexOf(' ', MAX_TITLE);
            s = (cut > MAX_TITLE / 2 ? s.substring(0, cut) : s.substring(0, MAX_TITLE)).trim();
        }
        return s.isEmpty() ? "Unknown" : s;
    }
}
