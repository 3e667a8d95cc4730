package dev.kanal.ui;

import static dev.kanal.db.schema.Tables.CATALOG_TITLE;
import static dev.kanal.db.schema.Tables.CATALOG_TITLE_NAME;

import dev.kanal.catalog.TitleSimilarity;
import dev.kanal.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every name of every catalog title with its comparable key, as the page's forgiving search reads
 * them: one query, kept for {@link #FRESH} and re-read after that, so a page search costs one scan
 * of memory. Read-only over the catalog's tables (WAL readers never block the crawler).
 */
public final class TitleNames {
    static final Duration FRESH = Duration.ofMinutes(1);

    /**
     * One name: {@code key} is its {@code TitleNormalizer} key, {@code words} and {@code grams} its
     * words and character bigrams, computed once per read instead of per search.
     */
    record Name(int titleId, String site, String name, String key, String[] words, int[] grams) {
        Name(int titleId, String site, String name, String key) {
            this(titleId, site, name, key, key.split(" "), TitleSimilarity.bigrams(key));
        }
    }

    private record Snapshot(List<Name> names, Instant at) {}

    private final Database db;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public TitleNames(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    List<Name> all() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || s.at().plus(FRESH).isBefore(now)) {
            s = new Snapshot(List.copyOf(db.read()
                    .select(CATALOG_TITLE_NAME.TITLE_ID, CATALOG_TITLE.SITE, CATALOG_TITLE_NAME.NAME,
                            CATALOG_TITLE_NAME.NAME_KEY)
                    .from(CATALOG_TITLE_NAME).join(CATALOG_TITLE).on(CATALOG_TITLE.ID.eq(CATALOG_TITLE_NAME.TITLE_ID))
                    .fetch(r -> new Name(r.value1(), r.value2(), r.value3(), r.value4()))), now);
            snapshot = s;
        }
        return s.names();
    }
}
