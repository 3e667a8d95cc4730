package dev.kanal.providers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a site's catalogue.
 *
 * @param site the site it comes from
 * @param slug the site's own identifier (Megakino: {@code <id>-<slug>})
 * @param title the display title as the site shows it
 * @param altTitles alternative titles (other languages, romaji), never null
 * @param year first year, or null when unknown
 * @param kind series or movie
 * @param ids outside ids, {@link ExternalIds#NONE} when unknown
 * @param lastModified when the site says the title last changed (sitemap {@code lastmod}), or null
 */
public record TitleRef(
        SiteId site,
        String slug,
        String title,
        List<String> altTitles,
        Integer year,
        TitleKind kind,
        ExternalIds ids,
        Instant lastModified) {

    public TitleRef {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        altTitles = altTitles == null ? List.of() : List.copyOf(altTitles);
        ids = ids == null ? ExternalIds.NONE : ids;
    }
}
