package dev.kanal.web;

import dev.kanal.KanalException;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-site request protection as qBittorrent's WebUI has it: a state-changing request (anything but
 * GET, HEAD and OPTIONS) that names where it comes from — an {@code Origin} or {@code Referer}
 * header, which browsers send and Sonarr, Radarr or curl do not — must come from this Kanal: the
 * same host and port as the request's {@code Host} (or {@code X-Forwarded-Host} from a trusted
 * proxy, or the host of {@code KANAL_PUBLIC_URL}). Otherwise it is refused before any handler runs:
 * 401 on the qBittorrent API (as qBittorrent answers), 403 elsewhere. Requests without either header
 * pass untouched, so no *arr client is affected.
 */
public final class SameOrigin {
    private final ClientAddress clients;
    private final URI publicUrl;
    private final Connections connections;

    public SameOrigin(ClientAddress clients, URI publicUrl, Connections connections) {
        this.clients = clients;
        this.publicUrl = publicUrl;
        this.connections = connections;
    }

    public void check(Context ctx) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) return;
        String origin = ctx.header("Origin");
        String source = origin != null && !origin.isBlank() ? origin : ctx.header("Referer");
        if (source == null || source.isBlank()) return;
        Optional<String> from = authority(source.strip());
        if (from.isPresent() && allowed(ctx, from.get())) return;
        boolean qb = ctx.path().startsWith("/api/v2/");
        connections.failed(surface(ctx.path()), Connections.Reason.CROSS_ORIGIN, clients.of(ctx),
                ctx.header("User-Agent"));
        if (qb) throw new KanalException.Unauthorized("Unauthorized");
        throw new KanalException.Forbidden("cross-site request refused: it comes from "
                + from.orElse("an unreadable origin") + ", not from this Kanal; open Kanal's page at its own address"
                + " (behind a reverse proxy: forward the Host header or list the proxy in KANAL_TRUSTED_PROXIES)");
    }

    private boolean allowed(Context ctx, String from) {
        String scheme = scheme(ctx);
        if (matches(from, ctx.header("Host"), scheme)) return true;
        if (clients.viaTrustedProxy(ctx)) {
            String forwarded = ctx.header("X-Forwarded-Host");
            if (forwarded != null && matches(from, forwarded.split(",")[0].strip(), scheme)) return true;
        }
        return publicUrl != null && publicUrl.getHost() != null
                && from.equals(publicUrl.getHost().toLowerCase(Locale.ROOT) + ":" + port(publicUrl));
    }

    private String scheme(Context ctx) {
        if (clients.viaTrustedProxy(ctx)) {
            String proto = ctx.header("X-Forwarded-Proto");
            if (proto != null && !proto.isBlank()) return proto.split(",")[0].strip().toLowerCase(Locale.ROOT);
        }
        return ctx.scheme();
    }

    private static boolean matches(String from, String hostHeader, String scheme) {
        if (hostHeader == null || hostHeader.isBlank()) return false;
        Optional<String> target = authority(scheme + "://" + hostHeader.strip());
        return target.isPresent() && target.get().equals(from);
    }

    /** {@code host:port} of an origin or URL (the scheme's default port when none is given). */
    static Optional<String> authority(String url) {
        try {
            URI u = URI.create(url);
            if (u.getHost() == null || u.getScheme() == null) return Optional.empty();
            return Optional.of(u.getHost().toLowerCase(Locale.ROOT) + ":" + port(u));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int port(URI u) {
        if (u.getPort() > 0) return u.getPort();
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static Connections.Surface surface(String path) {
        if (path.startsWith("/api/v2/")) return Connections.Surface.QBITTORRENT_LOGIN;
        if (path.startsWith("/ui/")) return Connections.Surface.PAGE_LOGIN;
        return Connections.Surface.API_KEY;
    }
}
