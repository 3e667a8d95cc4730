package dev.kanal.providers;

/** Whether a title is a series (seasons and episodes) or a single movie. */
public enum TitleKind {
    SERIES,
    MOVIE
}
