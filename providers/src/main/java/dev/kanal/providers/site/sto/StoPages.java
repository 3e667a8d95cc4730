package dev.kanal.providers.site.sto;

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
 * Pure parsing of s.to "Version 2" pages (research §2.3–2.7). Nothing here fetches.
 *
 * <p>Over 300 lines for the same reason as AniWorldPages: one selector block per page kind.
 */
final class StoPages {
    // --- catalogue /serien ---
    /** li.series-item[data-search] > a; data-search is the lowercased title plus alternatives. */
    static final String CATALOGUE_ENTRY = "li.series-item > a[href^=/serie/]";

    // --- series and season pages ---
    /** Whitespace-padded and HTML-escaped ("It&#039;s"); the only h1 on the page. */
    static final String TITLE = "h1";
    /** The meta line right after the h1: start year link, end year span ("NA" = ongoing), FSK, IMDb. */
    static final String YEAR = "a[href*=/jahr/]";
    static final String IMDB = "a[href*=imdb.com/title/]";
    static final String DESCRIPTION = "div.series-description span.description-text";
    static final String META_DESCRIPTION = "meta[name=description]";
    static final String SEASON_PILLS = "nav#season-nav a[data-season-pill]";
    static final String ACTIVE_PILL = "nav#season-nav a[data-season-pill].bg-primary";
    static final String EPISODE_TABLE = "table.episode-table";
    /** The link is only in onclick="window.location='…'", not in an anchor. */
    static final String EPISODE_ROWS = "tbody tr.episode-row, tbody tr[onclick*=/episode-]";
    static final String EPISODE_NUMBER = "th.episode-number-cell, .episode-number-cell";
    static final String EPISODE_TITLE_DE = ".episode-title-ger";
    static final String EPISODE_TITLE_EN = ".episode-title-eng";
    /** Flag classes per row: svg-flag-german, -english, -english-german (research §2.6). */
    static final String ROW_FLAGS = "td.episode-language-cell svg[class*=svg-flag-], .episode-language-cell [class*=svg-flag-]";
    /** Hoster logos of a table row: {@code alt}/{@code title} name them, the file name too (research §2.5). */
    static final String ROW_HOSTERS = "td.episode-watch-cell img.watch-link, .episode-watch-cell img";
    private static final Pattern PROVIDER_FILE = Pattern.compile("/providers/(?<name>[^/.?]+)\\.\\w+");
    /** Numbers only, used when the table is missing. */
    static final String EPISODE_NAV = "nav#episode-nav a[href*=/episode-]";

    // --- episode page ---
    /** Real attribute order: link-id, play-url, auto-embed, provider-name, language-label, language-id. */
    static final String HOSTER_BUTTONS = "button[data-play-url]";
    static final String EPISODE_LINKS = "#episode-links";
    /** "S01E01: Deutscher Titel (English Title)". */
    static final String EPISODE_HEADING = "article h2";
    /** s.to's nameless hoster; the real one is known only after the link-out. */
    static final String PLACEHOLDER_HOSTER = "Provider";

