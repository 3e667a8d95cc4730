package dev.kanal.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns any title (a site's, TVDB's, or a query as Sonarr and Radarr build it) into one comparable
 * key: lower case, German umlauts spelled out, accents dropped, {@code &} as "and", apostrophes
 * removed, every other non-alphanumeric run a single space, and a leading article dropped ("the" as
 * Sonarr's scene titles drop it; "der", "die", "das" as German titles carry one where the English
 * name has none or "the"). Two spellings of the same title get the same key.
 */
public final class TitleNormalizer {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Sonarr removes these outright instead of treating them as word breaks. */
    private static final Pattern REMOVED = Pattern.compile("['`´‘’\u02BC]");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** English and German leading articles, dropped when a word follows ("Die Simpsons", "The Office"). */
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?:the|der|die|das) (?=\\S)");

    private TitleNormalizer() {}

    /** The comparable key of a title; empty for a blank title. */
    public static String key(String title) {
        if (title == null) return "";
        String s = title.toLowerCase(Locale.ROOT)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
                .replace("&", " and ");
        s = REMOVED.matcher(s).replaceAll("");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        s = NON_WORD.matcher(s).replaceAll(" ").trim();
        Matcher article = LEADING_ARTICLE.matcher(s);
        if (article.lookingAt()) s = s.substring(article.end());
        return s;
    }
}
