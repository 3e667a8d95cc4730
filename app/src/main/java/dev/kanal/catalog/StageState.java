package dev.kanal.catalog;

import java.util.Locale;

/** Where one stage of one site stands; stored and shown by its lowercase tag. */
public enum StageState {
    PENDING,
    RUNNING,
    READY,
    FAILED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StageState fromTag(String tag) {
        return valueOf(tag.toUpperCase(Locale.ROOT));
    }
}
