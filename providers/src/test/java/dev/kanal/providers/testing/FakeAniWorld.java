package dev.kanal.providers.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A fake aniworld.to serving a {@link FakeCatalog} in the classic markup (research §1): the
 * A–Z page, series, season, films and episode pages, {@code /redirect/<id>} link-outs and both
 * AJAX searches. Start with {@code new FakeAniWorld(FakeCatalog.anime(), "")} (or a prefix such as
 * {@code "/aniworld"}), configure {@link #baseUrl()}, close when done.
 */
public final class FakeAniWorld extends FakeSite {
    private static final Map<Language, String> KEYS = Map.of(Language.GERMAN_DUB, "1", Language.ENGLISH_SUB, "2",
            Language.GERMAN_SUB, "3", Language.ENGLISH_DUB, "4");
    private static final Map<Language, String> FLAGS = Map.of(Language.GERMAN_DUB, "german.svg",
            Language.ENGLISH_SUB, "japanese-english.svg", Language.GERMAN_SUB, "japanese-german.svg",
            Language.ENGLISH_DUB, "english.svg");
    private int nextLinkId = 1000;

    public FakeAniWorld(FakeCatalog catalog, String prefix) {
        super(catalog, prefix);
        stubCatalog();
    }

    @Override
    protected void stubCatalog() {
        FakeCatalog catalog = this.catalog;
        html("/animes-alphabet", alphabet());
        html("/neue-episoden", newEpisodes(catalog));
        for (FakeCatalog.Show show : catalog.shows()) {
            html("/anime/stream/" + show.slug(), seriesPage(show, firstSeason(show)));
            for (FakeCatalog.Season season : show.seasons()) {
                String seasonPath = "/anime/stream/" + show.slug() + (season.number() == 0 ? "/filme" : "/staffel-" + season.number());
                html(seasonPath, seriesPage(show, season));
                for (FakeCatalog.Episode e : season.episodes()) {
                    String episodePath = seasonPath + (season.number() == 0 ? "/film-" : "/episode-") + e.number();
                    html(episodePath, episodePage(show, season, e));
                }
            }
            server().stubFor(get(urlPathEqualTo(path("/ajax/seriesSearch")))
                    .withQueryParam("keyword", equalToIgnoreCase(show.title()))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                            "[{\"name\":\"" + show.title().replace("'", "&#039;") + "\",\"link\":\"" + show.slug()
                                    + "\",\"productionYear\":\"(" + show.year() + ")\"}]")));
        }
        // no hits: an empty body rather than [] (Scavengarr's observation)
        server().stubFor(get(urlPathEqualTo(path("/ajax/seriesSearch"))).atPriority(9)
                .willReturn(aResponse().withStatus(200).withBody("")));
        server().stubFor(post(urlPathEqualTo(path("/ajax/search"))).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(catalog.shows().stream()
                        .map(s -> "{\"title\":\"<em>" + s.title() + "</em>\",\"description\":\"\",\"link\":\"/anime/stream/"
                                + s.slug() + "\"}")
                        .collect(Collectors.joining(",", "[", ",{\"title\":\"FAQ\",\"link\":\"/support/faq\"}]")))));
    }

    @Override
    public SiteId id() {
        return SiteId.ANIWORLD;
    }

    private static FakeCatalog.Season firstSeason(FakeCatalog.Show show) {
        return show.seasons().stream().filter(s -> s.number() == 1).findFirst().orElse(show.seasons().getFirst());
    }

    private String alphabet() {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><title>Animes A-Z</title></head><body>"
                + "<div id=\"seriesContainer\" class=\"row\"><div class=\"genre\"><div class=\"seriesGenreList\"><h3>A-Z</h3></div><ul>\n");
        for (FakeCatalog.Show s : catalog.shows()) {
            b.append("<li><a ").append(s.altTitles().isEmpty() ? "" : "data-alternative-title=\""
                            + esc(String.join(", ", s.altTitles())) + "\" ")
                    .append("href=\"/anime/stream/").append(s.slug()).append("\" title=\"").append(esc(s.title()))
                    .append(" Stream anschauen\">").append(esc(s.title())).append("</a></li>\n");
        }
        return b.append("</ul></div></div></body></html>").toString();
    }

    /** Each show's newest episode (last season, last episode), once per language, newest show first. */
    private static String newEpisodes(FakeCatalog catalog) {
        StringBuilder b = new StringBuilder("<!doctype html><html><body><div class=\"newEpisodeList\"><div class=\"rows\">");
        for (FakeCatalog.Show s : catalog.shows().reversed()) {
            FakeCatalog.Season last = s.seasons().getLast();
            if (last.episodes().isEmpty()) continue;
            FakeCatalog.Episode e = last.episodes().getLast();
            String href = "/anime/stream/" + s.slug() + (last.number() == 0 ? "/filme/film-" : "/staffel-" + last.number()
                    + "/episode-") + e.number();
            for (Language l : e.languages().stream().sorted().toList()) {
                b.append("<div class=\"col-md-12\"><div class=\"row\"><div class=\"col-md-12\"><a href=\"").append(href)
                        .append("\"><strong>").append(esc(s.title())).append("</strong><span class=\"listTag bigListTag blue2\">")
                        .append(String.format("S%02d E%02d", last.number(), e.number())).append("</span></a>")
                        .append("<img class=\"flag\" src=\"data:image/png;base64,AAAA\" data-src=\"/public/img/")
                        .append(FLAGS.get(l)).append("\"></div></div></div>");
            }
        }
        return b.append("</div></div></body></html>").toString();
    }

    private String header(FakeCatalog.Show s) {
        return "<section><div class=\"series-title\"><h1 itemprop=\"name\" data-alternativetitles=\""
                + esc(String.join(", ", s.altTitles())) + "\"><span>" + esc(s.title()) + "</span></h1>"
                + "<small> (<span itemprop=\"startDate\"><a href=\"/animes/jahr/" + s.year() + "\">" + s.year()
                + "</a></span>)</small>"
                + (s.imdb() == null ? "" : "<a href=\"https://www.imdb.com/title/" + s.imdb() + "\" data-imdb=\"" + s.imdb()
                + "\" class=\"imdb-link\">IMDB</a>")
                + "</div><p class=\"seri_des\" data-full-description=\"Beschreibung von " + esc(s.title())
                + ".\">Beschreibung…</p></section>";
    }

    private String seriesPage(FakeCatalog.Show s, FakeCatalog.Season shown) {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><title>").append(esc(s.title()))
                .append("</title></head><body>").append(header(s))
                .append("<div class=\"hosterSiteDirectNav\" id=\"stream\"><ul><li><span><strong>Staffeln:</strong></span></li>");
        for (FakeCatalog.Season season : s.seasons()) {
            b.append(season.number() == 0
                    ? "<li><a href=\"/anime/stream/" + s.slug() + "/filme\" title=\"Alle Filme\">Filme</a></li>"
                    : "<li><a href=\"/anime/stream/" + s.slug() + "/staffel-" + season.number() + "\" title=\"Staffel "
                    + season.number() + "\">" + season.number() + "</a></li>");
        }
        b.append("</ul></div><table class=\"seasonEpisodesList\" data-season-id=\"").append(shown.number())
                .append("\"><tbody id=\"season").append(shown.number()).append("\">");
        for (FakeCatalog.Episode e : shown.episodes()) {
            String href = "/anime/stream/" + s.slug() + (shown.number() == 0 ? "/filme/film-" : "/staffel-" + shown.number() + "/episode-") + e.number();
            b.append("<tr data-episode-id=\"").append(e.number()).append("\" itemprop=\"episode\" itemtype=\"http://schema.org/Episode\">")
                    .append("<td><meta itemprop=\"episodeNumber\" content=\"").append(e.number()).append("\"><a itemprop=\"url\" href=\"")
                    .append(href).append("\">Folge ").append(e.number()).append("</a></td>")
                    .append("<td class=\"seasonEpisodeTitle\"><a href=\"").append(href).append("\"><strong>").append(esc(e.titleDe()))
                    .append("</strong> - <span>").append(esc(e.titleEn())).append("</span></a></td><td><a href=\"")
                    .append(href).append("\">");
            for (String hoster : e.hosters()) {
                b.append("<i class=\"icon ").append(hoster).append("\" title=\"").append(hoster).append("\"></i>");
            }
            b.append("</a></td><td class=\"editFunctions\"><a>");
            for (Language l : e.languages()) b.append("<img class=\"flag\" src=\"/public/img/").append(FLAGS.get(l)).append("\">");
            b.append("</a></td></tr>");
        }
        return b.append("</tbody></table></body></html>").toString();
    }

    private String episodePage(FakeCatalog.Show s, FakeCatalog.Season season, FakeCatalog.Episode e) {
        StringBuilder b = new StringBuilder("<!doctype html><html><body>").append(header(s))
                .append("<div class=\"hosterSiteTitle\" data-season=\"").append(season.number()).append("\"><h2><span class=\"episodeGermanTitle\">")
                .append(esc(e.titleDe())).append("</span><small class=\"episodeEnglishTitle\">").append(esc(e.titleEn()))
                .append("</small></h2></div><div class=\"hosterSiteVideo\"><div class=\"changeLanguageBox\">");
        List<Language> langs = e.languages().stream().sorted().toList();
        for (Language l : langs) b.append("<img data-lang-key=\"").append(KEYS.get(l)).append("\" src=\"/public/img/").append(FLAGS.get(l)).append("\">");
        b.append("</div><ul class=\"row\">");
        for (Language l : langs) {
            for (String hoster : e.hosters()) {
                int id = nextLinkId++;
                redirect("/redirect/" + id, newEmbed(hoster, id));
                b.append("<li class=\"col-md-3 episodeLink").append(id).append("\" data-lang-key=\"").append(KEYS.get(l))
                        .append("\" data-link-id=\"").append(id).append("\" data-link-target=\"/redirect/").append(id)
                        .append("\"><div><a class=\"watchEpisode\" href=\"/redirect/").append(id).append("\"><i class=\"icon ")
                        .append(hoster).append("\" title=\"Hoster ").append(hoster).append("\"></i><h4>").append(hoster)
                        .append("</h4></a></div></li>");
            }
        }
        return b.append("</ul></div></body></html>").toString();
    }
}
