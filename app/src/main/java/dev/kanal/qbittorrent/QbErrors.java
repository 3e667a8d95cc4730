package dev.kanal.qbittorrent;

import dev.kanal.web.ErrorRenderer;
import io.javalin.http.Context;

/**
 * Renders errors under {@code /api/v2} the way qBittorrent does: the status with a plain-text body
 * that is the message, or the status text ({@code Forbidden}, {@code Not Found} …).
 */
final class QbErrors implements ErrorRenderer {
    static final String PREFIX = "/api/v2";

    @Override
    public boolean handles(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    @Override
    public void render(Context ctx, int status, String message) {
        String body = switch (status) {
            case 404 -> message.startsWith("Endpoint") || message.isBlank() || message.contains("/") ? "Not Found" : message;
            case 405 -> "Method Not Allowed";
            default -> message;
        };
        ctx.status(status).contentType("text/plain; charset=UTF-8").result(body);
    }
}
