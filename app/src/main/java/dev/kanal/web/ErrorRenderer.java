package dev.kanal.web;

import io.javalin.http.Context;

/**
 * Renders an error in one surface's own protocol, e.g. Torznab's {@code <error code description/>}
 * or qBittorrent's plain-text bodies, for the paths that surface owns.
 */
public interface ErrorRenderer {
    /** True when requests to {@code path} belong to this surface. */
    boolean handles(String path);

    /** Writes the error. {@code message} is safe to show (no stack traces, no secrets). */
    void render(Context ctx, int status, String message);
}
