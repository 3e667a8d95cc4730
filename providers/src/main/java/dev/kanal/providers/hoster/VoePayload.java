package dev.kanal.providers.hoster;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * VOE's obfuscated player payload (2025+). The page ships one string that turns into the player's
 * JSON only after, in this exact order: ROT13 of the letters, junk tokens replaced by {@code _},
 * every {@code _} removed, base64, every char code shifted down by 3, reversal, base64 again.
 */
final class VoePayload {
    /**
     * The junk tokens VOE interleaves into the payload. Newer pages define them in
     * {@code /js/loader.*.js}; this list is what most pages still use when that script is unreadable.
     */
    static final List<String> DEFAULT_JUNK = List.of("@$", "^^", "~@", "%?", "*~", "!!", "#&");

    private VoePayload() {}

    /**
     * The JSON text hidden in {@code encoded}.
     *
     * @throws IllegalArgumentException when the string is not a payload of this shape
     */
    static String decode(String encoded, List<String> junk) {
        String text = rot13(encoded.strip());
        for (String token : junk) {
            if (!token.isEmpty()) text = text.replace(token, "_");
        }
        return afterJunk(text.replace("_", ""));
    }

    /**
     * Like {@link #decode} for a page whose junk tokens are unknown: every character outside the
     * base64 alphabet is dropped instead. Junk made only of symbols vanishes this way; the strict
     * path stays first so a changed scheme shows up as a failure rather than as garbage.
     */
    static String decodeIgnoringJunk(String encoded) {
        return afterJunk(rot13(encoded.strip()).replaceAll("[^A-Za-z0-9+/=]", ""));
    }

    private static String afterJunk(String text) {
        String shiftedBack = shift(base64(text), -3);
        String reversed = new StringBuilder(shiftedBack).reverse().toString();
        String json = base64(reversed).strip();
        if (!json.startsWith("{")) throw new IllegalArgumentException("payload is not a JSON object");
        return json;
    }

    /** The letters A–Z and a–z rotated by 13; everything else untouched. */
    static String rot13(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') c = (char) ('a' + (c - 'a' + 13) % 26);
            else if (c >= 'A' && c <= 'Z') c = (char) ('A' + (c - 'A' + 13) % 26);
            out.append(c);
        }
        return out.toString();
    }

    /** Every char code moved by {@code delta}. */
    static String shift(String s, int delta) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) out.append((char) (s.charAt(i) + delta));
        return out.toString();
    }

    /**
     * Base64 (standard or URL alphabet, padding optional) decoded as UTF-8; any other character
     * is an error.
     */
    static String base64(String s) {
        String cleaned = s.strip().replace('-', '+').replace('_', '/').replace("=", "");
        cleaned = cleaned + "=".repeat((4 - cleaned.length() % 4) % 4);
        return new String(Base64.getDecoder().decode(cleaned), StandardCharsets.UTF_8);
    }
}
