package dev.kanal.bench;

/** Generated pages in each site's markup (shapes from research/upstream-markup.md). */
final class Pages {
    private Pages() {}

    static String aniworldCatalogue(int n) {
        StringBuilder b = new StringBuilder("<!doctype html><html><body><div id=\"seriesContainer\" class=\"row\">");
        for (int i = 0; i < n; i++) {
            if (i % 500 == 0) b.append(i == 0 ? "" : "</ul></div>").append("<div class=\"genre\"><div class=\"seriesGenreList\"><h3>")
                    .append(i / 500).append("</h3></div><ul>");
            b.append("<li><a data-alternative-title=\"Alt Title ").append(i).append(", Other Name ").append(i)
                    .append("\" href=\"/anime/stream/show-").append(i).append("\" title=\"Show ").append(i)
                    .append(" Stream anschauen\">Show &#039;").append(i).append("&#039;</a></li>\n");
        }
        return b.append("</ul></div></div></body></html>").toString();
    }

    static String aniworldSeries(int episodes) {
        StringBuilder b = new StringBuilder("<!doctype html><html><body><section><div class=\"series-title\"><h1 data-alternativetitles=\"A, B\"><span>Bench Show</span></h1>"
                + "<small>(<span itemprop=\"startDate\"><a href=\"/animes/jahr/2020\">2020</a></span>)</small>"
                + "<a class=\"imdb-link\" data-imdb=\"tt1234567\" href=\"https://www.imdb.com/title/tt1234567\">IMDB</a></div>"
                + "<p class=\"seri_des\" data-full-description=\"Text.\">Text</p></section><div id=\"stream\"><ul>"
                + "<li><a class=\"active\" href=\"/anime/stream/bench-show/staffel-1\" title=\"Staffel 1\">1</a></li></ul></div>"
                + "<table class=\"seasonEpisodesList\" data-season-id=\"1\"><tbody id=\"season1\">");
        for (int e = 1; e <= episodes; e++) {
            String href = "/anime/stream/bench-show/staffel-1/episode-" + e;
            b.append("<tr data-episode-id=\"").append(e).append("\" itemtype=\"http://schema.org/Episode\"><td><meta itemprop=\"episodeNumber\" content=\"")
                    .append(e).append("\"><a itemprop=\"url\" href=\"").append(href).append("\">Folge ").append(e)
                    .append("</a></td><td class=\"seasonEpisodeTitle\"><a href=\"").append(href).append("\"><strong>Titel ").append(e)
                    .append("</strong> - <span>Title ").append(e).append("</span></a></td><td><i class=\"icon VOE\" title=\"VOE\"></i></td>")
                    .append("<td class=\"editFunctions\"><img class=\"flag\" src=\"/public/img/german.svg\"><img class=\"flag\" src=\"/public/img/japanese-german.svg\"></td></tr>");
        }
        return b.append("</tbody></table></body></html>").toString();
    }

    static String aniworldEpisode(int links) {
        StringBuilder b = new StringBuilder("<!doctype html><html><body><div class=\"hosterSiteTitle\"><h2><span class=\"episodeGermanTitle\">Titel</span>"
                + "<small class=\"episodeEnglishTitle\">Title</small></h2></div><div class=\"hosterSiteVideo\"><div class=\"changeLanguageBox\">"
                + "<img data-lang-key=\"1\"><img data-lang-key=\"2\"><img data-lang-key=\"3\"></div><ul class=\"row\">");
        for (int i = 0; i < links; i++) {
            b.append("<li class=\"col-md-3 episodeLink").append(i).append("\" data-lang-key=\"").append(1 + i % 3).append("\" data-link-id=\"")
                    .append(i).append("\" data-link-target=\"/redirect/").append(i).append("\"><div><a class=\"watchEpisode\" href=\"/redirect/")
                    .append(i).append("\"><i class=\"icon VOE\" title=\"Hoster VOE\"></i><h4>VOE</h4></a></div></li>");
        }
        return b.append("</ul></div></body></html>").toString();
    }

    static String stoCatalogue(int n) {
        StringBuilder b = new StringBuilder("<!doctype html><html><body><ul class=\"series-list small\">");
        for (int i = 0; i < n; i++) {
            b.append("<li class=\"series-item\" data-search=\"show ").append(i).append(" alt ").append(i)
                    .append("\"><a href=\"/serie/show-").append(i).append("\">Show ").append(i).append("</a></li>\n");
        }
        return b.append("</ul></body></html>").toString();
    }

