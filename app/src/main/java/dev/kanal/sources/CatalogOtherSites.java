package dev.kanal.sources;

import static dev.kanal.db.schema.Tables.CATALOG_EPISODE;
import static dev.kanal.db.schema.Tables.CATALOG_RELEASE;
import static dev.kanal.db.schema.Tables.CATALOG_TITLE;

import dev.kanal.db.Database;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * {@link OtherSites} from the catalog until it has a work layer: titles on other sites that share
 * the grabbed title's TVDB or IMDb id carry the same work. The grabbed episode's Sonarr numbering
 * (TVDB season and episode, as stage 3 mapped it) picks the episode on the other site, whose own
 * numbering may differ; a film matches a film. Only episodes the catalog lists in the grabbed
 * language are offered, ordered by {@code KANAL_SITE_ORDER}.
 */
public final class CatalogOtherSites implements OtherSites {
    private final Database db;
    private final List<SiteId> order;

    /** @param order the enabled sites in {@code KANAL_SITE_ORDER}; others are never offered */
    public CatalogOtherSites(Database db, List<SiteId> order) {
        this.db = db;
        this.order = List.copyOf(order);
    }

    @Override
    public List<EpisodeAddress> of(EpisodeAddress episode, Language language) {
        var title = db.read().select(CATALOG_TITLE.ID, CATALOG_TITLE.TVDB, CATALOG_TITLE.IMDB, CATALOG_TITLE.KIND)
                .from(CATALOG_TITLE)
                .where(CATALOG_TITLE.SITE.eq(episode.site().id()), CATALOG_TITLE.SLUG.eq(episode.slug()))
                .fetchOne();
        if (title == null || (title.value2() == null && (title.value3() == null || title.value3().isBlank()))) {
            return List.of();
        }
        Condition sameWork = DSL.falseCondition();
        if (title.value2() != null) sameWork = sameWork.or(CATALOG_TITLE.TVDB.eq(title.value2()));
        if (title.value3() != null && !title.value3().isBlank()) sameWork = sameWork.or(CATALOG_TITLE.IMDB.eq(title.value3()));
        List<String> sites = order.stream().filter(s -> s != episode.site()).map(SiteId::id).toList();
        if (sites.isEmpty()) return List.of();

        Condition which;
        if (episode.isMovie()) {
            which = CATALOG_EPISODE.EPISODE.eq(0);
        } else {
            var numbering = db.read().select(CATALOG_EPISODE.TVDB_SEASON, CATALOG_EPISODE.TVDB_EPISODE)
                    .from(CATALOG_EPISODE)
                    .where(CATALOG_EPISODE.TITLE_ID.eq(title.value1()), CATALOG_EPISODE.SEASON.eq(episode.season()),
                            CATALOG_EPISODE.EPISODE.eq(episode.episode()))
                    .fetchOne();
            int season = numbering == null ? episode.season() : numbering.value1();
            int number = numbering == null ? episode.episode() : numbering.value2();
            which = CATALOG_EPISODE.TVDB_SEASON.eq(season).and(CATALOG_EPISODE.TVDB_EPISODE.eq(number))
                    .and(CATALOG_EPISODE.EPISODE.ne(0));
        }
        List<EpisodeAddress> found = new ArrayList<>(db.read()
                .select(CATALOG_TITLE.SITE, CATALOG_TITLE.SLUG, CATALOG_EPISODE.SEASON, CATALOG_EPISODE.EPISODE)
                .from(CATALOG_TITLE)
                .join(CATALOG_EPISODE).on(CATALOG_EPISODE.TITLE_ID.eq(CATALOG_TITLE.ID))
                .join(CATALOG_RELEASE).on(CATALOG_RELEASE.TITLE_ID.eq(CATALOG_EPISODE.TITLE_ID),
                        CATALOG_RELEASE.SEASON.eq(CATALOG_EPISODE.SEASON),
                        CATALOG_RELEASE.EPISODE.eq(CATALOG_EPISODE.EPISODE))
                .where(sameWork, CATALOG_TITLE.SITE.in(sites), CATALOG_TITLE.ID.ne(title.value1()), which,
                        CATALOG_RELEASE.LANGUAGE.eq(language.label()))
                .orderBy(CATALOG_TITLE.ID, CATALOG_EPISODE.SEASON, CATALOG_EPISODE.EPISODE)
                .fetch(r -> new EpisodeAddress(SiteId.fromId(r.value1()).orElseThrow(), r.value2(),
                        r.value3().intValue(), r.value4().intValue())));
        found.sort(Comparator.comparingInt(a -> order.indexOf(a.site())));
        return found.stream().distinct().toList();
    }
}
