package dev.kanal.strm;

import static dev.kanal.db.schema.Tables.STRM_FILE;

import dev.kanal.db.Database;
import dev.kanal.db.schema.tables.records.StrmFileRecord;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;

/** Every {@code .strm} file Kanal wrote, so the library health scan knows what to check. */
public final class StrmFileStore {
    private final Database db;

    public StrmFileStore(Database db) {
        this.db = db;
    }

    /** One written file and what the last scan found. {@code brokenReason} null means it plays. */
    record StrmFile(Path path, StrmTarget target, int urlVersion, Instant writtenAt, Instant checkedAt,
            String brokenReason) {}

    void recordWritten(Path path, StrmTarget target, int urlVersion, Instant now) {
        EpisodeAddress ep = target.episode();
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        row.put(STRM_FILE.SITE, ep.site().id());
        row.put(STRM_FILE.SLUG, ep.slug());
        row.put(STRM_FILE.SEASON, ep.season());
        row.put(STRM_FILE.EPISODE, ep.episode());
        row.put(STRM_FILE.LANGUAGE, target.language().name());
        row.put(STRM_FILE.URL_VERSION, urlVersion);
        row.put(STRM_FILE.WRITTEN_AT, now.toString());
        // a path written again is a new file: what the last scan found about the old one no longer holds
        db.writeVoid(ctx -> ctx.insertInto(STRM_FILE)
                .set(STRM_FILE.PATH, path.toString())
                .set(row)
                .onConflict(STRM_FILE.PATH).doUpdate()
                .set(row)
                .setNull(STRM_FILE.CHECKED_AT)
                .setNull(STRM_FILE.BROKEN_REASON)
                .execute());
    }

    List<StrmFile> all() {
        return db.read().selectFrom(STRM_FILE).orderBy(STRM_FILE.PATH).fetch(StrmFileStore::toFile);
    }

    List<StrmFile> broken() {
        return db.read().selectFrom(STRM_FILE).where(STRM_FILE.BROKEN_REASON.isNotNull()).orderBy(STRM_FILE.PATH)
                .fetch(StrmFileStore::toFile);
    }

    void recordChecked(Path path, String brokenReason, Instant now) {
        db.writeVoid(ctx -> ctx.update(STRM_FILE)
                .set(STRM_FILE.CHECKED_AT, now.toString())
                .set(STRM_FILE.BROKEN_REASON, brokenReason)
                .where(STRM_FILE.PATH.eq(path.toString()))
                .execute());
    }

    void recordRegenerated(Path path, int urlVersion, Instant now) {
        db.writeVoid(ctx -> ctx.update(STRM_FILE)
                .set(STRM_FILE.URL_VERSION, urlVersion)
                .set(STRM_FILE.WRITTEN_AT, now.toString())
                .setNull(STRM_FILE.BROKEN_REASON)
                .where(STRM_FILE.PATH.eq(path.toString()))
                .execute());
    }

    /** Stops tracking a file (a copy that is gone while another copy of the same episode plays on). */
    void forget(Path path) {
        db.writeVoid(ctx -> ctx.deleteFrom(STRM_FILE).where(STRM_FILE.PATH.eq(path.toString())).execute());
    }

    private static StrmFile toFile(StrmFileRecord r) {
        var address = new EpisodeAddress(SiteId.fromId(r.getSite()).orElseThrow(), r.getSlug(), r.getSeason(),
                r.getEpisode());
        return new StrmFile(Path.of(r.getPath()), new StrmTarget(address, Language.valueOf(r.getLanguage())),
                r.getUrlVersion(), Instant.parse(r.getWrittenAt()),
                r.getCheckedAt() == null ? null : Instant.parse(r.getCheckedAt()), r.getBrokenReason());
    }
}