    static String stoSeries(int episodes) {
        StringBuilder b = new StringBuilder("<!doctype html><html><body><h1 class=\"h2\"> Bench Show </h1><p><a href=\"/jahr/2020\">2020</a>"
                + " <a href=\"https://www.imdb.com/title/tt1234567/\">IMDb</a></p><div class=\"series-description\"><span class=\"description-text\">Text</span></div>"
                + "<nav id=\"season-nav\"><a href=\"/serie/bench-show/staffel-1\" class=\"bg-primary\" data-season-pill=\"1\">1</a></nav>"
                + "<table class=\"table episode-table\"><tbody>");
        for (int e = 1; e <= episodes; e++) {
            b.append("<tr class=\"episode-row\" onclick=\"window.location='/serie/bench-show/staffel-1/episode-").append(e)
                    .append("'\"><th class=\"episode-number-cell\">").append(e).append("</th><td><strong class=\"episode-title-ger\">Titel ")
                    .append(e).append("</strong><span class=\"episode-title-eng\">Title ").append(e)
                    .append("</span></td><td class=\"episode-language-cell\"><svg class=\"watch-language svg-flag-german\"></svg>")
                    .append("<svg class=\"watch-language svg-flag-english\"></svg></td></tr>");
        }
        return b.append("</tbody></table></body></html>").toString();
    }

    static String stoEpisode(int links) {
        StringBuilder b = new StringBuilder("<!doctype html><html><body><article><h2 class=\"h4\">S01E01: Titel (Title)</h2><div id=\"episode-links\">");
        for (int i = 0; i < links; i++) {
            boolean de = i % 2 == 0;
            b.append("<div class=\"link-wrapper\"><button type=\"button\" class=\"link-box\" data-link-id=\"").append(i)
                    .append("\" data-play-url=\"/r?t=token").append(i).append("\" data-auto-embed=\"0\" data-provider-name=\"")
                    .append(i % 3 == 0 ? "Provider" : "VOE").append("\" data-language-label=\"").append(de ? "Deutsch" : "Englisch")
                    .append("\" data-language-id=\"").append(de ? 1 : 2).append("\"><span>VOE</span></button></div>");
        }
        return b.append("</div></article></body></html>").toString();
    }

    static String megakinoSitemap(int n) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (int i = 0; i < n; i++) {
            b.append("<url><loc>https://megakino.bench/").append(i % 3 == 0 ? "serials/" : "films/").append(10000 + i)
                    .append("-title-number-").append(i).append(i % 3 == 0 ? "-1-staffel" : "").append(".html</loc><lastmod>2025-12-")
                    .append(10 + i % 18).append("</lastmod></url>\n");
        }
        return b.append("</urlset>").toString();
    }

    static String megakinoFilm(int players) {
        StringBuilder labels = new StringBuilder();
        StringBuilder frames = new StringBuilder();
        for (int i = 0; i < players; i++) {
            labels.append("<span>Voe</span>");
            frames.append("<div class=\"tabs-block__content\"><iframe data-src=\"https://voe.sx/e/code").append(i).append("\"></iframe></div>");
        }
        return "<!doctype html><html><body><div class=\"page__subcols d-flex\"><h1>Bench Movie</h1><div class=\"pmovie__year\"><span itemprop=\"dateCreated\"><a>2024</a></span></div></div>"
                + "<div class=\"page__text full-text\" itemprop=\"description\">Text</div><div class=\"tabs-block\"><div class=\"tabs-block__select\">"
                + labels + "</div>" + frames + "</div></body></html>";
    }

    static String megakinoSerial(int episodes, int hosters) {
        StringBuilder b = new StringBuilder("<!doctype html><html><body><div class=\"page__subcols d-flex\"><h1>Bench Show</h1></div>"
                + "<div class=\"pmovie__series-select\"><select class=\"se-select\">");
        for (int e = 1; e <= episodes; e++) b.append("<option value=\"ep").append(e).append("\">Episode ").append(e).append("</option>");
        b.append("</select>");
        for (int e = 1; e <= episodes; e++) {
            b.append("<select class=\"mr-select\" id=\"ep").append(e).append("\">");
            for (int h = 0; h < hosters; h++) b.append("<option value=\"https://voe.sx/e/e").append(e).append("h").append(h).append("\">Voe</option>");
            b.append("</select>");
        }
        return b.append("</div></body></html>").toString();
    }
}
