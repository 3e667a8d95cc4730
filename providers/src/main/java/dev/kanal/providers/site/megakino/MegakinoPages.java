package dev.kanal.providers.site.megakino;

import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterHints;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import dev.kanal.providers.site.Markup;
import dev.kanal.providers.site.SiteAddress;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Pure parsing of Megakino (DataLife Engine, research §3.3–3.5): sitemaps (streamed with StAX),
 * film and serial pages with their player iframes and per-episode hoster selects, search cards.
 * Megakino is German only: every offer is German Dub.
 */
final class MegakinoPages {
    /** Title: the h1 in the right column, else the microdata name, else og:title. */
    static final String TITLE = "div.page__subcols h1, h1";
    static final String TITLE_META = "meta[itemprop=name], meta[property=og:title]";
    static final String YEAR = "span[itemprop=dateCreated], div.pmovie__year";
    static final String ORIGINAL_TITLE = "div.pmovie__original-title";
    static final String DESCRIPTION = "div.page__text[itemprop=description], div.full-text, [itemprop=description]";
    /** Film players: tab labels and contents pair by position; the wrapper nesting varies. */
    static final String TAB_LABELS = "div.tabs-block__select span";
    static final String TAB_FRAMES = "div.tabs-block__content iframe";
    static final String ANY_FRAME = "iframe[data-src], iframe[src]";
    /** Serials: se-select lists episodes ("ep1"…), one mr-select#epN per episode lists hosters. */
    static final String EPISODE_OPTIONS = "select.se-select option[value]";
    static final String SEARCH_CARDS = "a.poster[href], #dle-content a[href*=/films/], #dle-content a[href*=/serials/]";

    /** The numeric id in front of a slug ("5881-…"). */
    private static final Pattern ID_PREFIX = Pattern.compile("^\\d+-");
    /** A time part followed by Z or ±hh:mm. */
    private static final Pattern LASTMOD_OFFSET = Pattern.compile("T.*(?:Z|[+-]\\d{2}:?\\d{2})$");
    private static final Pattern EPISODE_VALUE = Pattern.compile("ep(?<n>\\d+)");
    private static final Pattern SEASON_IN_SLUG = Pattern.compile("-(?<n>\\d+)-staf+el\\b");
    /** SpeedFiles is dead; its iframes only waste a resolve attempt. */
    private static final Set<String> DEAD_HOSTS = Set.of("speedfiles");

    private MegakinoPages() {}

    record TitlePage(TitleRef title, String description, List<EpisodeRef> episodes, List<HosterLink> movieLinks) {}

