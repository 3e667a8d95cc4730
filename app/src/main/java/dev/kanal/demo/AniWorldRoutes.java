package dev.kanal.demo;

import com.sun.net.httpserver.HttpExchange;
import dev.kanal.demo.DemoCatalog.Episode;
import dev.kanal.demo.DemoCatalog.Link;
import dev.kanal.demo.DemoCatalog.Series;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AniWorld's URL scheme on the demo site (below {@code /aniworld}): the A–Z list, series, season,
 * film and episode pages, the {@code /redirect/<id>} link-outs to the hosters and the two AJAX
 * searches. Unknown series, seasons and episodes answer 404 as the real site does.
 */
final class AniWorldRoutes {
    private static final Pattern SERIES = Pattern.compile(
            "/anime/stream/(?<slug>[^/]+)(?:/(?:staffel-(?<season>\\d+)|(?<filme>filme))"
                    + "(?:/(?:episode|film)-(?<ep>\\d+))?)?/?");

    private final DemoCatalog catalog;
    private final AniWorldMarkup markup;
    private final Supplier<String> hosterOrigin;

    AniWorldRoutes(DemoCatalog catalog, AniWorldMarkup markup, Supplier<String> hosterOrigin) {
        this.catalog = catalog;
        this.markup = markup;
        this.hosterOrigin = hosterOrigin;
    }

    void handle(HttpExchange ex, String path, Map<String, String> query) throws IOException {
        if (path.isEmpty() || path.equals("/") || path.equals("/animes-alphabet") || path.equals("/animes")) {
            DemoServer.send(ex, 200, DemoServer.HTML, markup.alphabet());
            return;
        }
        if (path.equals("/neue-episoden")) {
            DemoServer.send(ex, 200, DemoServer.HTML, markup.newEpisodes());
            return;
        }
        if (path.startsWith("/redirect/")) {
            Optional<Link> link = number(path.substring("/redirect/".length())).flatMap(catalog::link);
            if (link.isEmpty()) {
                DemoServer.send(ex, 404, DemoServer.HTML, "<html><body>Link nicht gefunden</body></html>");
                return;
            }
            ex.getResponseHeaders().set("Location", hosterOrigin.get() + "/e/" + link.get().code());
            ex.sendResponseHeaders(302, -1);
            return;
        }
        if (path.equals("/ajax/seriesSearch")) {
            DemoServer.send(ex, 200, "application/json", markup.seriesSearch(query.get("keyword")));
            return;
        }
        if (path.equals("/ajax/search")) {
            Map<String, String> form = DemoServer.form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            DemoServer.send(ex, 200, "application/json", markup.ajaxSearch(form.get("keyword")));
            return;
        }
        Matcher m = SERIES.matcher(path);
        Optional<Series> series = m.matches() ? catalog.series(m.group("slug")) : Optional.empty();
        if (series.isEmpty()) {
            DemoServer.send(ex, 404, DemoServer.HTML, "<html><body><h1>404</h1>Seite nicht gefunden</body></html>");
            return;
        }
        Series s = series.get();
        if (m.group("season") == null && m.group("filme") == null) {
            DemoServer.send(ex, 200, DemoServer.HTML, markup.series(s));
            return;
        }
        int season = m.group("filme") != null ? 0 : Integer.parseInt(m.group("season"));
        if (!s.seasons().contains(season)) {
            DemoServer.send(ex, 404, DemoServer.HTML, "<html><body><h1>404</h1>Staffel nicht gefunden</body></html>");
            return;
        }
        if (m.group("ep") == null) {
            DemoServer.send(ex, 200, DemoServer.HTML, markup.seasonPage(s, season));
            return;
        }
        int number = Integer.parseInt(m.group("ep"));
        Optional<Episode> episode = s.season(season).stream().filter(e -> e.number() == number).findFirst();
        if (episode.isEmpty()) DemoServer.send(ex, 404, DemoServer.HTML, "<html><body><h1>404</h1>Folge nicht gefunden</body></html>");
        else DemoServer.send(ex, 200, DemoServer.HTML, markup.episode(s, episode.get()));
    }

    private static Optional<Integer> number(String s) {
        return s.matches("\\d{1,9}") ? Optional.of(Integer.parseInt(s)) : Optional.empty();
    }
}
