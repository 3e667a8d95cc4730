package dev.kanal.qbittorrent;

import static dev.kanal.db.schema.Tables.QB_CATEGORY;
import static dev.kanal.db.schema.Tables.QB_TAG;

import dev.kanal.db.Database;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Persists qBittorrent categories (with their save path as the user gave it) and tags. */
public final class CategoryStore {
    private final Database db;

    public CategoryStore(Database db) {
        this.db = db;
    }

    /** Category name → save path as given (empty = the default folder). */
    Map<String, String> categories() {
        Map<String, String> out = new LinkedHashMap<>();
        db.read().selectFrom(QB_CATEGORY).orderBy(QB_CATEGORY.NAME).forEach(r -> out.put(r.getName(), r.getSavePath()));
        return out;
    }

    /** False when it exists already. */
    boolean create(String name, String savePath) {
        return db.write(ctx -> ctx.insertInto(QB_CATEGORY).set(QB_CATEGORY.NAME, name)
                .set(QB_CATEGORY.SAVE_PATH, savePath).onConflictDoNothing().execute()) > 0;
    }

    /** False when it does not exist. */
    boolean edit(String name, String savePath) {
        return db.write(ctx -> ctx.update(QB_CATEGORY).set(QB_CATEGORY.SAVE_PATH, savePath)
                .where(QB_CATEGORY.NAME.eq(name)).execute()) > 0;
    }

    void remove(Collection<String> names) {
        db.writeVoid(ctx -> ctx.deleteFrom(QB_CATEGORY).where(QB_CATEGORY.NAME.in(names)).execute());
    }

    List<String> tags() {
        return db.read().select(QB_TAG.NAME).from(QB_TAG).orderBy(QB_TAG.NAME).fetch(QB_TAG.NAME);
    }

    void createTags(Collection<String> tags) {
        if (tags.isEmpty()) return;
        db.writeVoid(ctx -> {
            for (String t : tags) ctx.insertInto(QB_TAG).set(QB_TAG.NAME, t).onConflictDoNothing().execute();
        });
    }

    void deleteTags(Collection<String> tags) {
        db.writeVoid(ctx -> ctx.deleteFrom(QB_TAG).where(QB_TAG.NAME.in(tags)).execute());
    }
}
