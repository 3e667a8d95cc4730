package dev.kanal.catalog;

import dev.kanal.providers.TitleKind;
import java.util.Locale;

/** How the catalog tables spell states, kinds and episode keys. */
final class CatalogRows {
    static final String PENDING = "pending";
    static final String READY = "ready";
    static final String FAILED = "failed";
    /** Mapping does not apply (movies) or found nothing. */
    static final String NONE = "none";

    private CatalogRows() {}

    /** A release's or episode's time as stored: to the second, as a feed's pubDate shows it (20 characters). */
    static String stamp(java.time.Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    /** One episode as one number: season in the high half, episode in the low. */
    static long key(int season, int episode) {
        return ((long) season << 32) | (episode & 0xffffffffL);
    }

    static String kindTag(TitleKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static TitleKind kindOf(String tag) {
        return TitleKind.valueOf(tag.toUpperCase(Locale.ROOT));
    }

}
