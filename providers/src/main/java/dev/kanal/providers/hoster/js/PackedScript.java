package dev.kanal.providers.hoster.js;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unpacks Dean Edwards' p.a.c.k.e.r. ({@code eval(function(p,a,c,k,e,d){…}('P',A,C,'K'.split('|')…))}).
 * Filemoon, Luluvdo and other XFS-based hosters wrap their JWPlayer setup in it, so the media URL
 * only appears after every word of {@code P} has been replaced by its entry in {@code K}.
 *
 * <p>This reads the packed payload; it never evaluates JavaScript.
 */
public final class PackedScript {
    /**
     * The packer call. Its function body varies between builds ({@code e,d} or {@code e,r}, with or
     * without the {@code String.replace} shortcut), so only the arguments that follow it are read;
     * {@code P} and {@code K} are single-quoted literals that may contain escaped quotes.
     */
    private static final Pattern PACKED = Pattern.compile(
            "eval\\(function\\(p,a,c,k,e,[a-z]\\)\\{.*?\\}\\s*\\(\\s*"
                    + "'(?<payload>(?:\\\\.|[^'\\\\])*)'\\s*,\\s*(?<radix>\\d+)\\s*,\\s*(?<count>\\d+)\\s*,\\s*"
                    + "'(?<keywords>(?:\\\\.|[^'\\\\])*)'\\.split\\(\\s*'\\|'\\s*\\)",
            Pattern.DOTALL);

    /** A word the packer may have replaced: the same {@code \b\w+\b} the packer's own loop uses. */
    private static final Pattern WORD = Pattern.compile("\\b\\w+\\b");

    /** The packer's digits: base 36 first, then upper case for radixes 37 to 62. */
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private PackedScript() {}

    /** True when the text contains at least one packed script. */
    public static boolean containsPacked(String text) {
        return PACKED.matcher(text).find();
    }

    /**
     * Every packed script in the text, unpacked, in order of appearance; empty when there is none.
     *
     * @throws IllegalArgumentException when a script uses a radix above 62 ("high ASCII" mode)
     */
    public static List<String> unpackAll(String text) {
        List<String> scripts = new ArrayList<>();
        Matcher m = PACKED.matcher(text);
        while (m.find()) {
            List<String> keywords = List.of(JsStrings.unescape(m.group("keywords")).split("\\|", -1));
            scripts.add(unpack(JsStrings.unescape(m.group("payload")),
                    Integer.parseInt(m.group("radix")), Integer.parseInt(m.group("count")), keywords));
        }
        return scripts;
    }

    /**
     * Replaces every word of {@code payload} read as a base-{@code radix} number {@code n} by
     * {@code keywords[n]}; a word whose keyword is empty or missing stays as it is (the packer
     * leaves words that encode to themselves out of the list).
     */
    public static String unpack(String payload, int radix, int count, List<String> keywords) {
        if (radix < 2 || radix > DIGITS.length()) {
            throw new IllegalArgumentException("unsupported packer radix " + radix);
        }
        Matcher m = WORD.matcher(payload);
        StringBuilder out = new StringBuilder(payload.length() * 2);
        while (m.find()) {
            String word = m.group();
            int index = decode(word, radix);
            String replacement = index >= 0 && index < Math.min(count, keywords.size())
                    && !keywords.get(index).isEmpty() ? keywords.get(index) : word;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The word as a number in the packer's base, or -1 when it is not one. */
    private static int decode(String word, int radix) {
        long value = 0;
        for (int i = 0; i < word.length(); i++) {
            int digit = DIGITS.indexOf(word.charAt(i));
            if (digit < 0 || digit >= radix) return -1;
            value = value * radix + digit;
            if (value > Integer.MAX_VALUE) return -1;
        }
        return (int) value;
    }
}
