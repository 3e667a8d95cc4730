package dev.kanal.providers.hoster.js;

/**
 * Reads JavaScript string literals as the browser would. Hoster pages hide URLs inside quoted
 * literals with escapes ({@code \'}, {@code \x2F}, {@code \u0026}), so every extractor that lifts
 * a literal out of a script needs the same unescaping.
 */
public final class JsStrings {
    private JsStrings() {}

    /** The value of a literal's body (without its quotes), escapes resolved. */
    public static String unescape(String body) {
        if (body.indexOf('\\') < 0) return body;
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000B');
                case '0' -> out.append('\0');
                case 'x' -> {
                    out.append((char) hex(body, i + 1, 2));
                    i += 2;
                }
                case 'u' -> {
                    if (i + 1 < body.length() && body.charAt(i + 1) == '{') {
                        int close = body.indexOf('}', i);
                        if (close < 0) throw new IllegalArgumentException("unterminated \\u{ escape");
                        out.appendCodePoint(hex(body, i + 2, close - i - 2));
                        i = close;
                    } else {
                        out.append((char) hex(body, i + 1, 4));
                        i += 4;
                    }
                }
                case '\n' -> { } // line continuation
                default -> out.append(e); // \' \" \\ \/ and any other character stand for themselves
            }
        }
        return out.toString();
    }

    private static int hex(String s, int from, int len) {
        if (len <= 0 || from + len > s.length()) throw new IllegalArgumentException("truncated escape");
        return Integer.parseInt(s.substring(from, from + len), 16);
    }
}
