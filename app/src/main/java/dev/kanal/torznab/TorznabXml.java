package dev.kanal.torznab;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes Torznab documents: the caps document and {@code <error>} with a streaming XML writer, the
 * RSS feed (the hot path) by hand with the same escaping, {@code torznab:attr} in the Torznab
 * namespace. Element and
 * attribute names follow what Sonarr, Radarr and Prowlarr parse.
 */
final class TorznabXml {
    static final String TORZNAB_NS = "http://torznab.com/schemas/2015/feed";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    /** RFC 822 as Jackett and Prowlarr emit it, e.g. {@code Sat, 14 Mar 2015 17:10:42 +0000}. */
    static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private TorznabXml() {}

    /** The capabilities: limits, search functions and parameters, categories. */
    static String caps(String version) {
        return write(w -> {
            w.writeStartElement("caps");
            empty(w, "server", "title", "Kanal", "version", version);
            empty(w, "limits", "default", Integer.toString(TorznabQuery.MAX_LIMIT), "max",
                    Integer.toString(TorznabQuery.MAX_LIMIT));
            w.writeStartElement("searching");
            empty(w, "search", "available", "yes", "supportedParams", "q");
            empty(w, "tv-search", "available", "yes", "supportedParams", "q,season,ep,tvdbid,imdbid,tmdbid,tvmazeid,rid");
            empty(w, "movie-search", "available", "yes", "supportedParams", "q,imdbid,tmdbid");
            empty(w, "audio-search", "available", "no", "supportedParams", "");
            empty(w, "book-search", "available", "no", "supportedParams", "");
            w.writeEndElement();
            w.writeStartElement("categories");
            category(w, Categories.MOVIES, "Movies", List.of(
                    new Sub(Categories.MOVIES_SD, "SD"), new Sub(Categories.MOVIES_HD, "HD"),
                    new Sub(Categories.MOVIES_UHD, "UHD"), new Sub(Categories.MOVIES_WEBDL, "WEB-DL")));
            category(w, Categories.TV, "TV", List.of(
                    new Sub(Categories.TV_WEBDL, "WEB-DL"), new Sub(Categories.TV_FOREIGN, "Foreign"),
                    new Sub(Categories.TV_SD, "SD"), new Sub(Categories.TV_HD, "HD"), new Sub(Categories.TV_UHD, "UHD"),
                    new Sub(Categories.TV_ANIME, "Anime")));
            w.writeEndElement();
            w.writeEndElement();
        });
    }

    private record Sub(int id, String name) {}

    private static void category(XMLStreamWriter w, int id, String name, List<Sub> subs) throws XMLStreamException {
        w.writeStartElement("category");
        w.writeAttribute("id", Integer.toString(id));
        w.writeAttribute("name", name);
        for (Sub s : subs) empty(w, "subcat", "id", Integer.toString(s.id()), "name", s.name());
        w.writeEndElement();
    }

    /** The feed as UTF-8 bytes, every item rendered afresh. */
    static byte[] rss(List<TorznabItem> items, String selfUrl) {
        return rss(items, selfUrl, TorznabXml::item);
    }

