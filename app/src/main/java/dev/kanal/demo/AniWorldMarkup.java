package dev.kanal.demo;

import dev.kanal.demo.DemoCatalog.Episode;
import dev.kanal.demo.DemoCatalog.Link;
import dev.kanal.demo.DemoCatalog.Series;
import dev.kanal.providers.Language;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * The demo catalog as pages in AniWorld's classic layout: the A–Z list, series, season and film
 * tables, episode pages with their hoster lists. Written from the markup contract (element ids,
 * classes, {@code data-*} attributes, flags), so Kanal's real AniWorld parser reads them as it
 * reads the real site. Links are site-relative, as on the real site.
 */
final class AniWorldMarkup {
    private final DemoCatalog catalog;

    AniWorldMarkup(DemoCatalog catalog) {
        this.catalog = catalog;
    }

    String alphabet() {
        StringBuilder b = head("Animes von A bis Z");
        b.append("<div class=\"container\"><div id=\"seriesContainer\" class=\"row\">\n");
        b.append("<div class=\"genre\"><div class=\"seriesGenreList\"><h3>A-Z</h3><ul>\n");
        for (Series s : catalog.series()) {
            b.append("<li><a href=\"/anime/stream/").append(s.slug()).append("\" data-alternative-title=\"")
                    .append(esc(String.join(", ", s.alternatives()))).append("\" title=\"")
                    .append(esc(s.title())).append(" Stream anschauen\">").append(esc(s.title()))
                    .append("</a></li>\n");
        }
        b.append("</ul></div></div></div></div>");
        return foot(b);
    }

    /** {@code /neue-episoden}: each series' last episode, one row per language, as the real list has it. */
    String newEpisodes() {
        StringBuilder b = head("Neue Episoden");
        b.append("<div class=\"container\"><div class=\"newEpisodeList\"><div class=\"rows\">\n");
        for (Series s : catalog.series()) {
            if (s.episodes().isEmpty()) continue;
            Episode e = s.episodes().getLast();
            for (Language l : List.of(Language.GERMAN_DUB, Language.GERMAN_SUB, Language.ENGLISH_SUB)) {
                if (!e.languages().contains(l)) continue;
                b.append("<div class=\"col-md-12\"><div class=\"row\"><div class=\"col-md-12\"><a href=\"")
                        .append(episodePath(s, e)).append("\"><strong>").append(esc(s.title()))
                        .append("</strong><span class=\"listTag bigListTag blue2\">")
                        .append(String.format("S%02d E%02d", e.season(), e.number())).append("</span></a>")
                        .append("<img class=\"flag\" src=\"data:image/png;base64,AAAA\" data-src=\"/public/img/")
                        .append(flagFile(l)).append("\" title=\"").append(flagTitle(l))
                        .append("\"></div></div></div>\n");
            }
        }
        b.append("</div></div></div>");
        return foot(b);
    }

    /** The series page shows its first numbered season, like the real one. */
    String series(Series s) {
        int shown = s.seasons().stream().filter(n -> n > 0).findFirst().orElse(0);
        return seasonPage(s, shown);
    }

