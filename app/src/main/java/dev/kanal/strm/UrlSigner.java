package dev.kanal.strm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures over stream and proxy URLs, so that Kanal is never an open proxy: only
 * URLs Kanal itself produced are served. Rotating the signing key invalidates every URL.
 */
public final class UrlSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public UrlSigner(String signingKey) {
        if (signingKey == null || signingKey.isEmpty()) throw new IllegalArgumentException("empty signing key");
        this.key = new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The hex signature of {@code payload}. */
    public String sign(String payload) {
        return HexFormat.of().formatHex(mac(payload));
    }

    /** True when {@code signature} is {@code payload}'s signature; compares in constant time. */
    public boolean verify(String payload, String signature) {
        if (signature == null || signature.length() != 64) return false;
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(payload), given);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
