package dev.kanal.web;

import io.javalin.config.RoutesConfig;
import java.util.Optional;

/**
 * One protocol surface (Torznab, qBittorrent, stream proxy, health …): a class with constructor
 * dependencies that registers its routes. Handlers parse the request into a record, call one
 * service and render; they contain no SQL, jsoup or process handling.
 */
public interface ApiGroup {
    /** Registers this group's routes (method references to private handlers). */
    void addTo(RoutesConfig routes);

    /** How this group renders errors for its own paths; empty means problem JSON. */
    default Optional<ErrorRenderer> errorRenderer() {
        return Optional.empty();
    }
}
