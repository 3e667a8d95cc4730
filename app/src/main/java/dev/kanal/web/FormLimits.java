package dev.kanal.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;

/**
 * Refuses url-encoded forms with more keys than any client of Kanal sends, before a handler parses
 * them (Javalin parses forms itself, so Jetty's form-key limit does not apply), and any form or
 * multipart body that announces more than {@link HttpServer#MAX_REQUEST_BYTES} (413 before a byte is
 * read; a chunked multipart body is stopped at the same size by the multipart parser's limits).
 */
final class FormLimits {
    private FormLimits() {}

    static void check(Context ctx) {
        String type = ctx.contentType();
        if (type == null) return;
        String lower = type.toLowerCase(Locale.ROOT);
        boolean multipart = lower.startsWith("multipart/");
        if (!multipart && !lower.startsWith("application/x-www-form-urlencoded")) return;
        long length = ctx.contentLength();
        if (length > HttpServer.MAX_REQUEST_BYTES) {
            throw new HttpResponseException(413, (multipart ? "multipart body" : "form") + " larger than "
                    + HttpServer.MAX_REQUEST_BYTES + " bytes");
        }
        if (multipart) return;
        byte[] body = ctx.bodyAsBytes();
        int keys = body.length == 0 ? 0 : 1;
        for (byte b : body) {
            if (b == '&' && ++keys > HttpServer.MAX_FORM_KEYS) {
                throw new HttpResponseException(400, "form has more than " + HttpServer.MAX_FORM_KEYS + " fields");
            }
        }
    }
}
