package dev.kanal.catalog;

import dev.kanal.KanalException;
import dev.kanal.providers.SiteId;
import dev.kanal.web.ApiGroup;
import dev.kanal.web.ApiKey;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /api/catalog/{site}/{slug}} (API key): one title as the catalog holds it, with every
 * episode's numbering, languages and hosters per language. Unknown sites and titles are 404
 * problems that say what to check.
 */
public final class CatalogTitleApi implements ApiGroup {
    private final Catalog catalog;
    private final ApiKey apiKey;

    public CatalogTitleApi(Catalog catalog, String apiKey) {
        this.catalog = catalog;
        this.apiKey = new ApiKey(apiKey);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before("/api/catalog/*", apiKey::require);
        routes.get("/api/catalog/{site}/{slug}", this::title);
    }

    private void title(Context ctx) {
        String siteId = ctx.pathParam("site");
        SiteId site = SiteId.fromId(siteId).filter(catalog.enabledSites()::contains)
                .orElseThrow(() -> new KanalException.NotFound("no enabled site '" + siteId + "'; enabled: "
                        + String.join(", ", catalog.enabledSites().stream().map(SiteId::id).toList())));
        String slug = ctx.pathParam("slug");
        ctx.json(catalog.queries().report(site, slug).orElseThrow(() -> new KanalException.NotFound(
                "the " + site.id() + " catalog has no title '" + slug + "' (yet): check the slug in the site's URL"
                        + " and /health/catalog for the title list's progress")));
    }
}
