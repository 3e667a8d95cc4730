package dev.kanal.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Locale;

/**
 * Refuses url-encoded forms with more keys than any client of Kanal sends, before a handler parses
 * them (Javalin parses forms itself, so Jetty's form-key limit does not apply), and a multipart body
 * that announces more than {@link HttpServer#MAX_REQUEST_BYTES} (413 before a byte is read; a chunked
 * multipart body is stopped at the same size by the multipart parser's limits). A larger url-encoded
 * form gets its 413 from Javalin's request size limit while it is read.
 */
final class FormLimits {
    private FormLimits() {}

    static void check(Context ctx) {
        String type = ctx.contentType();
        if (type == null) return;
        String lower = type.toLowerCase(Locale.ROOT);
        boolean multipart = lower.startsWith("multipart/");
        if (!multipart && !lower.startsWith("application/x-www-form-urlencoded")) return;
        if (multipart) {
            // the multipart parser has no size limit of its own for an announced length: refuse it here
            if (ctx.contentLength() > HttpServer.MAX_REQUEST_BYTES) {
                throw new HttpResponseException(413, "multipart body larger than " + HttpServer.MAX_REQUEST_BYTES
                        + " bytes");
            }
            return;
        }
        // a url-encoded form is read within Javalin's request size limit, which answers 413 past it; refusing it
        // unread here would close the connection while the client still sends (a broken pipe, not a 413)
        byte[] body = ctx.bodyAsBytes();
        int keys = body.length == 0 ? 0 : 1;
        for (byte b : body) {
            if (b == '&' && ++keys > HttpServer.MAX_FORM_KEYS) {
                throw new HttpResponseException(400, "form has more than " + HttpServer.MAX_FORM_KEYS + " fields");
            }
        }
    }
}
