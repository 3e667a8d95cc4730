package dev.kanal.sources;

import dev.kanal.providers.SiteId;

/** The names people know the sites by, for messages: AniWorld, s.to, Megakino. */
public final class SiteNames {
    private SiteNames() {}

    public static String of(SiteId site) {
        return switch (site) {
            case ANIWORLD -> "AniWorld";
            case STO -> "s.to";
            case MEGAKINO -> "Megakino";
        };
    }
}
