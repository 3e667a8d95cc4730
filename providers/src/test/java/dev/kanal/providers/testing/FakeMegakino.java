package dev.kanal.providers.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.kanal.providers.SiteId;
import java.net.URI;

/**
 * A fake Megakino (DataLife Engine, research §3): a sitemap index with film and serial sitemaps,
 * film pages with player tabs (one GXPlayer, one protocol-relative iframe), serial pages with
 * episode and hoster selects, the {@code yg} token cookie, {@code mirrors.txt} and the search POST.
 * Its own {@link #baseUrl()} answers the sitemap probe, so it also works for domain discovery.
 */
public final class FakeMegakino extends FakeSite {
    private int nextLinkId = 9000;

    public FakeMegakino(FakeCatalog catalog, String prefix) {
        super(catalog, prefix);
        stubCatalog();
    }

    @Override
    protected void stubCatalog() {
        FakeCatalog catalog = this.catalog;
        String base = baseUrl().toString();
        server().stubFor(get(urlEqualTo(path("/sitemap.xml"))).willReturn(xml(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<sitemap><loc>" + base + "/sitemap-films.xml</loc></sitemap>"
                        + "<sitemap><loc>" + base + "/sitemap-serials.xml</loc></sitemap></sitemapindex>")));
        StringBuilder films = new StringBuilder(urlset());
        StringBuilder serials = new StringBuilder(urlset());
        for (FakeCatalog.Show s : catalog.shows()) {
            String path = (s.movie() ? "/films/" : "/serials/") + s.slug() + ".html";
            (s.movie() ? films : serials).append("<url><loc>").append(base).append(path)
                    .append("</loc><lastmod>2025-12-17T10:00:00+01:00</lastmod></url>");
            html(path, s.movie() ? filmPage(s) : serialPage(s));
        }
        server().stubFor(get(urlEqualTo(path("/sitemap-films.xml"))).willReturn(xml(films.append("</urlset>").toString())));
        server().stubFor(get(urlEqualTo(path("/sitemap-serials.xml"))).willReturn(xml(serials.append("</urlset>").toString())));
        server().stubFor(get(urlEqualTo(path("/index.php?yg=token"))).willReturn(aResponse().withStatus(200)
                .withHeader("Set-Cookie", "yg_token=secret; Path=/").withBody("ok")));
        server().stubFor(get(urlEqualTo(path("/mirrors.txt"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withBody("# mirrors\n" + baseUrl().getHost() + "\n")));
        StringBuilder results = new StringBuilder("<html><body><div id=\"dle-content\">");
        for (FakeCatalog.Show s : catalog.shows()) {
            results.append("<a class=\"poster grid-item\" href=\"").append(s.movie() ? "/films/" : "/serials/").append(s.slug())
                    .append(".html\"><div class=\"poster__img\"><img data-src=\"/x.webp\" alt=\"").append(esc(s.title()))
                    .append("\"></div><div class=\"poster__desc\"><h3 class=\"poster__title\">").append(esc(s.title()))
                    .append("</h3><ul class=\"poster__subtitle\"><li>USA, ").append(s.year()).append("</li><li>")
                    .append(s.movie() ? "Filme / Action" : "Serien / Drama").append("</li></ul></div></a>");
        }
        server().stubFor(post(urlPathEqualTo(path("/index.php"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(results.append("</div></body></html>").toString())));
    }

    @Override
    public SiteId id() {
        return SiteId.MEGAKINO;
    }

    private static String urlset() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(body);
    }

    private String head(FakeCatalog.Show s) {
        return "<!doctype html><html><head><meta property=\"og:title\" content=\"" + esc(s.title()) + "\"></head><body>"
                + "<div class=\"page__subcols d-flex\"><div class=\"page__col-right\"><h1>" + esc(s.title()) + "</h1>"
                + (s.altTitles().isEmpty() ? "" : "<div class=\"pmovie__original-title\">" + esc(s.altTitles().getFirst()) + "</div>")
                + "<div class=\"pmovie__year\"><span itemprop=\"countryOfOrigin\">USA</span>, <span itemprop=\"dateCreated\"><a href=\"/y\">"
                + s.year() + "</a></span>, 120 min</div><div class=\"pmovie__genres\">" + (s.movie() ? "Filme / Action" : "Serien / Drama")
                + "</div></div></div><div class=\"page__text full-text\" itemprop=\"description\">Über " + esc(s.title()) + ".</div>";
    }

    private String filmPage(FakeCatalog.Show s) {
        int voe = nextLinkId++;
        int gx = nextLinkId++;
        URI voeUrl = newEmbed("VOE", voe);
        return head(s) + "<div class=\"pmovie__player tabs-block\"><div class=\"tabs-block__select d-flex\">"
                + "<span class=\"is-active\">Stream in HD</span><span>Voe</span></div>"
                + "<div class=\"tabs-block__content video-inside\"><iframe data-src=\"" + newEmbed("GXPlayer", gx) + "\" allowfullscreen></iframe></div>"
                + "<div class=\"tabs-block__content d-none\"><div class=\"wrap\"><iframe data-src=\"" + voeUrl.toString().replaceFirst("^http:", "")
                + "\"></iframe></div></div></div></body></html>";
    }

    private String serialPage(FakeCatalog.Show s) {
        StringBuilder b = new StringBuilder(head(s)).append("<div class=\"pmovie__series-select\"><select class=\"se-select\">");
        FakeCatalog.Season season = s.seasons().getFirst();
        for (FakeCatalog.Episode e : season.episodes()) {
            b.append("<option value=\"ep").append(e.number()).append("\">Episode ").append(e.number()).append("</option>");
        }
        b.append("</select>");
        for (FakeCatalog.Episode e : season.episodes()) {
            b.append("<select name=\"pmovie__select-items\" class=\"mr-select\" id=\"ep").append(e.number()).append("\">");
            for (String hoster : e.hosters()) {
                int id = nextLinkId++;
                String label = hoster.equals("GXPlayer") ? "Stream in HD" : hoster;
                b.append("<option value=\"").append(newEmbed(hoster, id)).append("\">").append(label).append("</option>");
            }
            b.append("</select>");
        }
        return b.append("</div></body></html>").toString();
    }
}
