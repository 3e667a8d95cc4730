package dev.kanal.providers.testing.hoster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds Filemoon API answers for tests: the source list encrypted with AES-256-GCM under a fresh
 * random key, split into {@code key_parts} (optionally hidden among decoys selected by
 * {@code version}), so the decryption path is proven on new ciphertext every run.
 */
public final class FilemoonCipher {
    private final SecureRandom random = new SecureRandom();

    /** The {@code sources} JSON Filemoon encrypts, one entry per (url, height). */
    public static String sourcesJson(String... urlHeightPairs) {
        StringBuilder sb = new StringBuilder("{\"sources\":[");
        for (int i = 0; i < urlHeightPairs.length; i += 2) {
            if (i > 0) sb.append(',');
            sb.append("{\"url\":\"").append(urlHeightPairs[i]).append("\",\"height\":")
                    .append(urlHeightPairs[i + 1]).append(",\"mimeType\":\"application/vnd.apple.mpegurl\"}");
        }
        return sb.append("]}").toString();
    }

    /** {@code {"playback":{iv, payload, key_parts:[a,b]}}}: the key is the two parts concatenated. */
    public String playbackJson(String plaintext) {
        byte[] key = bytes(32);
        byte[] iv = bytes(12);
        return "{\"playback\":{\"algorithm\":\"AES-256-GCM\",\"iv\":\"" + b64url(iv) + "\",\"payload\":\""
                + b64url(encrypt(key, iv, plaintext)) + "\",\"key_parts\":[\"" + b64url(Arrays.copyOf(key, 16))
                + "\",\"" + b64url(Arrays.copyOfRange(key, 16, 32)) + "\"]}}";
    }

    /**
     * 32 key parts of which only {@code n = version} and {@code 31 - n} form the key; {@code payload}
     * is encrypted under a decoy key and only {@code payload2} under the real one.
     */
    public String playbackJsonWithDecoys(String plaintext, int version) {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < 32; i++) parts.add(bytes(16));
        byte[] key = new byte[32];
        System.arraycopy(parts.get(version), 0, key, 0, 16);
        System.arraycopy(parts.get(31 - version), 0, key, 16, 16);
        byte[] iv = bytes(12);
        byte[] iv2 = bytes(12);
        StringBuilder keyParts = new StringBuilder();
        for (byte[] p : parts) keyParts.append(keyParts.isEmpty() ? "" : ",").append('"').append(b64url(p)).append('"');
        return "{\"playback\":{\"version\":" + version + ",\"iv\":\"" + b64url(iv) + "\",\"payload\":\""
                + b64url(encrypt(bytes(32), iv, plaintext)) + "\",\"iv2\":\"" + b64url(iv2) + "\",\"payload2\":\""
                + b64url(encrypt(key, iv2, plaintext)) + "\",\"key_parts\":[" + keyParts + "]}}";
    }

    /**
     * The late-2026 form: 30 key parts, of which 28 are 24-byte decoys and the two 16-byte ones
     * (at {@code firstAt} and {@code secondAt}, in that order) form the key.
     */
    public String playbackJsonWith24ByteDecoys(String plaintext, int firstAt, int secondAt) {
        byte[] key = bytes(32);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i == firstAt) parts.add(b64url(Arrays.copyOf(key, 16)));
            else if (i == secondAt) parts.add(b64url(Arrays.copyOfRange(key, 16, 32)));
            else parts.add(b64url(bytes(24)));
        }
        byte[] iv = bytes(12);
        return "{\"playback\":{\"algorithm\":\"AES-256-GCM\",\"iv\":\"" + b64url(iv) + "\",\"payload\":\""
                + b64url(encrypt(key, iv, plaintext)) + "\",\"key_parts\":[\"" + String.join("\",\"", parts) + "\"]}}";
    }

    private static byte[] encrypt(byte[] key, byte[] iv, String plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            return cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)); // tag appended, as Filemoon does
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String b64url(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
