package dev.kanal.demo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * VOE's 2025 player-payload obfuscation, applied forwards: base64 of the player JSON, reversed,
 * every char code shifted up by 3, base64 again, junk tokens interleaved, then ROT13 of the letters.
 * Kanal's VOE extractor undoes exactly these steps, so a demo page built with it exercises the real
 * decoder rather than a shortcut.
 */
final class VoeObfuscation {
    /** The junk tokens VOE pages use when their loader script defines none. */
    static final List<String> JUNK = List.of("@$", "^^", "~@", "%?", "*~", "!!", "#&");

    private VoeObfuscation() {}

    static String encode(String json) {
        String first = base64(json);
        String reversed = new StringBuilder(first).reverse().toString();
        StringBuilder shifted = new StringBuilder(reversed.length());
        for (int i = 0; i < reversed.length(); i++) shifted.append((char) (reversed.charAt(i) + 3));
        String second = base64(shifted.toString());
        StringBuilder junked = new StringBuilder();
        for (int i = 0; i < second.length(); i++) {
            junked.append(second.charAt(i));
            if (i % 5 == 4) junked.append(JUNK.get((i / 5) % JUNK.size()));
        }
        return rot13(junked.toString());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String rot13(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= 'a' && c <= 'z') c = (char) ('a' + (c - 'a' + 13) % 26);
            else if (c >= 'A' && c <= 'Z') c = (char) ('A' + (c - 'A' + 13) % 26);
            out.append(c);
        }
        return out.toString();
    }
}
