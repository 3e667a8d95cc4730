package dev.kanal.providers.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fake serienstream.to ("Version 2", research §2): {@code /serien}, series and season pages,
 * episode pages with hoster buttons (including the {@code Provider} placeholder), {@code /r?t=}
 * link-outs that redirect, the suggest API and {@code /suche}. {@link #gate(int)} turns one
 * link-out into the captcha gate page.
 */
public final class FakeSto extends FakeSite {
    private static final Map<Language, String[]> LANGS = Map.of(
            Language.GERMAN_DUB, new String[] {"1", "Deutsch", "german"},
            Language.ENGLISH_DUB, new String[] {"2", "Englisch", "english"},
            Language.GERMAN_SUB, new String[] {"3", "Ger-Sub", "english-german"},
            Language.ENGLISH_SUB, new String[] {"4", "Eng-Sub", "english-english"});
    private int nextLinkId = 5000;

    public FakeSto(FakeCatalog catalog, String prefix) {
        super(catalog, prefix);
        stubCatalog();
    }

    @Override
    protected void stubCatalog() {
        FakeCatalog catalog = this.catalog;
        StringBuilder list = new StringBuilder("<!doctype html><html><body><ul class=\"series-list small\">");
        for (FakeCatalog.Show s : catalog.shows()) {
            list.append("<li class=\"series-item\" data-search=\"")
                    .append(esc((s.title() + " " + String.join(" ", s.altTitles())).toLowerCase(Locale.ROOT).trim()))
                    .append("\"><a href=\"/serie/").append(s.slug()).append("\">").append(esc(s.title())).append("</a></li>");
            html("/serie/" + s.slug(), seriesPage(s, s.seasons().getFirst()));
            for (FakeCatalog.Season season : s.seasons()) {
                html("/serie/" + s.slug() + "/staffel-" + season.number(), seriesPage(s, season));
                for (FakeCatalog.Episode e : season.episodes()) {
                    html("/serie/" + s.slug() + "/staffel-" + season.number() + "/episode-" + e.number(), episodePage(s, season, e));
                }
            }
            server().stubFor(get(urlPathEqualTo(path("/api/search/suggest"))).withQueryParam("term", equalToIgnoreCase(s.title()))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                            "{\"shows\":[{\"name\":\"<em>" + s.title().replace("\"", "") + "</em>\",\"url\":\"/serie/" + s.slug()
                                    + "\"}],\"people\":[],\"genres\":[]}")));
        }
        html("/serien", list.append("</ul></body></html>").toString());
        StringBuilder recent = new StringBuilder("<!doctype html><html><body><table class=\"table new-episodes-table\"><tbody>");
        for (FakeCatalog.Show s : catalog.shows().reversed()) {
            FakeCatalog.Season last = s.seasons().getLast();
            if (last.episodes().isEmpty()) continue;
            FakeCatalog.Episode e = last.episodes().getLast();
            for (Language l : e.languages().stream().sorted().toList()) {
                recent.append("<tr><td><a href=\"/serie/").append(s.slug()).append("\">").append(esc(s.title()))
                        .append("</a></td><td><a href=\"/serie/").append(s.slug()).append("/staffel-").append(last.number())
                        .append("/episode-").append(e.number()).append("\">").append(String.format("S%02dE%02d",
                                last.number(), e.number())).append("</a></td><td><svg class=\"watch-language svg-flag-")
                        .append(LANGS.get(l)[2]).append("\"></svg></td></tr>");
            }
        }
        html("/neue-episoden", recent.append("</tbody></table></body></html>").toString());
        server().stubFor(get(urlPathEqualTo(path("/api/search/suggest"))).atPriority(9).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"shows\":[],\"people\":[],\"genres\":[]}")));
    }

    @Override
    public SiteId id() {
        return SiteId.STO;
    }

    /** Makes link-out {@code id} answer with the gate page instead of a redirect. */
    public void gate(int id) {
        server().stubFor(get(urlEqualTo(path("/r?t=token" + id))).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(Fixtures.site("sto", "link-gate.html"))));
    }

    private String seriesPage(FakeCatalog.Show s, FakeCatalog.Season shown) {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><title>").append(esc(s.title()))
                .append(" | SerienStream</title><meta name=\"description\" content=\"Schaue ").append(esc(s.title()))
                .append("\"></head><body><h1 class=\"h2 mb-1 fw-bold\"> ").append(esc(s.title()))
                .append(" </h1><p class=\"small text-muted mb-2\"><a class=\"small text-muted\" href=\"/jahr/").append(s.year())
                .append("\">").append(s.year()).append("</a> – <span class=\"small text-muted\">NA</span> &bull; FSK 12");
        if (s.imdb() != null) b.append(" &bull; <a href=\"https://www.imdb.com/title/").append(s.imdb()).append("/\">IMDb</a>");
        b.append("</p><div class=\"series-description\"><p class=\"clamped\"><span class=\"description-text\">Über ")
                .append(esc(s.title())).append(".</span></p></div><nav class=\"mb-2\" id=\"season-nav\"><ul class=\"nav\">");
        for (FakeCatalog.Season season : s.seasons()) {
            b.append("<li class=\"nav-item\"><a href=\"/serie/").append(s.slug()).append("/staffel-").append(season.number())
                    .append("\" class=\"alphabet-link nav-link ").append(season == shown ? "bg-primary" : "")
                    .append("\" data-season-pill=\"").append(season.number()).append("\"> ").append(season.number()).append(" </a></li>");
        }
        b.append("</ul></nav><section class=\"episode-section\"><h2 class=\"h3\"> Staffel ").append(shown.number())
                .append(" </h2><table class=\"table episode-table\"><thead><tr class=\"text-uppercase\"><th>#</th></tr></thead><tbody>");
        for (FakeCatalog.Episode e : shown.episodes()) {
            b.append("<tr class=\"episode-row \" onclick=\"window.location='/serie/").append(s.slug()).append("/staffel-")
                    .append(shown.number()).append("/episode-").append(e.number()).append("'\"><th scope=\"row\" class=\"episode-number-cell\">")
                    .append(e.number()).append("</th><td class=\"episode-title-cell\"><strong class=\"episode-title-ger\">")
                    .append(esc(e.titleDe())).append("</strong><span class=\"episode-title-eng\"> ").append(esc(e.titleEn()))
                    .append(" </span></td><td class=\"episode-watch-cell\"><div class=\"text-end gap-1 d-flex\">");
            for (String hoster : e.hosters()) {
                b.append("<img src=\"/storage/providers/").append(hoster.toLowerCase(java.util.Locale.ROOT))
                        .append(".svg\" alt=\"").append(hoster).append("\" title=\"").append(hoster)
                        .append("\" class=\"watch-link\" width=\"32\" height=\"32\">");
            }
            b.append("<span class=\"text-muted small\" title=\"\"></span></div></td><td class=\"text-end episode-language-cell\">");
            for (Language l : e.languages().stream().sorted().toList()) {
                b.append("<svg class=\"watch-language large svg-flag-").append(LANGS.get(l)[2]).append("\"><use href=\"#icon-flag-")
                        .append(LANGS.get(l)[2]).append("\"></use></svg>");
            }
            b.append("</td></tr>");
        }
        return b.append("</tbody></table></section></body></html>").toString();
    }

    private String episodePage(FakeCatalog.Show s, FakeCatalog.Season season, FakeCatalog.Episode e) {
        StringBuilder b = new StringBuilder("<!doctype html><html><body><h1 class=\"h2 fw-bold mb-1\"> ").append(esc(s.title()))
                .append(" </h1><article><h2 class=\"h4 mb-1\"> S").append(String.format("%02dE%02d", season.number(), e.number()))
                .append(": ").append(esc(e.titleDe())).append(" (").append(esc(e.titleEn())).append(") </h2><div id=\"episode-links\" class=\"row\">");
        List<Language> langs = e.languages().stream().sorted().toList();
        for (Language l : langs) {
            String[] lang = LANGS.get(l);
            b.append("<div class=\"col-12\"><h5> ").append(lang[1]).append(" </h5></div>");
            for (String hoster : e.hosters()) {
                int id = nextLinkId++;
                redirect("/r?t=token" + id, newEmbed(hoster.equals("Provider") ? "VOE" : hoster, id));
                b.append("<div class=\"col-12\"><div class=\"link-wrapper\"><button type=\"button\" class=\"link-box btn\" data-link-id=\"")
                        .append(id).append("\" data-play-url=\"/r?t=token").append(id).append("\" data-auto-embed=\"1\" data-provider-name=\"")
                        .append(hoster).append("\" data-language-label=\"").append(lang[1]).append("\" data-language-id=\"").append(lang[0])
                        .append("\"><span>").append(hoster.equals("Provider") ? "Anbieter" : hoster).append("</span></button></div></div>");
            }
        }
        return b.append("</div></article></body></html>").toString();
    }
}
