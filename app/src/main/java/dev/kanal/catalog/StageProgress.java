package dev.kanal.catalog;

import dev.kanal.providers.SiteId;
import java.time.Instant;

/**
 * The persisted progress of one stage of one site: what {@code /health/catalog} reports and what a
 * restart continues from.
 */
public record StageProgress(SiteId site, Stage stage, StageState state, int run, int done, int total,
        Instant startedAt, Instant lastSuccess, String lastError) {

    /** A stage that never ran. */
    static StageProgress initial(SiteId site, Stage stage) {
        return new StageProgress(site, stage, StageState.PENDING, 0, 0, 0, null, null, null);
    }

    /** True once the stage has completed at least once. */
    public boolean everSucceeded() {
        return lastSuccess != null;
    }
}
