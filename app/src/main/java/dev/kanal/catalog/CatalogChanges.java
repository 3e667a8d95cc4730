package dev.kanal.catalog;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter the catalog's writers bump after every committed change to titles, episodes or
 * releases, so that what searches keep in memory ({@link ReleaseQueries}' per-title releases) is
 * reloaded after a change and never served stale. A reader notes the version before it reads; a
 * writer bumps it after its transaction commits.
 */
public final class CatalogChanges {
    private final AtomicLong version = new AtomicLong();

    /** Called by a writer after its transaction committed. */
    public void changed() {
        version.incrementAndGet();
    }

    /** The current version; equal versions mean nothing changed in between. */
    public long version() {
        return version.get();
    }
}
