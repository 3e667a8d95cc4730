package dev.kanal.ui;

import dev.kanal.web.ApiGroup;
import dev.kanal.web.Connections;
import io.javalin.config.RoutesConfig;

/**
 * {@code GET /ui/api/connections} (behind the page's session, like every {@code /ui/api/*} route):
 * the connect view's checklist — Prowlarr's last Torznab request, each client's last qBittorrent
 * login, and the last refused attempt with its reason.
 */
public final class ConnectionsApi implements ApiGroup {
    private final Connections connections;

    public ConnectionsApi(Connections connections) {
        this.connections = connections;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/ui/api/connections", ctx -> ctx.json(connections.view()));
    }
}