    private static final Pattern EPISODE_IN_HREF = Pattern.compile("/episode-(?<n>\\d+)");
    /** {@code /serie/<slug>/staffel-N/episode-M}, relative or absolute (v1's {@code /serie/stream/} too). */
    private static final Pattern EPISODE_LINK = Pattern.compile(
            "/serie/(?:stream/)?(?<slug>[^/?#]+)/staffel-(?<s>\\d+)/episode-(?<e>\\d+)");
    /** Rows of {@code /neue-episoden} (research §2.2: {@code table.new-episodes-table tbody tr}). */
    static final String NEW_EPISODE_LINKS = "table.new-episodes-table tbody tr a[href*=/serie/]";
    private static final Pattern SEASON_IN_HREF = Pattern.compile("/staffel-(?<n>\\d+)/?$");
    private static final Pattern IMDB_ID = Pattern.compile("(?<id>tt\\d{5,10})");
    private static final Pattern HEADING =
            Pattern.compile("S\\d+\\s*E\\d+:\\s*(?<de>.*?)\\s*(?:\\((?<en>[^()]*)\\))?\\s*$");
    private static final Pattern SEASON_HEADING = Pattern.compile("Staffel\\s+(?<n>\\d+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoPages() {}

    record SeriesPage(TitleRef title, String description, List<Integer> seasons, Optional<Integer> shownSeason) {}

    record EpisodePage(String titleDe, String titleEn, Set<Language> languages, List<HosterLink> links) {}

    /** Streams /serien into {@code sink}; each finished list item is dropped after use. */
    static int catalogue(InputStream body, URI url, Consumer<TitleRef> sink) throws IOException {
        return CatalogueStream.read(body, url, StoPages::catalogueEntry, sink, CATALOGUE_ENTRY);
    }

    private static Optional<TitleRef> catalogueEntry(Element a) {
        Element li = a.parent();
        if (li == null || !li.nameIs("li")) return Optional.empty();
        Optional<String> slug = StoUrls.seriesSlug(a.attr("href"));
        Optional<String> title = Markup.clean(a.text());
        if (slug.isEmpty() || title.isEmpty()) return Optional.empty();
        List<String> alts = new ArrayList<>(Markup.alternatives(a.attr("data-alternative-title"), title.get()));
        // data-search is one lowercase string (title + alternatives, space-joined): kept whole for matching
        Markup.clean(li.attr("data-search"))
                .filter(s -> !s.equalsIgnoreCase(title.get()))
                .ifPresent(alts::add);
        return Optional.of(new TitleRef(SiteId.STO, slug.get(), title.get(), alts, null, TitleKind.SERIES,
                ExternalIds.NONE, null));
    }

    static SeriesPage series(Document doc, URI url, String slug) {
        Element h1 = Markup.required(doc, TITLE, url, "series title");
        String title = Markup.clean(h1.text()).orElseThrow(() -> Markup.changed(url, "series title text", TITLE));
        Integer year = Markup.text(doc, YEAR).flatMap(Markup::year).orElse(null);
        String imdb = Optional.ofNullable(doc.selectFirst(IMDB))
                .map(a -> IMDB_ID.matcher(a.attr("href")))
                .filter(Matcher::find).map(m -> m.group("id")).orElse(null);
        String description = Markup.text(doc, DESCRIPTION)
                .or(() -> Markup.attr(doc, META_DESCRIPTION, "content")).orElse(null);
        TitleRef ref = new TitleRef(SiteId.STO, slug, title, List.of(), year, TitleKind.SERIES,
                new ExternalIds(imdb, null, null), null);
        return new SeriesPage(ref, description, seasons(doc), shownSeason(doc, url));
    }

    private static List<Integer> seasons(Document doc) {
        Set<Integer> seasons = new TreeSet<>();
        for (Element pill : doc.select(SEASON_PILLS)) {
            number(pill.attr("data-season-pill")).ifPresent(seasons::add);
        }
        if (seasons.isEmpty()) {
            for (Element a : doc.select("a[href*=/staffel-]")) {
                Matcher m = SEASON_IN_HREF.matcher(a.attr("href"));
                if (m.find()) seasons.add(Integer.parseInt(m.group("n")));
            }
        }
        return List.copyOf(seasons);
    }

    private static Optional<Integer> shownSeason(Document doc, URI url) {
        Optional<Integer> pill = Markup.attr(doc, ACTIVE_PILL, "data-season-pill").flatMap(StoPages::number);
        if (pill.isPresent()) return pill;
        Optional<Integer> heading = Markup.text(doc, "section.episode-section h2")
                .map(SEASON_HEADING::matcher).filter(Matcher::find).map(m -> Integer.parseInt(m.group("n")));
        if (heading.isPresent()) return heading;
        Matcher m = SEASON_IN_HREF.matcher(url.getPath() == null ? "" : url.getPath());
        return m.find() ? Optional.of(Integer.parseInt(m.group("n"))) : Optional.empty();
    }

    /** The episode table of the season a page shows; falls back to the episode nav (numbers only). */
    static List<EpisodeRef> season(Document doc, URI url, int season) {
        Element table = doc.selectFirst(EPISODE_TABLE);
        List<EpisodeRef> episodes = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        if (table == null) {
            List<Element> nav = doc.select(EPISODE_NAV);
            if (nav.isEmpty() && doc.selectFirst("nav#episode-nav") == null) {
                throw Markup.changed(url, "episode table", EPISODE_TABLE + " " + EPISODE_ROWS);
            }
            for (Element a : nav) {
                Matcher m = EPISODE_IN_HREF.matcher(a.attr("href"));
                if (m.find() && numbers.add(Integer.parseInt(m.group("n")))) {
                    episodes.add(new EpisodeRef(season, Integer.parseInt(m.group("n")), null, null, Set.of()));
                }
            }
            return episodes;
        }
        for (Element row : table.select(EPISODE_ROWS)) {
            Optional<Integer> number = Markup.text(row, EPISODE_NUMBER).flatMap(StoPages::number)
                    .or(() -> Optional.of(EPISODE_IN_HREF.matcher(row.attr("onclick")))
                            .filter(Matcher::find).map(m -> Integer.parseInt(m.group("n"))));
            if (number.isEmpty() || number.get() < 1 || !numbers.add(number.get())) continue;
            Set<Language> languages = EnumSet.noneOf(Language.class);
            for (Element flag : row.select(ROW_FLAGS)) {
                for (String cls : flag.classNames()) flagLanguage(cls).ifPresent(languages::add);
            }
            List<String> hosters = new ArrayList<>();
            for (Element img : row.select(ROW_HOSTERS)) logoName(img).ifPresent(hosters::add);
            episodes.add(new EpisodeRef(season, number.get(), Markup.text(row, EPISODE_TITLE_DE).orElse(null),
                    Markup.text(row, EPISODE_TITLE_EN).orElse(null), languages, HosterHints.ofRow(languages, hosters)));
        }
        return episodes;
    }

    /**
     * {@code /neue-episoden}: the episodes the table links, with the row's language when it shows a
     * flag. A page without the table is a markup change.
     */
    static List<RecentEpisode> newEpisodes(Document doc, URI url) {
        if (doc.selectFirst("table.new-episodes-table") == null) {
            throw Markup.changed(url, "new episodes table", "table.new-episodes-table");
        }
        List<RecentEpisode> out = new ArrayList<>();
        Set<RecentEpisode> seen = new HashSet<>();
        for (Element a : doc.select(NEW_EPISODE_LINKS)) {
            Matcher m = EPISODE_LINK.matcher(a.attr("href"));
            if (!m.find() || Integer.parseInt(m.group("e")) < 1) continue;
            Element row = a.closest("tr");
            Language language = null;
            if (row != null) {
                for (Element flag : row.select("[class*=svg-flag-]")) {
                    for (String cls : flag.classNames()) language = flagLanguage(cls).orElse(language);
                }
            }
            RecentEpisode recent = new RecentEpisode(new EpisodeAddress(SiteId.STO, m.group("slug"),
                    Integer.parseInt(m.group("s")), Integer.parseInt(m.group("e"))), language);
            if (seen.add(recent)) out.add(recent);
        }
        return out;
    }

    /** A hoster logo's name: {@code alt}, else {@code title}, else the logo's file name. */
    static Optional<String> logoName(Element img) {
        return Markup.clean(img.attr("alt")).or(() -> Markup.clean(img.attr("title")))
                .or(() -> Optional.of(PROVIDER_FILE.matcher(img.attr("src"))).filter(Matcher::find)
                        .map(m -> m.group("name")));
    }

    static Optional<Language> flagLanguage(String cssClass) {
        return switch (cssClass.toLowerCase(Locale.ROOT)) {
            case "svg-flag-german" -> Optional.of(Language.GERMAN_DUB);
            case "svg-flag-english" -> Optional.of(Language.ENGLISH_DUB);
            case "svg-flag-english-german" -> Optional.of(Language.GERMAN_SUB);
            case "svg-flag-english-english" -> Optional.of(Language.ENGLISH_SUB);
            default -> Optional.empty();
        };
    }

    /** The label is the primary key (the German-sub id was never observed); the id is the fallback. */
    static Optional<Language> buttonLanguage(String label, String id) {
        String l = label == null ? "" : label.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        Optional<Language> byLabel = switch (l) {
            case "deutsch", "german", "deutschdub", "germandub" -> Optional.of(Language.GERMAN_DUB);
            case "englisch", "english", "englishdub" -> Optional.of(Language.ENGLISH_DUB);
            case "gersub", "deutschsub", "germansub", "deutscheuntertitel", "deutschuntertitel",
                 "germansubtitle" -> Optional.of(Language.GERMAN_SUB);
            case "engsub", "englishsub", "englischsub", "englischeuntertitel" -> Optional.of(Language.ENGLISH_SUB);
            default -> Optional.empty();
        };
        if (byLabel.isPresent()) return byLabel;
        return switch (id == null ? "" : id.trim()) {
            case "1" -> Optional.of(Language.GERMAN_DUB);
            case "2" -> Optional.of(Language.ENGLISH_DUB);
            case "3" -> Optional.of(Language.GERMAN_SUB);
            default -> Optional.empty();
        };
    }

    /** The subtitle half of a 2026 button: {@code data-subtitle-label} or {@code data-subtitle-language}; empty when none. */
    private static String subtitleOf(Element b) {
        for (String attr : List.of("data-subtitle-label", "data-subtitle-language", "data-subtitles")) {
            if (b.hasAttr(attr)) return b.attr(attr);
        }
        return "";
    }

    /**
     * Since 2026 s.to states a stream as an (audio, subtitles) pair, in attributes
     * ({@code data-language-label="Japanisch" data-subtitle-label="Deutsch"}) or in the label itself
     * ({@code Japanisch | Untertitel: Deutsch}, {@code Englisch (Deutsch Untertitel)},
     * {@code Audio: Englisch, Untertitel: Englisch}). Subtitles in German make {@link Language#GERMAN_SUB},
     * in English {@link Language#ENGLISH_SUB}; without subtitles the audio decides. Empty when the
     * button uses none of these forms (the older label-only form then applies).
     */
    static Optional<Language> pairLanguage(String label, String subtitleAttr) {
        String audio = label == null ? "" : label;
        String subs = subtitleAttr == null ? "" : subtitleAttr;
        Matcher inLabel = LABEL_PAIR.matcher(audio);
        if (subs.isBlank() && inLabel.find()) {
            subs = inLabel.group("subs1") != null ? inLabel.group("subs1")
                    : inLabel.group("subs2") != null ? inLabel.group("subs2") : inLabel.group("subs3");
            audio = inLabel.group("audio");
        } else if (subs.isBlank()) {
            return Optional.empty();
        }
        String a = languageWord(audio);
        String t = languageWord(subs);
        if (t.equals("de")) return a.equals("de") ? Optional.of(Language.GERMAN_DUB) : Optional.of(Language.GERMAN_SUB);
        if (t.equals("en")) return a.equals("de") ? Optional.of(Language.GERMAN_DUB) : Optional.of(Language.ENGLISH_SUB);
        if (t.equals("none")) {
            if (a.equals("de")) return Optional.of(Language.GERMAN_DUB);
            if (a.equals("en")) return Optional.of(Language.ENGLISH_DUB);
        }
        return Optional.empty();
    }

    /** {@code Audio: X, Untertitel: Y}, {@code X | Untertitel: Y}, {@code X (Y Untertitel)}, {@code X / Y-Sub}. */
    private static final Pattern LABEL_PAIR = Pattern.compile(
            "^(?:audio:\\s*)?(?<audio>[\\p{L}-]+)\\s*(?:[,|/]\\s*(?:untertitel|subtitles?|sub):\\s*(?<subs1>[\\p{L}-]+)"
                    + "|\\(\\s*(?<subs2>[\\p{L}]+)e?[rn]?\\s+(?:untertitel|sub|subs|subtitles)\\s*\\)"
                    + "|\\s*/\\s*(?<subs3>[\\p{L}]+)[-\\s]?sub)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static String languageWord(String word) {
        String w = word == null ? "" : word.toLowerCase(Locale.ROOT).replaceAll("[^a-zäöü]", "");
        if (w.isEmpty() || w.equals("keine") || w.equals("none") || w.equals("ohne")) return "none";
        if (w.startsWith("deutsch") || w.startsWith("german") || w.equals("ger") || w.equals("de")) return "de";
        if (w.startsWith("englisch") || w.startsWith("english") || w.equals("eng") || w.equals("en")) return "en";
        if (w.startsWith("japan") || w.equals("jap") || w.equals("ja")) return "ja";
        return "other";
    }

    static EpisodePage episode(Document doc, URI url, SiteAddress address) {
        Element scope = doc.selectFirst(EPISODE_LINKS);
        List<Element> buttons = (scope != null ? scope : doc).select(HOSTER_BUTTONS);
        if (scope == null && buttons.isEmpty()) {
            throw Markup.changed(url, "hoster buttons", EPISODE_LINKS + " " + HOSTER_BUTTONS);
        }
        Set<Language> languages = EnumSet.noneOf(Language.class);
        List<HosterLink> links = new ArrayList<>();
        for (Element b : buttons) {
            Optional<String> play = Markup.clean(b.attr("data-play-url"));
            Optional<Language> language = pairLanguage(b.attr("data-language-label"), subtitleOf(b))
                    .or(() -> buttonLanguage(b.attr("data-language-label"), b.attr("data-language-id")));
            if (play.isEmpty() || language.isEmpty()) continue;
            // keep the "Provider" placeholder: the hoster is then chosen by the embed URL
            String hoster = Markup.clean(b.attr("data-provider-name"))
                    .or(() -> Markup.attr(b, "img[alt]", "alt")).orElse(PLACEHOLDER_HOSTER);
            languages.add(language.get());
            links.add(new HosterLink(hoster, language.get(), address.resolve(play.get())));
        }
        String de = null;
        String en = null;
        Optional<Matcher> heading = Markup.text(doc, EPISODE_HEADING).map(HEADING::matcher).filter(Matcher::find);
        if (heading.isPresent()) {
            de = Markup.clean(heading.get().group("de")).orElse(null);
            en = Markup.clean(heading.get().group("en")).orElse(null);
        }
        return new EpisodePage(de, en, languages, links);
    }

    /** {@code /api/search/suggest}: {"shows":[{"name","url"}], …}; names may carry {@code <em>}. */
    static List<TitleRef> suggest(String body, URI url) {
        if (body == null || body.isBlank()) return List.of();
        JsonNode root;
        try {
            root = JSON.readTree(body.strip());
        } catch (IOException e) {
            throw Markup.changed(url, "suggest JSON", "$.shows[*]");
        }
        if (!root.has("shows")) throw Markup.changed(url, "suggest shows", "$.shows[*]");
        List<TitleRef> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode show : root.path("shows")) {
            Optional<String> slug = StoUrls.seriesSlug(show.path("url").asText(""));
            Optional<String> name = Markup.clean(Jsoup.parse(show.path("name").asText("")).text());
            if (slug.isEmpty() || name.isEmpty() || !seen.add(slug.get())) continue;
            out.add(new TitleRef(SiteId.STO, slug.get(), name.get(), List.of(), null, TitleKind.SERIES,
                    ExternalIds.NONE, null));
        }
        return out;
    }

