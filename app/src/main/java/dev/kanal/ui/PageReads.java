package dev.kanal.ui;

import dev.kanal.catalog.Catalog;
import dev.kanal.db.Database;
import dev.kanal.torznab.ReleaseOffers;

/**
 * What the page reads, in-process: the catalog and the release offers Torznab renders (for the
 * search), the database (for every title's names), and the catalog's and {@code .strm} library's
 * status documents exactly as {@code /health/catalog} and {@code /health/strm} serve them.
 */
public record PageReads(Catalog catalog, ReleaseOffers offers, Database db, StatusView catalogStatus,
        StatusView strmStatus) {}
