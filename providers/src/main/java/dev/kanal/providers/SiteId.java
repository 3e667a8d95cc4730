package dev.kanal.providers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The sites Kanal reads. The ids are a contract: config, magnets and JSON use them verbatim. */
public enum SiteId {
    ANIWORLD("aniworld"),
    STO("sto"),
    MEGAKINO("megakino");

    private final String id;

    SiteId(String id) {
        this.id = id;
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
