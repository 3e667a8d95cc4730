package dev.kanal.strm;

import static dev.kanal.db.schema.Tables.STRM_SOURCE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.db.Database;
import dev.kanal.db.schema.tables.records.StrmSourceRecord;
import dev.kanal.providers.StreamSource;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Field;

/**
 * The last media source each episode resolved to, kept across restarts so a player that resumes
 * after a restart does not wait for a fresh hoster resolution while the old URL still works.
 */
public final class SourceStore {
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Database db;
    private final ObjectMapper json;

    public SourceStore(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A stored source for {@code target} that is still valid at {@code now}. */
    Optional<CachedSource> find(StrmTarget target, Instant now) {
        StrmSourceRecord row = db.read().selectFrom(STRM_SOURCE).where(keyOf(target)).fetchOne();
        if (row == null) return Optional.empty();
        Instant expires = Instant.parse(row.getExpiresAt());
        if (!expires.isAfter(now)) return Optional.empty();
        try {
            var source = new StreamSource(URI.create(row.getUrl()), StreamSource.Format.valueOf(row.getFormat()),
                    json.readValue(row.getHeadersJson(), HEADERS), expires, row.getHoster());
            return Optional.of(new CachedSource(source, row.getHoster(), Instant.parse(row.getResolvedAt()), expires));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void save(StrmTarget target, CachedSource cached) {
        Instant now = cached.resolvedAt();
        String headers;
        try {
            headers = json.writeValueAsString(cached.source().headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers not serialisable", e);
        }
        var ep = target.episode();
        Map<Field<?>, Object> source = new LinkedHashMap<>();
        source.put(STRM_SOURCE.URL, cached.source().url().toString());
        source.put(STRM_SOURCE.FORMAT, cached.source().format().name());
        source.put(STRM_SOURCE.HEADERS_JSON, headers);
        source.put(STRM_SOURCE.HOSTER, cached.hoster());
        source.put(STRM_SOURCE.EXPIRES_AT, stamp(cached.expiresAt()));
        source.put(STRM_SOURCE.RESOLVED_AT, stamp(now));
        db.writeVoid(ctx -> ctx.insertInto(STRM_SOURCE)
                .set(STRM_SOURCE.SITE, ep.site().id())
                .set(STRM_SOURCE.SLUG, ep.slug())
                .set(STRM_SOURCE.SEASON, ep.season())
                .set(STRM_SOURCE.EPISODE, ep.episode())
                .set(STRM_SOURCE.LANGUAGE, target.language().name())
                .set(source)
                .onConflict(STRM_SOURCE.SITE, STRM_SOURCE.SLUG, STRM_SOURCE.SEASON, STRM_SOURCE.EPISODE,
                        STRM_SOURCE.LANGUAGE)
                .doUpdate()
                .set(source)
                .execute());
    }

    void delete(StrmTarget target) {
        db.writeVoid(ctx -> ctx.deleteFrom(STRM_SOURCE).where(keyOf(target)).execute());
    }

    /** Drops sources that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now) {
        return db.write(ctx -> ctx.deleteFrom(STRM_SOURCE).where(STRM_SOURCE.EXPIRES_AT.lt(stamp(now))).execute());
    }

    /** Fixed-width UTC timestamps, so that SQL compares them correctly as text. */
    private static String stamp(Instant instant) {
        return STAMP.format(instant);
    }

    private static Condition keyOf(StrmTarget target) {
        var ep = target.episode();
        return STRM_SOURCE.SITE.eq(ep.site().id())
                .and(STRM_SOURCE.SLUG.eq(ep.slug()))
                .and(STRM_SOURCE.SEASON.eq(ep.season()))
                .and(STRM_SOURCE.EPISODE.eq(ep.episode()))
                .and(STRM_SOURCE.LANGUAGE.eq(target.language().name()));
    }
}
