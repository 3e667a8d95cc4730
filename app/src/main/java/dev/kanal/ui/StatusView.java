package dev.kanal.ui;

/**
 * One of Kanal's status documents as it is right now (the {@code /health/catalog} or
 * {@code /health/strm} body), read in-process by the page; tests replace them.
 */
@FunctionalInterface
public interface StatusView {
    /** The document, serialized by the page as JSON. */
    Object now();
}
