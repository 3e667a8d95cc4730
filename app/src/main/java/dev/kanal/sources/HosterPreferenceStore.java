package dev.kanal.sources;

import static dev.kanal.db.schema.Tables.HOSTER_PREFERENCE;

import dev.kanal.db.Database;
import dev.kanal.providers.SiteId;
import java.time.Clock;
import java.util.Optional;

/** Remembers, per site and title, the hoster that last delivered, so it is tried first next time. */
public final class HosterPreferenceStore {
    private final Database db;
    private final Clock clock;

    public HosterPreferenceStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<String> lastWorked(SiteId site, String slug) {
        return Optional.ofNullable(db.read()
                .select(HOSTER_PREFERENCE.HOSTER)
                .from(HOSTER_PREFERENCE)
                .where(HOSTER_PREFERENCE.SITE.eq(site.id()).and(HOSTER_PREFERENCE.SLUG.eq(slug)))
                .fetchOne(HOSTER_PREFERENCE.HOSTER));
    }

    public void worked(SiteId site, String slug, String hoster) {
        String now = clock.instant().toString();
        db.writeVoid(ctx -> ctx.insertInto(HOSTER_PREFERENCE)
                .set(HOSTER_PREFERENCE.SITE, site.id())
                .set(HOSTER_PREFERENCE.SLUG, slug)
                .set(HOSTER_PREFERENCE.HOSTER, hoster)
                .set(HOSTER_PREFERENCE.UPDATED_AT, now)
                .onConflict(HOSTER_PREFERENCE.SITE, HOSTER_PREFERENCE.SLUG)
                .doUpdate()
                .set(HOSTER_PREFERENCE.HOSTER, hoster)
                .set(HOSTER_PREFERENCE.UPDATED_AT, now)
                .execute());
    }
}
