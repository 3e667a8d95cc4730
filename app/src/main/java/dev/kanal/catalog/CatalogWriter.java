package dev.kanal.catalog;

import dev.kanal.db.Database;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;

/**
 * The catalog stores' one way to write: a transaction on the database, then {@link CatalogChanges}
 * bumped, so every write reloads what searches keep in memory.
 */
final class CatalogWriter {
    private final Database db;
    private final CatalogChanges changes;

    CatalogWriter(Database db, CatalogChanges changes) {
        this.db = db;
        this.changes = changes;
    }

    <T> T write(Function<DSLContext, T> work) {
        try {
            return db.write(work);
        } finally {
            changes.changed();
        }
    }

    void writeVoid(Consumer<DSLContext> work) {
        try {
            db.writeVoid(work);
        } finally {
            changes.changed();
        }
    }
}
