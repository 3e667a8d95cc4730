package dev.kanal.torznab;

import static dev.kanal.db.schema.Tables.CATALOG_TITLE_NAME;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kanal.db.Database;
import java.time.Duration;
import java.util.List;

/**
 * A title's other names as the catalog stored them (site alternatives, TVDB's title and aliases),
 * read for {@link ReleaseNamer} only when a display title is not Latin; cached briefly per title.
 */
public final class StoredNames implements ReleaseNamer.LatinNames {
    private final Database db;
    private final Cache<Integer, List<String>> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    public StoredNames(Database db) {
        this.db = db;
    }

    @Override
    public List<String> of(int titleId) {
        return cache.get(titleId, id -> db.read().select(CATALOG_TITLE_NAME.NAME).from(CATALOG_TITLE_NAME)
                .where(CATALOG_TITLE_NAME.TITLE_ID.eq(id)).orderBy(CATALOG_TITLE_NAME.NAME).fetch(r -> r.value1()));
    }
}
