package dev.kanal.catalog;

import static dev.kanal.catalog.CatalogRows.FAILED;
import static dev.kanal.catalog.CatalogRows.NONE;
import static dev.kanal.catalog.CatalogRows.PENDING;
import static dev.kanal.catalog.CatalogRows.READY;
import static dev.kanal.catalog.CatalogRows.key;
import static dev.kanal.catalog.CatalogRows.kindOf;
import static dev.kanal.catalog.StageStore.truncate;
import static dev.kanal.db.schema.Tables.CATALOG_EPISODE;
import static dev.kanal.db.schema.Tables.CATALOG_RELEASE;
import static dev.kanal.db.schema.Tables.CATALOG_TITLE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;

import dev.kanal.db.Database;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.HosterHints;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.RecentEpisode;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * What downloads and episode pages teach about single releases after stage 2: the measured height
 * and codec, and which hosters serve which language.
 */
public final class ReleaseFacts {
    private final Database db;
    private final CatalogWriter writer;

    public ReleaseFacts(Database db) {
        this(db, new CatalogChanges());
    }

    /** @param changes bumped after every write, so searches' in-memory copies are reloaded */
    public ReleaseFacts(Database db, CatalogChanges changes) {
        this.db = db;
        this.writer = new CatalogWriter(db, changes);
    }

    /**
     * Records the real height and codec of a release once a download or probe learned them; release
     * titles then carry the resolution and codec. Unknown releases are ignored.
     */
    public void recordMediaInfo(EpisodeAddress address, Language language, int height, String codec) {
        String normalized = codec == null || codec.isBlank() ? null : codec.trim().toLowerCase(Locale.ROOT);
        writer.writeVoid(ctx -> ctx.update(CATALOG_RELEASE)
                .set(CATALOG_RELEASE.HEIGHT, height > 0 ? height : null)
                .set(CATALOG_RELEASE.CODEC, normalized)
                .where(CATALOG_RELEASE.TITLE_ID.eq(select(CATALOG_TITLE.ID).from(CATALOG_TITLE)
                        .where(CATALOG_TITLE.SITE.eq(address.site().id()), CATALOG_TITLE.SLUG.eq(address.slug()))))
                .and(CATALOG_RELEASE.SEASON.eq(address.season()))
                .and(CATALOG_RELEASE.EPISODE.eq(address.episode()))
                .and(CATALOG_RELEASE.LANGUAGE.eq(language.label()))
                .execute());
    }

    /**
     * Records which hosters an episode page offers in each language, exactly (a download or stream
     * read the page). Every stored language of the episode gets its list, empty when the page
     * offers none in it; languages the catalog does not list for the episode are left alone.
     * Nothing is recorded when the page offered no links at all (it may not have been read).
     */
    public void recordHosters(EpisodeAddress address, List<HosterLink> links, Instant now) {
        if (links.isEmpty()) return;
        HosterHints hints = HosterHints.ofLinks(links);
        writer.writeVoid(ctx -> {
            Integer titleId = ctx.select(CATALOG_TITLE.ID).from(CATALOG_TITLE)
                    .where(CATALOG_TITLE.SITE.eq(address.site().id()), CATALOG_TITLE.SLUG.eq(address.slug()))
                    .fetchOne(r -> r.value1());
            if (titleId == null) return;
            var languages = ctx.select(CATALOG_RELEASE.LANGUAGE).from(CATALOG_RELEASE)
                    .where(CATALOG_RELEASE.TITLE_ID.eq(titleId), CATALOG_RELEASE.SEASON.eq(address.season()),
                            CATALOG_RELEASE.EPISODE.eq(address.episode()))
                    .fetch(r -> r.value1());
            for (String label : languages) {
                List<String> names = Language.fromLabel(label).map(hints::forLanguage).orElse(List.of());
                ctx.update(CATALOG_RELEASE)
                        .set(CATALOG_RELEASE.HOSTERS, StoredHosters.join(names))
                        .set(CATALOG_RELEASE.HOSTERS_PAIRED, 1)
                        .set(CATALOG_RELEASE.HOSTERS_AT, CatalogRows.stamp(now))
                        .where(CATALOG_RELEASE.TITLE_ID.eq(titleId), CATALOG_RELEASE.SEASON.eq(address.season()),
                                CATALOG_RELEASE.EPISODE.eq(address.episode()), CATALOG_RELEASE.LANGUAGE.eq(label))
                        .execute();
            }
        });
    }
}
