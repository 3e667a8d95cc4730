package dev.kanal.catalog;

import java.util.Locale;

/** The catalog's build stages per site; the lowercase names appear in {@code /health/catalog}. */
public enum Stage {
    /** Stage 1: the site's full title list. */
    TITLES,
    /** Stage 2: each title's seasons, episodes and languages. */
    DETAILS,
    /** Stage 3: each series mapped onto Sonarr's (TVDB) numbering. */
    MAPPING;

    /** The tag stored in the database and shown in JSON. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
