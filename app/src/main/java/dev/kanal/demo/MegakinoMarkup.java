package dev.kanal.demo;

import static dev.kanal.demo.AniWorldMarkup.esc;

import dev.kanal.demo.DemoCatalog.Film;
import dev.kanal.demo.DemoCatalog.Link;
import java.net.URI;
import java.util.List;

/**
 * The demo film as a Megakino (DataLife Engine) site: the sitemap that lists it and its film page
 * with the player tabs whose iframes point at the demo hosters.
 */
final class MegakinoMarkup {
    private MegakinoMarkup() {}

    /** {@code /sitemap.xml}: a urlset with the film page's absolute URL. */
    static String sitemap(URI base, Film film) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + "<url><loc>" + base + "/</loc><changefreq>daily</changefreq></url>\n"
                + "<url><loc>" + base + "/films/" + film.slug() + ".html</loc><lastmod>2024-01-15</lastmod>"
                + "<changefreq>weekly</changefreq></url>\n</urlset>\n";
    }

    /** The film page; {@code embeds} are the iframe sources, one tab per link. */
    static String film(Film film, List<Link> links, List<URI> embeds) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(film.title())).append(" (").append(film.year()).append(") Stream - Megakino Demo</title>")
                .append("<meta property=\"og:title\" content=\"").append(esc(film.title())).append("\"></head>\n<body>")
                .append("<div class=\"wrapper\"><main class=\"content\"><div id=\"dle-content\">\n")
                .append("<article class=\"page\" itemscope itemtype=\"http://schema.org/Movie\">\n")
                .append("<div class=\"page__cols\"><div class=\"page__subcols\">\n<h1 itemprop=\"name\">")
                .append(esc(film.title())).append("</h1>\n<div class=\"pmovie__original-title\">")
                .append(esc(film.originalTitle())).append("</div>\n<div class=\"pmovie__year\"><span itemprop=\"dateCreated\">")
                .append(film.year()).append("</span></div>\n")
                .append("<div class=\"page__text full-text\" itemprop=\"description\">").append(esc(film.description()))
                .append("</div>\n</div></div>\n<div class=\"tabs-block\"><div class=\"tabs-block__select\">");
        for (Link link : links) b.append("<span>").append(link.hoster().label()).append("</span>");
        b.append("</div>\n");
        for (URI embed : embeds) {
            b.append("<div class=\"tabs-block__content\"><iframe data-src=\"").append(embed)
                    .append("\" src=\"about:blank\" allowfullscreen></iframe></div>\n");
        }
        return b.append("</div>\n</article></div></main></div></body></html>\n").toString();
    }
}
