package dev.kanal.strm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures over stream and proxy URLs, so that Kanal is never an open proxy: only
 * URLs Kanal itself produced are served. Rotating the signing key invalidates every URL.
 */
public final class UrlSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SHORT_BYTES = 16;
    private static final Base64.Encoder SHORT = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder SHORT_DECODER = Base64.getUrlDecoder();
    /** Initialised once; each signature works on a clone (far cheaper than a provider look-up and init). */
    private final Mac prototype;

    public UrlSigner(String signingKey) {
        if (signingKey == null || signingKey.isEmpty()) throw new IllegalArgumentException("empty signing key");
        try {
            this.prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(signingKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
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

    /**
     * A short signature of {@code payload} for links repeated in playlists: the first 128 bits of the
     * HMAC, base64url (22 characters). Truncation to half the output is as RFC 2104 allows.
     */
    public String signShort(String payload) {
        return SHORT.encodeToString(Arrays.copyOf(mac(payload), SHORT_BYTES));
    }

    /** True when {@code signature} is {@code payload}'s {@link #signShort} signature; constant time. */
    public boolean verifyShort(String payload, String signature) {
        if (signature == null || signature.length() != 22) return false;
        byte[] given;
        try {
            given = SHORT_DECODER.decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return given.length == SHORT_BYTES && MessageDigest.isEqual(Arrays.copyOf(mac(payload), SHORT_BYTES), given);
    }

    private byte[] mac(String payload) {
        try {
            return ((Mac) prototype.clone()).doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
    }
}
