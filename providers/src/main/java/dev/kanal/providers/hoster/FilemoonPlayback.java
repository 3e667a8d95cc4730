package dev.kanal.providers.hoster;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts the {@code playback} object of Filemoon's ("Byse") video API: AES-256-GCM, the tag
 * appended to the ciphertext, everything base64url. The key arrives split into {@code key_parts};
 * newer builds add decoy parts and name the real ones by {@code version} (parts {@code n} and
 * {@code 31-n}), others carry {@code decrypt_keys}. Since late 2026 the API sends 30 parts padded
 * with decoy 24-byte parts; only the 16-byte parts make up the key. GCM's tag tells a right key
 * from a wrong one, so every candidate is simply tried.
 */
final class FilemoonPlayback {
    private static final int TAG_BITS = 128;
    /** Up to this many 16-byte parts, every ordered pair of them is tried as well (at most 56 keys). */
    private static final int MAX_PAIRED_PARTS = 8;

    private FilemoonPlayback() {}

    /** The decrypted JSON text, or empty when no candidate key opens any payload. */
    static Optional<String> decrypt(JsonNode playback) {
        List<byte[]> keys = candidateKeys(playback);
        for (String[] pair : new String[][] {{"iv", "payload"}, {"iv2", "payload2"}}) {
            JsonNode iv = playback.get(pair[0]);
            JsonNode payload = playback.get(pair[1]);
            if (iv == null || payload == null || !iv.isTextual() || !payload.isTextual()) continue;
            for (byte[] key : keys) {
                Optional<String> plain = open(key, iv.asText(), payload.asText());
                if (plain.isPresent()) return plain;
            }
        }
        return Optional.empty();
    }

    private static List<byte[]> candidateKeys(JsonNode playback) {
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> parts = new ArrayList<>();
        for (JsonNode part : playback.path("key_parts")) {
            if (part.isTextual()) parts.add(keyBytes(part.asText()));
        }
        if (!parts.isEmpty()) keys.add(concat(parts));
        List<byte[]> sixteen = parts.stream().filter(p -> p.length == 16).toList();
        if (!sixteen.isEmpty() && sixteen.size() < parts.size()) {
            keys.add(concat(sixteen));
            if (sixteen.size() <= MAX_PAIRED_PARTS) {
                for (byte[] a : sixteen) {
                    for (byte[] b : sixteen) {
                        if (a != b) keys.add(concat(List.of(a, b)));
                    }
                }
            }
        }
        JsonNode version = playback.get("version");
        if (version != null && version.canConvertToInt()) {
            int n = version.asInt();
            if (n >= 0 && n < parts.size() && 31 - n >= 0 && 31 - n < parts.size()) {
                keys.add(concat(List.of(parts.get(n), parts.get(31 - n))));
            }
        }
        JsonNode decryptKeys = playback.path("decrypt_keys");
        if (decryptKeys.has("edge_1") && decryptKeys.has("edge_2")) {
            keys.add(concat(List.of(keyBytes(decryptKeys.get("edge_1").asText()),
                    keyBytes(decryptKeys.get("edge_2").asText()))));
        }
        if (decryptKeys.has("legacy_fallback")) keys.add(keyBytes(decryptKeys.get("legacy_fallback").asText()));
        keys.removeIf(k -> k.length != 16 && k.length != 24 && k.length != 32);
        return keys;
    }

    private static Optional<String> open(byte[] key, String iv, String payload) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, b64url(iv)));
            return Optional.of(new String(cipher.doFinal(b64url(payload)), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty(); // wrong key (tag mismatch) or malformed field: try the next
        }
    }

    /** A key part's bytes; a malformed part yields no bytes and so no usable key. */
    private static byte[] keyBytes(String s) {
        try {
            return b64url(s);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /** Base64url with or without padding; the standard alphabet is accepted too. */
    static byte[] b64url(String s) {
        String cleaned = s.strip().replace('+', '-').replace('/', '_').replace("=", "");
        return Base64.getUrlDecoder().decode(cleaned);
    }

    private static byte[] concat(List<byte[]> parts) {
        int len = parts.stream().mapToInt(p -> p.length).sum();
        byte[] out = new byte[len];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