    /**
     * Show cards on listing pages (/beliebte-serien, /genre/x, /suche): a.show-card or a.show-cover
     * with the title in img[alt] or a nearby h6[title]. Search repeats every hit in hidden groups,
     * and nested anchors get auto-closed by the parser, so cards are de-duplicated by slug.
     */
    static List<TitleRef> showCards(Document doc) {
        List<TitleRef> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Element a : doc.select("a.show-card[href], a.show-cover[href], div.cover-card a[href^=/serie/]")) {
            if (a.closest(".search-section--episodes") != null) continue;
            Optional<String> slug = StoUrls.anySlug(a.attr("href"));
            if (slug.isEmpty() || seen.contains(slug.get())) continue;
            Optional<String> title = cardTitle(a);
            if (title.isEmpty()) continue;
            seen.add(slug.get());
            out.add(new TitleRef(SiteId.STO, slug.get(), title.get(), List.of(), null, TitleKind.SERIES,
                    ExternalIds.NONE, null));
        }
        return out;
    }

    private static Optional<String> cardTitle(Element a) {
        Optional<String> alt = Markup.attr(a, "img[alt]", "alt");
        if (alt.isPresent()) return alt;
        Element card = a.closest("div.cover-card, div[class*=col-]");
        if (card == null) return Markup.clean(a.text());
        return Markup.attr(card, "h6[title]", "title").or(() -> Markup.text(card, "h6"));
    }

    private static Optional<Integer> number(String s) {
        try {
            return Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
