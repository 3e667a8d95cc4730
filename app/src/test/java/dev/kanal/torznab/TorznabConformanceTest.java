package dev.kanal.torznab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.testing.TestKanal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Replays the Torznab requests of arr-protocols.md §C and §F.10–11 byte for byte as Sonarr, Radarr
 * and Prowlarr send them, and checks each answer with a real XML parser over the raw bytes.
 */
class TorznabConformanceTest {
    @TempDir
    static Path dir;

    static TestCatalog catalog;
    static TestKanal kanal;

    @BeforeAll
    static void start() {
        catalog = new TestCatalog();
        kanal = catalog.startKanal(dir);
    }

    @AfterAll
    static void stop() {
        catalog.stop(kanal);
    }

    /** The request exactly as the client builds it (query string verbatim), with Sonarr's Accept header. */
    static HttpResponse<byte[]> raw(String query) {
        HttpRequest r = HttpRequest.newBuilder(kanal.url("/torznab/api?" + query.replace("{K}", TestKanal.API_KEY)))
                .header("Accept", "application/rss+xml, text/rss+xml, application/xml, text/xml").GET().build();
        try {
            return kanal.client().send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Parses the raw bytes as XML (the declared encoding decides), asserting well-formedness. */
    static Document xml(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    static Feed feed(String query) {
        HttpResponse<byte[]> r = raw(query);
        assertThat(r.statusCode()).as(query).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(query)
                .startsWith("application/rss+xml").containsIgnoringCase("charset=utf-8");
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body.substring(0, Math.min(60, body.length()))).matches("(?s)<\\?xml version=['\"]1\\.0['\"] encoding=['\"]UTF-8['\"]\\?>.*");
        xml(r.body());
        Feed f = Feed.parse(body);
        assertThat(f.errorCode()).as(f.errorDescription()).isNull();
        return f;
    }

    static Set<String> capsCategoryIds() {
        Document caps = xml(raw("t=caps&apikey={K}").body());
        Set<String> ids = new HashSet<>();
        for (String tag : List.of("category", "subcat")) {
            NodeList n = caps.getElementsByTagName(tag);
            for (int i = 0; i < n.getLength(); i++) ids.add(((Element) n.item(i)).getAttribute("id"));
        }
        return ids;
    }

    @Test
    void sonarrs_test_request_with_its_default_categories_returns_parseable_items() {
        Feed f = feed("t=tvsearch&cat=5030,5040&extended=1&apikey={K}&offset=0&limit=100");
        assertThat(f.items()).isNotEmpty();
        for (Feed.Item i : f.items()) {
            assertThat(i.pubDate()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000");
            assertThat(i.enclosureType()).isIn("application/x-bittorrent",
                    "application/x-bittorrent;x-scheme-handler/magnet");
            assertThat(Integer.parseInt(i.attr("seeders"))).isPositive();
            assertThat(Integer.parseInt(i.attr("peers"))).isPositive();
        }
    }

    @Test
    void prowlarrs_test_request_without_cat_or_limit_returns_items_in_caps_categories() {
        Set<String> caps = capsCategoryIds();
        for (String query : List.of("t=search&extended=1&apikey={K}",
                "t=search&extended=1&cat=5000,5040&apikey={K}&limit=100&offset=0")) {
            Feed f = feed(query);
            assertThat(f.items()).as(query).isNotEmpty();
            for (Feed.Item i : f.items()) {
                assertThat(i.attrs("category")).as(i.title()).isNotEmpty();
                assertThat(caps).as(i.title()).containsAll(i.attrs("category"));
                if (i.attr("imdbid") != null) assertThat(i.attr("imdbid")).matches("tt\\d{7,}");
            }
        }
    }

    @Test
    void every_torznab_attr_has_a_name_and_a_value_and_every_item_its_required_elements() {
        Document d = xml(raw("t=search&apikey={K}&limit=100").body());
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("rss");
        assertThat(d.getDocumentElement().getNamespaceURI()).isNull();
        NodeList attrs = d.getElementsByTagNameNS(Feed.NS, "attr");
        assertThat(attrs.getLength()).isPositive();
        for (int i = 0; i < attrs.getLength(); i++) {
            Element a = (Element) attrs.item(i);
            assertThat(a.hasAttribute("name") && a.hasAttribute("value")).isTrue();
        }
        NodeList items = d.getElementsByTagName("item");
        Set<String> guids = new HashSet<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            assertThat(item.getParentNode().getNodeName()).isEqualTo("channel");
            for (String tag : List.of("title", "guid", "pubDate", "enclosure", "link")) {
                assertThat(item.getElementsByTagName(tag).getLength()).as(tag).isEqualTo(1);
            }
            Element enc = (Element) item.getElementsByTagName("enclosure").item(0);
            assertThat(Long.parseLong(enc.getAttribute("length"))).isPositive();
            assertThat(guids.add(item.getElementsByTagName("guid").item(0).getTextContent())).isTrue();
        }
    }

    @Test
    void magnets_are_xml_escaped_in_the_raw_bytes() {
        String body = new String(raw("t=search&apikey={K}&limit=100").body(), StandardCharsets.UTF_8);
        assertThat(body).contains("&amp;kanal_site=").doesNotContain("&kanal_").doesNotContain("&dn=");
    }

    @Test
    void sonarrs_anime_search_with_a_literal_plus_before_the_number_finds_the_absolute_episode() {
        List<String> expected = List.of("[KANAL] Attack on Titan - 04 [WEB-DL][German]",
                "[KANAL] Attack on Titan - 04 [WEB-DL][German Sub]");
        assertThat(feed("t=search&cat=5070&extended=1&apikey={K}&offset=0&limit=100&q=Attack%20on%20Titan+04").titles())
                .containsExactlyElementsOf(expected);
        assertThat(feed("t=tvsearch&cat=5070&extended=1&apikey={K}&offset=0&limit=100&tvdbid="
                + TestCatalog.AOT_TVDB + "&q=04").titles()).containsExactlyElementsOf(expected);
    }

    @Test
    void sonarrs_aggregated_id_search_with_every_id_finds_the_episode() {
        Feed f = feed("t=tvsearch&cat=5030,5040&extended=1&apikey={K}&offset=0&limit=100&tvdbid="
                + TestCatalog.BB_TVDB + "&imdbid=tt0903747&rid=18164&tvmazeid=169&tmdbid=1396&season=1&ep=2");
        assertThat(f.titles()).containsExactly("Breaking.Bad.S01E02.WEB-DL.English-KANAL", "Breaking.Bad.S01E02.WEB-DL.German-KANAL");
    }

    @Test
    void a_tv_search_naming_no_series_kanal_knows_returns_no_unrelated_releases() {
        for (String query : List.of("t=tvsearch&cat=5030,5040&extended=1&apikey={K}&offset=0&limit=100&rid=18164&season=1&ep=2",
                "t=tvsearch&cat=5030,5040&extended=1&apikey={K}&offset=0&limit=100&season=1&ep=2",
                "t=tvsearch&extended=1&apikey={K}&season=1")) {
            assertThat(feed(query).items()).as(query).isEmpty();
        }
    }

    @Test
    void radarrs_id_search_sends_the_imdb_id_without_tt() {
        assertThat(feed("t=movie&cat=2000,2010,2020,2030,2040,2045,2050,2060&extended=1&apikey={K}&offset=0&limit=100"
                + "&tmdbid=299534&imdbid=4154796").titles()).containsExactly("Avengers.Endgame.2019.WEB-DL.German-KANAL");
    }

    @Test
    void a_bad_api_key_is_error_100_with_http_200_and_both_attributes() {
        HttpResponse<byte[]> r = raw("t=tvsearch&cat=5030,5040&extended=1&apikey=wrong&offset=0&limit=100");
        assertThat(r.statusCode()).isEqualTo(200);
        Element e = xml(r.body()).getDocumentElement();
        assertThat(e.getTagName()).isEqualTo("error");
        assertThat(e.getAttribute("code")).isEqualTo("100");
        assertThat(e.getAttribute("description")).isNotBlank();
    }

    @Test
    void caps_and_every_error_document_are_well_formed_utf8_xml_with_code_and_description() {
        Element caps = xml(raw("t=caps&apikey={K}").body()).getDocumentElement();
        assertThat(caps.getTagName()).isEqualTo("caps");
        Element limits = (Element) caps.getElementsByTagName("limits").item(0);
        assertThat(limits.getAttribute("default")).isEqualTo("100");
        assertThat(limits.getAttribute("max")).isEqualTo("100");
        for (String query : List.of("apikey={K}", "t=music&apikey={K}", "t=search&apikey={K}&limit=x",
                "t=tvsearch&apikey={K}&season=S01", "t=search&apikey={K}&cat=TV", "t=search")) {
            HttpResponse<byte[]> r = raw(query);
            assertThat(r.statusCode()).as(query).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(query).startsWith("application/xml");
            Element e = xml(r.body()).getDocumentElement();
            assertThat(e.getTagName()).as(query).isEqualTo("error");
            assertThat(e.getAttribute("code")).as(query).matches("\\d{3}");
            assertThat(e.getAttribute("description")).as(query).isNotBlank();
        }
    }

    @Test
    void badly_encoded_query_strings_are_torznab_errors_not_server_errors() throws Exception {
        for (String query : List.of("t=search&q=%E4", "t=search&q=100%", "t=search&q=%ZZ")) {
            try (Socket s = new Socket("127.0.0.1", kanal.baseUrl().getPort())) {
                OutputStream out = s.getOutputStream();
                out.write(("GET /torznab/api?apikey=" + TestKanal.API_KEY + "&" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String status = response.substring(0, response.indexOf("\r\n"));
                assertThat(status).as(query).doesNotContain(" 5");
                String body = response.substring(response.indexOf("\r\n\r\n") + 4);
                assertThat(body).as(query).startsWith("<?xml").doesNotContainIgnoringCase("<html");
            }
        }
    }
}
