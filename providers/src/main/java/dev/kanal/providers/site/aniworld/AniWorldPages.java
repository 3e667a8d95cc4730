package dev.kanal.providers.site.aniworld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterHints;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.RecentEpisode;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import dev.kanal.providers.site.CatalogueStream;
import dev.kanal.providers.site.Markup;
import dev.kanal.providers.site.SiteAddress;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Pure parsing of AniWorld's classic layout (research §1): documents in, records out. Required
 * elements missing → {@code MarkupChanged}; optional ones missing → the field stays empty.
 *
 * <p>Over 300 lines because each of AniWorld's five page kinds needs its own handful of selectors;
 * splitting them would scatter the selector constants that document the upstream quirks.
 */
final class AniWorldPages {
    // --- catalogue (/animes-alphabet, /animes) ---
    /** Every title is an anchor inside an li; /animes repeats titles under several genres. */
    static final String CATALOGUE_ENTRY = "li > a[href*=/anime/stream/]";
    /** Comma-separated, may be missing or empty, sometimes with stray quotes. */
    static final String ALT_TITLES_ATTR = "data-alternative-title";

    // --- series page ---
    /** The h1 holds the title in a span and the alternatives in an attribute. */
    static final String SERIES_TITLE = "div.series-title h1";
    static final String SERIES_ALT_TITLES_ATTR = "data-alternativetitles";
    static final String START_YEAR = "span[itemprop=startDate]";
    /** data-imdb carries the id; older pages only have the link. */
    static final String IMDB = "a.imdb-link, a[href*=imdb.com/title/]";
    /** The attribute holds the full text; the element text is cut off with "mehr anzeigen". */
    static final String DESCRIPTION = "p.seri_des";
    /** First ul of #stream: "Filme" (only when the series has films) and numbered seasons. */
    static final String SEASON_LINKS = "#stream ul:first-of-type li a[href], #stream > ul li a[href*=/staffel-], "
            + "#stream > ul li a[href$=/filme]";

    // --- season page ---
    static final String SEASON_TABLE = "table.seasonEpisodesList";
    /** Robust row selector: tbody rows with an episode id or the schema.org type. */
    static final String SEASON_ROWS = "tbody tr[data-episode-id], tbody tr[itemtype*=Episode]";
    static final String EPISODE_NUMBER = "meta[itemprop=episodeNumber]";
    static final String EPISODE_TITLE_DE = "td.seasonEpisodeTitle strong";
    static final String EPISODE_TITLE_EN = "td.seasonEpisodeTitle span";
    /** A static legend on some series (DEVNOTES), yet the best per-row hint without an extra request. */
    static final String ROW_FLAGS = "img.flag";
    /** Hoster icons of a season-table row: {@code i.icon.<Name>} (research §1.5). */
    static final String ROW_HOSTERS = "i.icon";

    // --- episode page ---
    static final String HOSTER_AREA = "div.hosterSiteVideo";
    /** Items for hidden languages carry style="display: none;" but are real: parse all. */
    static final String HOSTER_ITEMS = "li[data-lang-key][data-link-target], li[class*=episodeLink][data-lang-key]";
    static final String LANGUAGE_FLAGS = "div.changeLanguageBox img[data-lang-key]";
    static final String EPISODE_PAGE_TITLE_DE = "div.hosterSiteTitle span.episodeGermanTitle";
    static final String EPISODE_PAGE_TITLE_EN = "div.hosterSiteTitle small.episodeEnglishTitle";

    /** Alternative titles sometimes come wrapped in quotes: 'Attack on Titan'. */
    private static final Pattern STRAY_QUOTES = Pattern.compile("^[\\s'\"]+|[\\s'\"]+$");
    /** {@code /anime/stream/<slug>/staffel-N/episode-M} or {@code /anime/stream/<slug>/filme/film-K}. */
    private static final Pattern EPISODE_LINK = Pattern.compile(
            "/anime/stream/(?<slug>[^/?#]+)/(?:staffel-(?<s>\\d+)/episode-(?<e>\\d+)|filme/film-(?<f>\\d+))");
    /** Episode links of {@code /neue-episoden} (real capture: {@code .newEpisodeList .rows .col-md-12 > a}). */
    static final String NEW_EPISODE_LINKS = ".newEpisodeList a[href*=/anime/stream/]";
    private static final Pattern EPISODE_IN_HREF = Pattern.compile("/(?:episode|film)-(?<n>\\d+)");
    private static final Pattern SEASON_IN_HREF = Pattern.compile("/staffel-(?<n>\\d+)/?$");
    private static final Pattern IMDB_ID = Pattern.compile("(?<id>tt\\d{5,10})");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AniWorldPages() {}

