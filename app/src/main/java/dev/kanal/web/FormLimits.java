package dev.kanal.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;

/**
 * Refuses url-encoded forms with more keys than any client of Kanal sends, before a handler parses
 * them (Javalin parses forms itself, so Jetty's form-key limit does not apply). Body size is already
 * capped by {@link HttpServer#MAX_REQUEST_BYTES}.
 */
final class FormLimits {
    private FormLimits() {}

    static void check(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) return;
        long length = ctx.contentLength();
        if (length > HttpServer.MAX_REQUEST_BYTES) {
            throw new HttpResponseException(413, "form larger than " + HttpServer.MAX_REQUEST_BYTES + " bytes");
        }
        byte[] body = ctx.bodyAsBytes();
        int keys = body.length == 0 ? 0 : 1;
        for (byte b : body) {
            if (b == '&' && ++keys > HttpServer.MAX_FORM_KEYS) {
                throw new HttpResponseException(400, "form has more than " + HttpServer.MAX_FORM_KEYS + " fields");
            }
        }
    }
}
