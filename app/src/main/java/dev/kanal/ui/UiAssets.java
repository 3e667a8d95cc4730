package dev.kanal.ui;

import dev.kanal.KanalException;
import dev.kanal.web.ApiGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the page ({@code GET /}) and its files ({@code GET /ui/<name>}) from the jar's {@code ui/}
 * folder: plain HTML, CSS and JavaScript modules, no build step. The page itself is public (it shows
 * the login form); everything it shows comes from {@code /ui/api/*}, which needs a session.
 */
public final class UiAssets implements ApiGroup {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|js|css|svg|ico|png)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "ico", "image/x-icon",
            "png", "image/png");
    /** Scripts and styles only from Kanal itself; no inline script, no framing. */
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self';"
            + " script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/", ctx -> serve(ctx, "index.html"));
        routes.get("/ui/{file}", ctx -> serve(ctx, ctx.pathParam("file")));
    }

    private void serve(Context ctx, String name) {
        if (!NAME.matcher(name).matches()) throw new KanalException.NotFound("no such file: " + name);
        byte[] body = cache.computeIfAbsent(name, UiAssets::load);
        if (body.length == 0) {
            cache.remove(name);
            throw new KanalException.NotFound("no such file: " + name);
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType(TYPES.get(ext)).result(body);
    }

    private static byte[] load(String name) {
        try (InputStream in = UiAssets.class.getClassLoader().getResourceAsStream("ui/" + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
