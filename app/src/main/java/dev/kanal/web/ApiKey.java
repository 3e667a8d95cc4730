package dev.kanal.web;

import dev.kanal.KanalException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The API key check of Kanal's own {@code /api/…} endpoints: the key comes as the
 * {@code X-Api-Key} header or the {@code apikey} query parameter and is compared in constant time.
 * A missing or wrong key is a 401 problem.
 */
public final class ApiKey {
    private final byte[] key;

    public ApiKey(String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** True when the request carries the key (for answers that show more to the owner). */
    public boolean matches(Context ctx) {
        String given = ctx.header("X-Api-Key");
        if (given == null || given.isEmpty()) given = ctx.queryParam("apikey");
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), key);
    }

    /** Passes when the request carries the key; otherwise throws {@link KanalException.Unauthorized}. */
    public void require(Context ctx) {
        if (!matches(ctx)) {
            throw new KanalException.Unauthorized("missing or wrong API key: send it as the X-Api-Key header"
                    + " or the apikey query parameter");
        }
    }
}
