package dev.kanal.catalog;

import static dev.kanal.db.schema.Tables.CATALOG_TITLE_NAME;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jooq.DSLContext;

/** Adds a title's names with their normalized keys (what the resolver indexes); known names are kept. */
final class TitleNames {
    private TitleNames() {}

    static void add(DSLContext ctx, int titleId, String title, Collection<String> more) {
        Set<String> names = new LinkedHashSet<>();
        if (title != null) names.add(title);
        for (String n : more) if (n != null) names.add(n);
        var insert = ctx.insertInto(CATALOG_TITLE_NAME, CATALOG_TITLE_NAME.TITLE_ID, CATALOG_TITLE_NAME.NAME_KEY,
                CATALOG_TITLE_NAME.NAME);
        boolean any = false;
        for (String name : names) {
            String key = TitleNormalizer.key(name);
            if (key.isEmpty()) continue;
            insert = insert.values(titleId, key, name);
            any = true;
        }
        if (any) insert.onConflictDoNothing().execute();
    }
}
