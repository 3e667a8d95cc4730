package dev.kanal.providers.testing.hoster;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The inverse of VOE's payload decoding, for tests: base64 → reverse → shift +3 → base64 → junk
 * tokens interleaved → ROT13. Applying it to a known player JSON yields a payload only a correct
 * decoder turns back into that JSON.
 */
public final class VoeEncoder {
    /** The junk tokens VOE pages use when the loader script defines none. */
    public static final List<String> DEFAULT_JUNK = List.of("@$", "^^", "~@", "%?", "*~", "!!", "#&");

    private VoeEncoder() {}

    /** Encodes with the default junk tokens. */
    public static String encode(String json) {
        return encode(json, DEFAULT_JUNK);
    }

    /** Encodes, inserting one of {@code junk} (cycling) after every seventh character. */
    public static String encode(String json, List<String> junk) {
        String first = b64(json);
        String reversed = new StringBuilder(first).reverse().toString();
        StringBuilder shifted = new StringBuilder();
        for (char c : reversed.toCharArray()) shifted.append((char) (c + 3));
        String second = b64(shifted.toString());
        StringBuilder withJunk = new StringBuilder();
        for (int i = 0; i < second.length(); i++) {
            withJunk.append(second.charAt(i));
            if (!junk.isEmpty() && i % 7 == 6) withJunk.append(junk.get((i / 7) % junk.size()));
        }
        return rot13(withJunk.toString());
    }

    /** Base64 of the reversed JSON, as in the 2024 {@code var a168c='…'} variant. */
    public static String encodeA168c(String json) {
        return b64(new StringBuilder(json).reverse().toString());
    }

    /** Plain base64, as in the legacy {@code 'hls': 'aHR0…'} variant. */
    public static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String rot13(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'z') c = (char) ('a' + (c - 'a' + 13) % 26);
            else if (c >= 'A' && c <= 'Z') c = (char) ('A' + (c - 'A' + 13) % 26);
            out.append(c);
        }
        return out.toString();
    }
}
