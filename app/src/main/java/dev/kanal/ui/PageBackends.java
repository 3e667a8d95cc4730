package dev.kanal.ui;

import java.util.Optional;

/**
 * Parts of the page tests replace; empty means the real one.
 *
 * @param catalog the catalog's build progress instead of the real catalog's
 * @param strm the {@code .strm} library's health instead of the real one's
 * @param hosts the upstream host health
 */
public record PageBackends(Optional<StatusView> catalog, Optional<StatusView> strm, HostStatus hosts) {
    public static PageBackends hosts(HostStatus hosts) {
        return new PageBackends(Optional.empty(), Optional.empty(), hosts);
    }

    public PageBackends withCatalog(StatusView v) {
        return new PageBackends(Optional.of(v), strm, hosts);
    }

    public PageBackends withStrm(StatusView v) {
        return new PageBackends(catalog, Optional.of(v), hosts);
    }
}