    /**
     * Streams a sitemap: film and serial entries go to {@code sink}; child sitemaps of an index are
     * returned for the caller to fetch. Namespace-agnostic; DTDs and external entities are refused.
     */
    static List<URI> sitemap(InputStream body, URI url, Set<String> seen, Consumer<TitleRef> sink) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        List<URI> children = new ArrayList<>();
        boolean sawRoot = false;
        try {
            XMLStreamReader r = factory.createXMLStreamReader(body);
            String loc = null;
            String lastmod = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("urlset") || name.equals("sitemapindex")) sawRoot = true;
                    if (name.equals("url") || name.equals("sitemap")) {
                        loc = null;
                        lastmod = null;
                    }
                    text.setLength(0);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "loc" -> loc = text.toString().trim();
                        case "lastmod" -> lastmod = text.toString().trim();
                        case "sitemap" -> {
                            if (loc != null && !loc.isEmpty()) children.add(URI.create(loc));
                        }
                        case "url" -> entry(loc, lastmod).filter(t -> seen.add(t.slug())).ifPresent(sink);
                        default -> { }
                    }
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException | IllegalArgumentException e) {
            throw Markup.changed(url, "sitemap XML", "urlset/url/loc");
        }
        if (!sawRoot) throw Markup.changed(url, "sitemap root", "urlset | sitemapindex");
        return children;
    }

    static Optional<TitleRef> entry(String loc, String lastmod) {
        return MegakinoUrls.parse(loc).map(p -> new TitleRef(SiteId.MEGAKINO, p.slug(), titleFromSlug(p.slug()),
                List.of(), null, p.kind(), ExternalIds.NONE, lastModified(lastmod)));
    }

    /** "5881-example-show-1-staffel" → "Example Show 1 Staffel"; the page has the real title. */
    static String titleFromSlug(String slug) {
        String words = ID_PREFIX.matcher(slug).replaceFirst("");
        StringBuilder out = new StringBuilder();
        for (String w : words.split("-")) {
            if (w.isEmpty()) continue;
            if (!out.isEmpty()) out.append(' ');
            out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return out.isEmpty() ? slug : out.toString();
    }

    /**
     * lastmod as YYYY-MM-DD, with an offset, or as a local date-time (read as UTC). The shape picks
     * the parser up front: a sitemap has tens of thousands of entries and failed parses are costly.
     */
    static Instant lastModified(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String v = raw.trim();
        try {
            if (v.length() == 10) return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            if (LASTMOD_OFFSET.matcher(v).find()) return OffsetDateTime.parse(v).toInstant();
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static TitlePage title(Document doc, URI url, String slug, TitleKind kindFromUrl, SiteAddress address) {
        String title = Markup.text(doc, TITLE)
                .or(() -> Markup.attr(doc, TITLE_META, "content"))
                .orElseThrow(() -> Markup.changed(url, "title", TITLE));
        Integer year = Markup.text(doc, YEAR).flatMap(Markup::year).orElse(null);
        List<String> alts = Markup.text(doc, ORIGINAL_TITLE).filter(t -> !t.equalsIgnoreCase(title))
                .map(List::of).orElse(List.of());
        String description = Markup.text(doc, DESCRIPTION).orElse(null);
        boolean serial = doc.selectFirst(EPISODE_OPTIONS) != null;
        TitleKind kind = serial ? TitleKind.SERIES : kindFromUrl;
        TitleRef ref = new TitleRef(SiteId.MEGAKINO, slug, title, alts, year, kind, ExternalIds.NONE, null);
        List<EpisodeRef> episodes = new ArrayList<>();
        if (serial) {
            int season = season(slug);
            Set<Integer> numbers = new HashSet<>();
            for (Element option : doc.select(EPISODE_OPTIONS)) {
                Matcher m = EPISODE_VALUE.matcher(option.attr("value"));
                if (!m.find()) continue;
                int n = Integer.parseInt(m.group("n"));
                if (n >= 1 && numbers.add(n)) {
                    Element select = doc.selectFirst("select#ep" + n);
                    List<HosterLink> links = new ArrayList<>();
                    if (select != null) {
                        for (Element o : select.select("option[value]")) {
                            link(o.attr("value"), o.text(), address).ifPresent(links::add);
                        }
                    }
                    episodes.add(new EpisodeRef(season, n, Markup.clean(option.text()).orElse(null), null,
                            Set.of(Language.GERMAN_DUB), HosterHints.ofLinks(links)));
                }
            }
        }
        List<HosterLink> movieLinks = serial ? List.of() : movieLinks(doc, address);
        if (!serial && movieLinks.isEmpty() && kind == TitleKind.MOVIE && doc.selectFirst(ANY_FRAME) == null) {
            throw Markup.changed(url, "player iframes", TAB_FRAMES);
        }
        return new TitlePage(ref, description, episodes, movieLinks);
    }

    /** The season a serial slug names ("…-2-staffel", also the misspelt "…-5-stafffel"); else 1. */
    static int season(String slug) {
        Matcher m = SEASON_IN_SLUG.matcher(slug);
        return m.find() ? Integer.parseInt(m.group("n")) : 1;
    }

    private static List<HosterLink> movieLinks(Document doc, SiteAddress address) {
        List<Element> frames = doc.select(TAB_FRAMES);
        List<Element> labels = doc.select(TAB_LABELS);
        boolean paired = !frames.isEmpty() && frames.size() == labels.size();
        if (frames.isEmpty()) frames = doc.select(ANY_FRAME);
        List<HosterLink> links = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Element f = frames.get(i);
            String src = Markup.clean(f.attr("data-src")).or(() -> Markup.clean(f.attr("src"))).orElse(null);
            if (src == null || src.startsWith("about:")) continue;
            String label = paired ? labels.get(i).text() : null;
            link(src, label, address).ifPresent(links::add);
        }
        return links;
    }

    /** The hoster options of one serial episode ({@code select#epN}). */
    static List<HosterLink> episodeLinks(Document doc, URI url, int episode, SiteAddress address) {
        Element select = doc.selectFirst("select#ep" + episode);
        if (select == null) {
            if (doc.selectFirst(EPISODE_OPTIONS) == null) throw Markup.changed(url, "episode select", EPISODE_OPTIONS);
            throw Markup.changed(url, "hoster select of episode " + episode, "select#ep" + episode);
        }
        List<HosterLink> links = new ArrayList<>();
        for (Element option : select.select("option[value]")) {
            link(option.attr("value"), option.text(), address).ifPresent(links::add);
        }
        return links;
    }

    private static Optional<HosterLink> link(String src, String label, SiteAddress address) {
        String s = src.trim();
        if (s.isEmpty() || !(s.startsWith("http") || s.startsWith("//") || s.startsWith("/"))) return Optional.empty();
        URI embed = address.resolve(s); // protocol-relative "//host/…" becomes https:
        String host = embed.getHost() == null ? "" : embed.getHost().toLowerCase(Locale.ROOT);
        if (DEAD_HOSTS.stream().anyMatch(host::contains)) return Optional.empty();
        return Optional.of(new HosterLink(hosterName(label, host), Language.GERMAN_DUB, embed));
    }

    /** "Stream in HD" is Megakino's label for GXPlayer; a missing label falls back to the host. */
    static String hosterName(String label, String host) {
        Optional<String> l = Markup.clean(label);
        if (host.contains("gxplayer") || l.filter(x -> x.toLowerCase(Locale.ROOT).startsWith("stream in")).isPresent()) {
            return "GXPlayer";
        }
        if (l.isPresent()) return l.get();
        String[] parts = host.replaceFirst("^www\\.", "").split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : host;
    }

    /** DLE search result cards. */
    static List<TitleRef> searchCards(Document doc) {
        List<TitleRef> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Element a : doc.select(SEARCH_CARDS)) {
            Optional<MegakinoUrls.Parsed> parsed = MegakinoUrls.parse(a.attr("href"));
            if (parsed.isEmpty() || !seen.add(parsed.get().slug())) continue;
            String title = Markup.text(a, ".poster__title, h3").or(() -> Markup.attr(a, "img[alt]", "alt"))
                    .orElse(titleFromSlug(parsed.get().slug()));
            String subtitle = Markup.text(a, ".poster__subtitle").orElse("");
            boolean serial = parsed.get().kind() == TitleKind.SERIES || subtitle.contains("Serien")
                    || title.contains("Staffel");
            out.add(new TitleRef(SiteId.MEGAKINO, parsed.get().slug(), title, List.of(),
                    Markup.year(subtitle).orElse(null), serial ? TitleKind.SERIES : TitleKind.MOVIE,
                    ExternalIds.NONE, null));
        }
        return out;
    }
}
