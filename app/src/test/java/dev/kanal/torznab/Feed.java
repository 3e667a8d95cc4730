package dev.kanal.torznab;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A parsed Torznab answer for assertions: items with their torznab:attr values, or an error. */
public record Feed(List<Item> items, String errorCode, String errorDescription, Document document) {
    public static final String NS = "http://torznab.com/schemas/2015/feed";

    /** One item. */
    public record Item(String title, String guid, String link, String pubDate, String enclosureUrl,
            String enclosureType, List<String[]> attrs) {
        public String attr(String name) {
            return attrs.stream().filter(a -> a[0].equals(name)).map(a -> a[1]).findFirst().orElse(null);
        }

        public List<String> attrs(String name) {
            return attrs.stream().filter(a -> a[0].equals(name)).map(a -> a[1]).toList();
        }
    }

    public static Feed parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            Element root = doc.getDocumentElement();
            if (root.getTagName().equals("error")) {
                return new Feed(List.of(), root.getAttribute("code"), root.getAttribute("description"), doc);
            }
            List<Item> items = new ArrayList<>();
            NodeList nodes = doc.getElementsByTagName("item");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                List<String[]> attrs = new ArrayList<>();
                NodeList as = e.getElementsByTagNameNS(NS, "attr");
                for (int j = 0; j < as.getLength(); j++) {
                    Element a = (Element) as.item(j);
                    attrs.add(new String[] {a.getAttribute("name"), a.getAttribute("value")});
                }
                Element enc = (Element) e.getElementsByTagName("enclosure").item(0);
                items.add(new Item(text(e, "title"), text(e, "guid"), text(e, "link"), text(e, "pubDate"),
                        enc == null ? null : enc.getAttribute("url"), enc == null ? null : enc.getAttribute("type"),
                        attrs));
            }
            return new Feed(items, null, null, doc);
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    private static String text(Element e, String tag) {
        NodeList n = e.getElementsByTagName(tag);
        return n.getLength() == 0 ? null : n.item(0).getTextContent();
    }

    public List<String> titles() {
        return items.stream().map(Item::title).toList();
    }
}