    /** One parsed series page. {@code seasons} lists season numbers, 0 for the films page. */
    record SeriesPage(TitleRef title, String description, List<Integer> seasons) {}

    /** One parsed episode page. */
    record EpisodePage(String titleDe, String titleEn, Set<Language> languages, List<HosterLink> links) {}

    /**
     * Streams the catalogue into {@code sink}: entries are handed over as their elements close and
     * each finished list item is dropped, so a 20,000-entry page never sits in memory whole.
     */
    static int catalogue(InputStream body, URI url, Consumer<TitleRef> sink) throws IOException {
        return CatalogueStream.read(body, url, AniWorldPages::catalogueEntry, sink, CATALOGUE_ENTRY);
    }

    private static Optional<TitleRef> catalogueEntry(Element a) {
        Element parent = a.parent();
        if (parent == null || !parent.nameIs("li")) return Optional.empty();
        Optional<String> slug = AniWorldUrls.seriesSlug(a.attr("href"));
        Optional<String> title = Markup.clean(a.text());
        if (slug.isEmpty() || title.isEmpty()) return Optional.empty();
        List<String> alts = splitAlternatives(a.attr(ALT_TITLES_ATTR), title.get());
        return Optional.of(new TitleRef(SiteId.ANIWORLD, slug.get(), title.get(), alts, null,
                TitleKind.SERIES, ExternalIds.NONE, null));
    }

    static List<String> splitAlternatives(String raw, String title) {
        return Markup.alternatives(raw, title, part -> STRAY_QUOTES.matcher(part).replaceAll(""));
    }

    static SeriesPage series(Document doc, URI url, String slug) {
        Element h1 = Markup.required(doc, SERIES_TITLE, url, "series title");
        String title = Markup.text(h1, "span").or(() -> Markup.clean(h1.text()))
                .orElseThrow(() -> Markup.changed(url, "series title text", SERIES_TITLE + " span"));
        List<String> alts = splitAlternatives(h1.attr(SERIES_ALT_TITLES_ATTR), title);
        Integer year = Markup.text(doc, START_YEAR).flatMap(Markup::year).orElse(null);
        String imdb = imdb(doc).orElse(null);
        String description = Optional.ofNullable(doc.selectFirst(DESCRIPTION))
                .flatMap(p -> Markup.clean(p.attr("data-full-description")).or(() -> Markup.clean(p.ownText())))
                .orElse(null);
        TitleRef ref = new TitleRef(SiteId.ANIWORLD, slug, title, alts, year, TitleKind.SERIES,
                new ExternalIds(imdb, null, null), null);
        return new SeriesPage(ref, description, seasonNumbers(doc));
    }

    private static Optional<String> imdb(Document doc) {
        Element a = doc.selectFirst(IMDB);
        if (a == null) return Optional.empty();
        Matcher m = IMDB_ID.matcher(a.attr("data-imdb") + " " + a.attr("href"));
        return m.find() ? Optional.of(m.group("id")) : Optional.empty();
    }

    private static List<Integer> seasonNumbers(Document doc) {
        Set<Integer> seasons = new TreeSet<>();
        for (Element a : doc.select(SEASON_LINKS)) {
            String href = a.attr("href");
            if (href.contains("/episode-") || href.contains("/film-")) continue;
            if (href.endsWith("/filme") || href.endsWith("/filme/")) {
                seasons.add(0);
                continue;
            }
            Matcher m = SEASON_IN_HREF.matcher(href);
            if (m.find()) seasons.add(Integer.parseInt(m.group("n")));
        }
        return List.copyOf(seasons);
    }