    /**
     * The feed as UTF-8 bytes, written straight into one buffer (feeds are the hot path): the channel
     * head and each item as the bytes {@code rendered} gives for it (see {@link #item(TorznabItem)}; a
     * caller may keep them, items being immutable). Written by hand rather than by the streaming writer:
     * the document's shape is fixed, and a writer per feed and per item cost more than the search.
     */
    static byte[] rss(List<TorznabItem> items, String selfUrl, Function<TorznabItem, byte[]> rendered) {
        StringBuilder head = new StringBuilder(512 + 2 * selfUrl.length());
        head.append("<?xml version='1.0' encoding='UTF-8'?><rss version=\"2.0\" xmlns:atom=\"").append(ATOM_NS)
                .append("\" xmlns:torznab=\"").append(TORZNAB_NS).append("\"><channel><atom:link href=\"");
        escape(head, selfUrl, true);
        head.append("\" rel=\"self\" type=\"application/rss+xml\"/>");
        element(head, "title", "Kanal");
        element(head, "description", "Kanal: AniWorld, s.to and Megakino as a Torznab indexer");
        element(head, "link", selfUrl);
        element(head, "language", "de-de");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[][] parts = new byte[items.size()][];
        int length = start.length + CHANNEL_END.length;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = rendered.apply(items.get(i));
            length += parts[i].length;
        }
        byte[] out = new byte[length];
        System.arraycopy(start, 0, out, 0, start.length);
        int at = start.length;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        System.arraycopy(CHANNEL_END, 0, out, at, CHANNEL_END.length);
        return out;
    }

    private static final byte[] CHANNEL_END = "</channel></rss>".getBytes(StandardCharsets.UTF_8);

    /** One {@code <item>} as UTF-8 bytes, its {@code torznab:} prefix bound by the feed around it. */
    static byte[] item(TorznabItem i) {
        StringBuilder magnetText = new StringBuilder(i.magnet().length() + 64);
        escape(magnetText, i.magnet(), true); // escaped once, written three times (as text it reads the same)
        String magnet = magnetText.toString();
        StringBuilder sb = new StringBuilder(1536);
        sb.append("<item>");
        element(sb, "title", i.title());
        sb.append("<guid isPermaLink=\"false\">");
        escape(sb, i.guid(), false);
        sb.append("</guid><link>").append(magnet).append("</link><pubDate>");
        rfc822(sb, i.pubDate());
        sb.append("</pubDate>");
        sb.append("<size>").append(i.size()).append("</size>");
        for (int c : i.categories()) sb.append("<category>").append(c).append("</category>");
        sb.append("<enclosure url=\"").append(magnet).append("\" length=\"").append(i.size())
                .append("\" type=\"application/x-bittorrent;x-scheme-handler/magnet\"/>");
        sb.append("<torznab:attr name=\"magneturl\" value=\"").append(magnet).append("\"/>");
        attr(sb, "infohash", i.infoHash());
        attr(sb, "size", Long.toString(i.size()));
        for (int c : i.categories()) attr(sb, "category", Integer.toString(c));
        attr(sb, "seeders", "100");
        attr(sb, "peers", "100");
        if (i.tvdb() != null) attr(sb, "tvdbid", i.tvdb().toString());
        if (i.imdb() != null && i.imdb().length() > 2) {
            attr(sb, "imdb", i.imdb().substring(2));
            attr(sb, "imdbid", i.imdb());
        }
        if (i.tmdb() != null) attr(sb, "tmdbid", i.tmdb().toString());
        if (i.language() != null) attr(sb, "language", i.language());
        if (i.subs() != null) attr(sb, "subs", i.subs());
        attr(sb, "downloadvolumefactor", "0");
        attr(sb, "uploadvolumefactor", "1");
        sb.append("</item>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
        "Dec"};

    /** {@link #RFC_822} of {@code at}, written without the formatter (one per item). */
    static void rfc822(StringBuilder sb, java.time.Instant at) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            sb.append(RFC_822.format(at)); // never in practice
            return;
        }
        sb.append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        two(sb, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ').append(t.getYear());
        sb.append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond()).append(" +0000");
    }

    private static StringBuilder two(StringBuilder sb, int n) {
        return sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    private static void element(StringBuilder sb, String name, String value) {
        sb.append('<').append(name).append('>');
        escape(sb, value, false);
        sb.append("</").append(name).append('>');
    }

    private static void attr(StringBuilder sb, String name, String value) {
        sb.append("<torznab:attr name=\"").append(name).append("\" value=\"");
        escape(sb, value, true);
        sb.append("\"/>");
    }

    /**
     * Appends {@code value} as XML character data ({@link #clean}ed, markup escaped); in an attribute
     * also quotes and the white space a parser would otherwise normalize to a space.
     */
    static void escape(StringBuilder sb, String value, boolean attribute) {
        if (value == null) return;
        String s = value;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0xD800) { // a control, a surrogate or U+FFFE/U+FFFF may need dropping
                s = clean(value);
                break;
            }
        }
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '&' && c != '<' && c != '>' && c != '"' && c >= 0x20) continue; // the common case
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> attribute ? "&quot;" : null;
                case '\t' -> attribute ? "&#9;" : null;
                case '\n' -> attribute ? "&#10;" : null;
                case '\r' -> "&#13;";
                default -> null;
            };
            if (entity == null) continue;
            sb.append(s, from, i).append(entity);
            from = i + 1;
        }
        sb.append(s, from, s.length());
    }

    /** A Torznab error document. */
    static String error(int code, String description) {
        return write(w -> {
            w.writeStartElement("error");
            w.writeAttribute("code", Integer.toString(code));
            w.writeAttribute("description", clean(description));
            w.writeEndElement();
        });
    }

    private static void empty(XMLStreamWriter w, String name, String... attributes) throws XMLStreamException {
        w.writeEmptyElement(name);
        for (int i = 0; i < attributes.length; i += 2) w.writeAttribute(attributes[i], attributes[i + 1]);
    }

    /** Drops characters XML 1.0 cannot carry (titles come from scraped pages). */
    static String clean(String s) {
        if (s == null) return "";
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!allowed(c)) return s.codePoints().filter(TorznabXml::allowed)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            i += Character.charCount(c);
        }
        return s; // the common case: nothing to drop, nothing copied
    }

    /** XML 1.0's Char production; a lone surrogate is not a character. */
    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static void document(XMLStreamWriter w, Body body) throws XMLStreamException {
        w.setPrefix("torznab", TORZNAB_NS);
        w.setPrefix("atom", ATOM_NS);
        w.writeStartDocument("UTF-8", "1.0");
        body.write(w);
        w.writeEndDocument();
        w.close();
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(4096);
        try {
            document(FACTORY.createXMLStreamWriter(out), body);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing Torznab XML failed", e);
        }
        return out.toString();
    }
}
