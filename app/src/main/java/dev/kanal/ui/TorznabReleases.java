package dev.kanal.ui;

import dev.kanal.providers.Language;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads a Torznab answer the way Sonarr does (items, {@code torznab:attr} category/size/magneturl,
 * enclosure as fallback, {@code <error>}) into {@link Release} rows for the search view.
 */
final class TorznabReleases {
    static final String NS = "http://torznab.com/schemas/2015/feed";

    private TorznabReleases() {}

    /** The items, or a {@link Failure} carrying the indexer's own error text. */
    static List<Release> parse(String xml) {
        Document doc = document(xml);
        Element root = doc.getDocumentElement();
        if ("error".equals(root.getLocalName())) {
            throw new Failure(root.getAttribute("code") + " " + root.getAttribute("description"));
        }
        List<Release> out = new ArrayList<>();
        NodeList items = root.getElementsByTagName("item");
        for (int i = 0; i < items.getLength(); i++) out.add(release((Element) items.item(i)));
        return out;
    }

    private static Release release(Element item) {
        String title = text(item, "title");
        List<Integer> categories = new ArrayList<>();
        long size = -1;
        String magnet = null;
        String language = null;
        String subs = null;
        NodeList attrs = item.getElementsByTagNameNS(NS, "attr");
        for (int i = 0; i < attrs.getLength(); i++) {
            Element a = (Element) attrs.item(i);
            String value = a.getAttribute("value");
            switch (a.getAttribute("name")) {
                case "category" -> parseInt(value, categories);
                case "size" -> size = parseLong(value, size);
                case "magneturl" -> magnet = value;
                case "language" -> language = value;
                case "subs" -> subs = value;
                default -> { }
            }
        }
        NodeList enclosures = item.getElementsByTagName("enclosure");
        if (enclosures.getLength() > 0) {
            Element e = (Element) enclosures.item(0);
            if (size < 0) size = parseLong(e.getAttribute("length"), -1);
            if (magnet == null && e.getAttribute("url").startsWith("magnet:")) magnet = e.getAttribute("url");
        }
        String tagged = languageOf(title);
        if (tagged != null) language = tagged;
        else if (language != null && subs != null && !subs.isBlank()) language = language + " (subtitles: " + subs + ")";
        return new Release(title, List.copyOf(categories), Math.max(0, size), language, magnet, text(item, "pubDate"));
    }

    /**
     * The Kanal language whose release tag the title carries ({@code .GER.SUB-GROUP} or
     * {@code [GER.SUB]}; the longest tag wins, so GER.SUB before GER), else null.
     */
    static String languageOf(String title) {
        if (title == null) return null;
        return java.util.Arrays.stream(Language.values())
                .sorted(Comparator.comparingInt((Language l) -> l.releaseTag().length()).reversed())
                .filter(l -> Pattern.compile("(^|[.\\s\\[-])" + Pattern.quote(l.releaseTag()) + "([.\\s\\]-]|$)",
                        Pattern.CASE_INSENSITIVE).matcher(title).find())
                .map(Language::label).findFirst().orElse(null);
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().trim();
    }

    private static void parseInt(String s, List<Integer> into) {
        try {
            into.add(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            // a category Sonarr could not read either; not shown
        }
    }

    private static long parseLong(String s, long fallback) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Document document(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new Failure("the answer is not valid Torznab XML: " + e.getMessage());
        }
    }

    /** The Torznab answer was an error or unreadable; the message says which, for the page. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }
}