    /** The season the page's table shows, from {@code tbody#seasonN} or the table's data attribute. */
    static Optional<Integer> shownSeason(Document doc) {
        Element table = doc.selectFirst(SEASON_TABLE);
        if (table == null) return Optional.empty();
        Element body = table.selectFirst("tbody[id^=season]");
        String raw = body != null ? body.id().substring("season".length()) : table.attr("data-season-id");
        try {
            return Optional.of(Integer.parseInt(raw.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The episode table of a season page (or of the series page, which shows its first season). */
    static List<EpisodeRef> season(Document doc, URI url, int season) {
        Element table = Markup.required(doc, SEASON_TABLE, url, "episode table");
        List<EpisodeRef> episodes = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (Element row : table.select(SEASON_ROWS)) {
            Optional<Integer> number = episodeNumber(row);
            if (number.isEmpty() || number.get() < 1 || !numbers.add(number.get())) continue;
            String de = Markup.text(row, EPISODE_TITLE_DE).orElse(null);
            String en = Markup.text(row, EPISODE_TITLE_EN).orElse(null);
            Set<Language> languages = EnumSet.noneOf(Language.class);
            for (Element flag : row.select(ROW_FLAGS)) {
                flagLanguage(flag.attr("data-src") + " " + flag.attr("src") + " " + flag.attr("title") + " "
                        + flag.attr("alt")).ifPresent(languages::add);
            }
            List<String> hosters = new ArrayList<>();
            for (Element icon : row.select(ROW_HOSTERS)) iconName(icon).ifPresent(hosters::add);
            episodes.add(new EpisodeRef(season, number.get(), de, en, languages, HosterHints.ofRow(languages, hosters)));
        }
        return episodes;
    }

    /** A hoster icon's name: its title without a leading "Hoster ", else its class besides {@code icon}. */
    static Optional<String> iconName(Element icon) {
        return Markup.clean(icon.attr("title")).map(t -> t.replaceFirst("(?i)^hoster\\s+", ""))
                .filter(t -> !t.isBlank())
                .or(() -> icon.classNames().stream().filter(c -> !c.equals("icon")).findFirst());
    }

    private static Optional<Integer> episodeNumber(Element row) {
        Element meta = row.selectFirst(EPISODE_NUMBER);
        if (meta != null) {
            try {
                return Optional.of(Integer.parseInt(meta.attr("content").trim()));
            } catch (NumberFormatException ignored) {
                // fall through to the link
            }
        }
        for (Element a : row.select("a[href]")) {
            Matcher m = EPISODE_IN_HREF.matcher(a.attr("href"));
            if (m.find()) return Optional.of(Integer.parseInt(m.group("n")));
        }
        try {
            return Optional.of(Integer.parseInt(row.attr("data-episode-season-id").trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code /neue-episoden}: one row per episode and language, the language in the row's flag
     * (its {@code data-src}; {@code src} is a lazy pixel). Rows whose link or flag cannot be read
     * are skipped; a page without the list at all is a markup change.
     */
    static List<RecentEpisode> newEpisodes(Document doc, URI url) {
        if (doc.selectFirst(".newEpisodeList") == null) throw Markup.changed(url, "new episodes list", ".newEpisodeList");
        List<RecentEpisode> out = new ArrayList<>();
        Set<RecentEpisode> seen = new HashSet<>();
        for (Element a : doc.select(NEW_EPISODE_LINKS)) {
            Matcher m = EPISODE_LINK.matcher(a.attr("href"));
            if (!m.find()) continue;
            int season = m.group("f") != null ? 0 : Integer.parseInt(m.group("s"));
            int episode = Integer.parseInt(m.group("f") != null ? m.group("f") : m.group("e"));
            if (episode < 1) continue;
            Element flag = a.parent() == null ? null : a.parent().selectFirst("> img.flag"); // the row's own, not <noscript>
            Language language = flag == null ? null : flagLanguage(flag.attr("data-src") + " " + flag.attr("src") + " "
                    + flag.attr("title") + " " + flag.attr("alt")).orElse(null);
            RecentEpisode recent = new RecentEpisode(new EpisodeAddress(SiteId.ANIWORLD, m.group("slug"), season, episode),
                    language);
            if (seen.add(recent)) out.add(recent);
        }
        return out;
    }

    /** Flag files and titles (research §1.7): the sub variants must be tested before plain german. */
    static Optional<Language> flagLanguage(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("japanese-german") || (t.contains("deutsch") && t.contains("untertitel"))) {
            return Optional.of(Language.GERMAN_SUB);
        }
        if (t.contains("japanese-english") || t.contains("englischem untertitel")) {
            return Optional.of(Language.ENGLISH_SUB);
        }
        if (t.contains("german.svg") || t.contains("deutsche sprache") || t.contains("deutsch/german")) {
            return Optional.of(Language.GERMAN_DUB);
        }
        if (t.contains("english.svg")) return Optional.of(Language.ENGLISH_DUB);
        if (t.contains("englisch")) return Optional.of(Language.ENGLISH_SUB);
        return Optional.empty();
    }

    /** AniWorld's data-lang-key (research §1.7); 4 is only in the newest client's map. */
    static Optional<Language> languageKey(String key) {
        return switch (key.trim()) {
            case "1" -> Optional.of(Language.GERMAN_DUB);
            case "2" -> Optional.of(Language.ENGLISH_SUB);
            case "3" -> Optional.of(Language.GERMAN_SUB);
            case "4" -> Optional.of(Language.ENGLISH_DUB);
            default -> Optional.empty();
        };
    }

    static EpisodePage episode(Document doc, URI url, SiteAddress address) {
        Element area = Markup.required(doc, HOSTER_AREA, url, "hoster list");
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (Element flag : doc.select(LANGUAGE_FLAGS)) {
            languageKey(flag.attr("data-lang-key")).ifPresent(languages::add);
        }
        List<HosterLink> links = new ArrayList<>();
        for (Element li : area.select(HOSTER_ITEMS)) {
            Optional<Language> language = languageKey(li.attr("data-lang-key"));
            String target = Markup.clean(li.attr("data-link-target"))
                    .or(() -> Markup.attr(li, "a.watchEpisode[href], a[href]", "href")).orElse(null);
            Optional<String> hoster = hosterName(li);
            if (language.isEmpty() || target == null || hoster.isEmpty()) continue;
            languages.add(language.get());
            links.add(new HosterLink(hoster.get(), language.get(), address.resolve(target)));
        }
        String de = Markup.text(doc, EPISODE_PAGE_TITLE_DE).orElse(null);
        String en = Markup.text(doc, EPISODE_PAGE_TITLE_EN).orElse(null);
        return new EpisodePage(de, en, languages, links);
    }

    private static Optional<String> hosterName(Element li) {
        return Markup.text(li, "h4")
                .or(() -> Optional.ofNullable(li.selectFirst(ROW_HOSTERS)).flatMap(AniWorldPages::iconName));
    }

    /** {@code GET /ajax/seriesSearch}: [{name, link (bare slug), productionYear}]; empty body = no hits. */
    static List<TitleRef> seriesSearch(String body, URI url) {
        List<TitleRef> out = new ArrayList<>();
        for (JsonNode hit : jsonArray(body, url)) {
            String link = hit.path("link").asText("");
            Optional<String> slug = link.contains("/") ? AniWorldUrls.seriesSlug(link) : Markup.clean(link);
            Optional<String> name = Markup.clean(plain(hit.path("name").asText("")));
            if (slug.isEmpty() || name.isEmpty()) continue;
            Integer year = Markup.year(hit.path("productionYear").asText("")).orElse(null);
            out.add(new TitleRef(SiteId.ANIWORLD, slug.get(), name.get(), List.of(), year, TitleKind.SERIES,
                    ExternalIds.NONE, null));
        }
        return out;
    }

    /** {@code POST /ajax/search}: mixed series, episode and FAQ hits; only series links are kept. */
    static List<TitleRef> ajaxSearch(String body, URI url) {
        List<TitleRef> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode hit : jsonArray(body, url)) {
            Optional<String> slug = AniWorldUrls.seriesSlug(hit.path("link").asText(""));
            Optional<String> title = Markup.clean(plain(hit.path("title").asText("")));
            if (slug.isEmpty() || title.isEmpty() || !seen.add(slug.get())) continue;
            out.add(new TitleRef(SiteId.ANIWORLD, slug.get(), title.get(), List.of(), null, TitleKind.SERIES,
                    ExternalIds.NONE, null));
        }
        return out;
    }

    private static Iterable<JsonNode> jsonArray(String body, URI url) {
        if (body == null || body.isBlank()) return List.of();
        try {
            JsonNode root = JSON.readTree(body.strip());
            if (!root.isArray()) throw Markup.changed(url, "search result array", "$[*]");
            return root;
        } catch (IOException e) {
            throw Markup.changed(url, "search result JSON", "$[*]");
        }
    }

    /** Strips highlight tags ({@code <em>}) and decodes entities. */
    private static String plain(String html) {
        return Jsoup.parse(html).text();
    }
}