    String seasonPage(Series s, int season) {
        StringBuilder b = head(s.title() + (season == 0 ? " Filme" : " Staffel " + season));
        b.append("<section class=\"seriesContentBox\"><div class=\"container\">\n");
        b.append("<div class=\"series-title\"><h1 title=\"").append(esc(s.title()))
                .append("\" data-alternativetitles=\"").append(esc(String.join(", ", s.alternatives())))
                .append("\"><span>").append(esc(s.title())).append("</span></h1>\n");
        b.append("<small><span itemprop=\"startDate\"><a href=\"/animes/jahr/").append(s.year()).append("\">")
                .append(s.year()).append("</a></span> - <span itemprop=\"endDate\"><a>Heute</a></span></small></div>\n");
        b.append("<p class=\"seri_des\" itemprop=\"accountablePerson\" data-description-type=\"review\" "
                + "data-full-description=\"").append(esc(s.description())).append("\">")
                .append(esc(s.description())).append("</p>\n");
        b.append("<div id=\"stream\" class=\"hosterSiteDirectNav\"><ul>\n<li><span><strong>Staffeln:</strong></span></li>\n");
        for (int n : s.seasons()) {
            String label = n == 0 ? "Filme" : Integer.toString(n);
            b.append("<li><a").append(n == season ? " class=\"active\"" : "").append(" href=\"")
                    .append(seasonPath(s, n)).append("\" title=\"").append(n == 0 ? "Alle Filme" : "Staffel " + n)
                    .append("\">").append(label).append("</a></li>\n");
        }
        b.append("</ul>\n<ul>\n<li><span><strong>Episoden:</strong></span></li>\n");
        for (Episode e : s.season(season)) {
            b.append("<li><a href=\"").append(episodePath(s, e)).append("\" data-episode-id=\"")
                    .append(episodeId(s, e)).append("\">").append(e.number()).append("</a></li>\n");
        }
        b.append("</ul></div>\n");
        b.append("<table class=\"seasonEpisodesList\" data-season-id=\"").append(season).append("\">\n<thead><tr>"
                + "<th>Folge</th><th>Titel</th><th>Stream</th><th>Sprache</th></tr></thead>\n<tbody id=\"season")
                .append(season).append("\">\n");
        for (Episode e : s.season(season)) {
            String href = episodePath(s, e);
            b.append("<tr class=\"\" data-episode-id=\"").append(episodeId(s, e))
                    .append("\" data-episode-season-id=\"").append(e.number())
                    .append("\" itemprop=\"episode\" itemscope itemtype=\"http://schema.org/Episode\">\n");
            b.append("<td class=\"season").append(season).append("EpisodeID\"><meta itemprop=\"episodeNumber\" content=\"")
                    .append(e.number()).append("\"><a itemprop=\"url\" href=\"").append(href).append("\">")
                    .append(season == 0 ? "Film " : "Folge ").append(e.number()).append("</a></td>\n");
            b.append("<td class=\"seasonEpisodeTitle\"><a href=\"").append(href).append("\"><strong>")
                    .append(esc(e.titleDe())).append("</strong> - <span>").append(esc(e.titleEn()))
                    .append("</span></a></td>\n<td>");
            // like the real table: the icons of every hoster the episode has, in any language
            for (DemoCatalog.DemoHoster h : catalog.linksOf(s, e).stream().map(Link::hoster).distinct().toList()) {
                b.append("<a href=\"").append(href).append("\"><i class=\"icon ").append(h.label())
                        .append("\" title=\"").append(h.label()).append("\"></i></a>");
            }
            b.append("</td>\n<td class=\"editFunctions\">");
            for (Language l : List.of(Language.GERMAN_DUB, Language.GERMAN_SUB, Language.ENGLISH_SUB)) {
                if (!e.languages().contains(l)) continue;
                b.append("<img class=\"flag\" src=\"/public/img/").append(flagFile(l)).append("\" title=\"")
                        .append(flagTitle(l)).append("\">");
            }
            b.append("</td>\n</tr>\n");
        }
        b.append("</tbody></table>\n</div></section>");
        return foot(b);
    }

    String episode(Series s, Episode e) {
        StringBuilder b = head(s.title() + " " + (e.season() == 0 ? "Film " + e.number()
                : "Staffel " + e.season() + " Folge " + e.number()));
        b.append("<div class=\"series-title\"><h1><span>").append(esc(s.title())).append("</span></h1></div>\n");
        b.append("<div class=\"hosterSiteTitle\" data-episode-id=\"").append(episodeId(s, e))
                .append("\"><h2><span class=\"episodeGermanTitle\">").append(esc(e.titleDe()))
                .append("</span> <small class=\"episodeEnglishTitle\">").append(esc(e.titleEn()))
                .append("</small></h2></div>\n");
        b.append("<div class=\"changeLanguageBox\">");
        for (Language l : List.of(Language.GERMAN_DUB, Language.ENGLISH_SUB, Language.GERMAN_SUB)) {
            if (!e.languages().contains(l)) continue;
            b.append("<img data-lang-key=\"").append(langKey(l)).append("\" src=\"/public/img/")
                    .append(flagFile(l)).append("\" alt=\"").append(flagTitle(l)).append("\" title=\"")
                    .append(flagTitle(l)).append("\"").append(l == Language.GERMAN_DUB ? " class=\"selectedLanguage\"" : "")
                    .append(">");
        }
        b.append("</div>\n<div class=\"hosterSiteVideo\">\n<ul class=\"row\">\n");
        for (Link link : catalog.linksOf(s, e)) {
            boolean hidden = link.language() != Language.GERMAN_DUB;
            b.append("<li class=\"col-md-3 col-xs-12 col-sm-6 episodeLink").append(link.id())
                    .append("\" data-lang-key=\"").append(langKey(link.language())).append("\" data-link-id=\"")
                    .append(link.id()).append("\" data-link-target=\"/redirect/").append(link.id())
                    .append("\" data-external-embed=\"false\"").append(hidden ? " style=\"display: none;\"" : "")
                    .append(">\n<div><a class=\"watchEpisode\" itemprop=\"url\" href=\"/redirect/").append(link.id())
                    .append("\" target=\"_blank\"><i class=\"icon ").append(link.hoster().label())
                    .append("\" title=\"Hoster ").append(link.hoster().label()).append("\"></i><h4>")
                    .append(link.hoster().label()).append("</h4><div class=\"hosterSiteVideoButton\">Video öffnen</div>"
                            + "</a></div>\n</li>\n");
        }
        b.append("</ul>\n<div class=\"inSiteWebStream\"></div>\n</div>");
        return foot(b);
    }

