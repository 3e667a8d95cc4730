package dev.kanal.torznab;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes Torznab documents with a streaming XML writer (escaping included): the caps document, the
 * RSS feed with {@code torznab:attr} in the Torznab namespace, and {@code <error>}. Element and
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
     * head by the streaming writer, each item as the bytes {@code rendered} gives for it (see
     * {@link #item(TorznabItem)}; a caller may keep them, items being immutable).
     */
    static byte[] rss(List<TorznabItem> items, String selfUrl, Function<TorznabItem, byte[]> rendered) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 1536 * items.size());
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.setPrefix("torznab", TORZNAB_NS);
            w.setPrefix("atom", ATOM_NS);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("atom", ATOM_NS);
            w.writeNamespace("torznab", TORZNAB_NS);
            w.writeStartElement("channel");
            w.writeStartElement(ATOM_NS, "link");
            w.writeAttribute("href", clean(selfUrl));
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            w.writeEndElement();
            text(w, "title", "Kanal");
            text(w, "description", "Kanal: AniWorld, s.to and Megakino as a Torznab indexer");
            text(w, "link", selfUrl);
            text(w, "language", "de-de");
            w.flush(); // everything so far is in out: the items' bytes follow it
            for (TorznabItem item : items) out.writeBytes(rendered.apply(item));
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing Torznab XML failed", e);
        }
        return out.toByteArray();
    }

    /** One {@code <item>} as UTF-8 bytes, its {@code torznab:} prefix bound by the feed around it. */
    static byte[] item(TorznabItem item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1536);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.setPrefix("torznab", TORZNAB_NS);
            item(w, item);
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing Torznab XML failed", e);
        }
        return out.toByteArray();
    }

    private static void item(XMLStreamWriter w, TorznabItem i) throws XMLStreamException {
        w.writeStartElement("item");
        text(w, "title", i.title());
        w.writeStartElement("guid");
        w.writeAttribute("isPermaLink", "false");
        w.writeCharacters(i.guid());
        w.writeEndElement();
        text(w, "link", i.magnet());
        text(w, "pubDate", RFC_822.format(i.pubDate()));
        text(w, "size", Long.toString(i.size()));
        for (int c : i.categories()) text(w, "category", Integer.toString(c));
        w.writeStartElement("enclosure");
        w.writeAttribute("url", i.magnet());
        w.writeAttribute("length", Long.toString(i.size()));
        w.writeAttribute("type", "application/x-bittorrent;x-scheme-handler/magnet");
        w.writeEndElement();
        attr(w, "magneturl", i.magnet());
        attr(w, "infohash", i.infoHash());
        attr(w, "size", Long.toString(i.size()));
        for (int c : i.categories()) attr(w, "category", Integer.toString(c));
        attr(w, "seeders", "100");
        attr(w, "peers", "100");
        if (i.tvdb() != null) attr(w, "tvdbid", i.tvdb().toString());
        if (i.imdb() != null && i.imdb().length() > 2) {
            attr(w, "imdb", i.imdb().substring(2));
            attr(w, "imdbid", i.imdb());
        }
        if (i.tmdb() != null) attr(w, "tmdbid", i.tmdb().toString());
        if (i.language() != null) attr(w, "language", i.language());
        if (i.subs() != null) attr(w, "subs", i.subs());
        attr(w, "downloadvolumefactor", "0");
        attr(w, "uploadvolumefactor", "1");
        w.writeEndElement();
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

    private static void attr(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(TORZNAB_NS, "attr");
        w.writeAttribute("name", name);
        w.writeAttribute("value", clean(value));
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(clean(value));
        w.writeEndElement();
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
