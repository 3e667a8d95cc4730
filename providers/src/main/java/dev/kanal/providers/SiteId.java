package dev.kanal.providers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The sites Kanal reads. The ids are a contract: config, magnets and JSON use them verbatim. */
public enum SiteId {
    ANIWORLD("aniworld", "AniWorld"),
    STO("sto", "s.to"),
    MEGAKINO("megakino", "Megakino");

    private final String id;
    private final String label;

    SiteId(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name people know the site by, for messages: AniWorld, s.to, Megakino. */
    public String label() {
        return label;
    }

    /** The stable lowercase id, e.g. {@code aniworld}. */
    public String id() {
        return id;
    }

    /** Looks a site up by its id, ignoring case; empty when unknown. */
    public static Optional<SiteId> fromId(String id) {
        if (id == null) return Optional.empty();
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