    /** {@code /ajax/seriesSearch}: a JSON array of {name, link (bare slug), productionYear}. */
    String seriesSearch(String keyword) {
        StringBuilder b = new StringBuilder("[");
        for (Series s : matching(keyword)) {
            if (b.length() > 1) b.append(',');
            b.append("{\"name\":\"").append(json(s.title())).append("\",\"link\":\"").append(s.slug())
                    .append("\",\"productionYear\":\"").append(s.year()).append(" - Heute\"}");
        }
        return b.append(']').toString();
    }

    /** {@code POST /ajax/search}: series hits with title and link. */
    String ajaxSearch(String keyword) {
        StringBuilder b = new StringBuilder("[");
        for (Series s : matching(keyword)) {
            if (b.length() > 1) b.append(',');
            b.append("{\"title\":\"").append(json(s.title())).append("\",\"description\":\"")
                    .append(json(s.description())).append("\",\"link\":\"/anime/stream/").append(s.slug()).append("\"}");
        }
        return b.append(']').toString();
    }

    private List<Series> matching(String keyword) {
        String k = keyword == null ? "" : keyword.toLowerCase(java.util.Locale.ROOT).strip();
        return catalog.series().stream()
                .filter(s -> !k.isEmpty() && (s.title().toLowerCase(java.util.Locale.ROOT).contains(k)
                        || s.alternatives().stream().anyMatch(a -> a.toLowerCase(java.util.Locale.ROOT).contains(k))))
                .toList();
    }

    static String seasonPath(Series s, int season) {
        return "/anime/stream/" + s.slug() + (season == 0 ? "/filme" : "/staffel-" + season);
    }

    static String episodePath(Series s, Episode e) {
        return seasonPath(s, e.season()) + (e.season() == 0 ? "/film-" : "/episode-") + e.number();
    }

    private static int episodeId(Series s, Episode e) {
        return 10_000 + Math.abs(s.slug().hashCode() % 1000) * 10 + e.season() * 100 + e.number();
    }

    static String langKey(Language l) {
        return switch (l) {
            case GERMAN_DUB -> "1";
            case ENGLISH_SUB -> "2";
            case GERMAN_SUB -> "3";
            case ENGLISH_DUB -> "4";
        };
    }

    private static String flagFile(Language l) {
        return switch (l) {
            case GERMAN_DUB -> "german.svg";
            case GERMAN_SUB -> "japanese-german.svg";
            case ENGLISH_SUB -> "japanese-english.svg";
            case ENGLISH_DUB -> "english.svg";
        };
    }

    private static String flagTitle(Language l) {
        return switch (l) {
            case GERMAN_DUB -> "Deutsch/German";
            case GERMAN_SUB -> "Mit deutschem Untertitel";
            case ENGLISH_SUB -> "Mit englischem Untertitel";
            case ENGLISH_DUB -> "Englisch";
        };
    }

    private StringBuilder head(String title) {
        return new StringBuilder("<!doctype html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append(" | AniWorld Demo</title></head>\n<body><header><a class=\"logo\" href=\"/\">Kanal Demo (AniWorld layout)</a></header>\n");
    }

    private static String foot(StringBuilder b) {
        return b.append("\n<footer>Kanal offline demo: invented titles, generated test clips.</footer></body></html>\n")
                .toString();
    }

    static String esc(String s) {
        return Entities.escape(s == null ? "" : s);
    }

    static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
