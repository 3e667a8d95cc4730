package dev.kanal.ui;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the catalog, STRM and Torznab surfaces the page reads, speaking their documented
 * contracts on 127.0.0.1: {@code /health/catalog} (AniWorld's details stage advances on every read),
 * {@code /health/strm} (one broken file) and {@code /torznab/api} (two releases for "Frieren", none
 * otherwise, an error for "boom").
 */
final class FakeSurfaces implements AutoCloseable {
    static final String MAGNET = "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567&dn=Frieren.S01E01";

    private final HttpServer server;
    private final AtomicInteger catalogReads = new AtomicInteger();
    volatile String lastTorznabQuery;

    FakeSurfaces() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health/catalog", ex -> reply(ex, 200, "application/json", catalog()));
        server.createContext("/health/strm", ex -> reply(ex, 200, "application/json", STRM));
        server.createContext("/torznab/api", this::torznab);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int catalogReads() {
        return catalogReads.get();
    }

    private String catalog() {
        int n = catalogReads.incrementAndGet();
        int done = Math.min(1200, 150 + n * 120);
        return """
                {"ready": false, "sites": [
                  {"site": "aniworld", "stages": {
                    "titles": {"state": "ready", "done": 1200, "total": 1200, "rate": null, "eta_seconds": null,
                               "last_success": "2026-11-21T06:00:00Z", "last_error": null},
                    "details": {"state": "running", "done": %d, "total": 1200, "rate": 4.2, "eta_seconds": %d,
                                "last_success": null, "last_error": null},
                    "mapping": {"state": "pending", "done": 0, "total": 0, "rate": null, "eta_seconds": null,
                                "last_success": null, "last_error": null}}},
                  {"site": "sto", "stages": {
                    "titles": {"state": "ready", "done": 9800, "total": 9800, "rate": null, "eta_seconds": null,
                               "last_success": "2026-11-21T05:40:00Z", "last_error": null},
                    "details": {"state": "ready", "done": 9800, "total": 9800, "rate": null, "eta_seconds": null,
                                "last_success": "2026-11-21T05:58:00Z",
                                "last_error": "s.to answered 503 for /serie/foo"},
                    "mapping": {"state": "failed", "done": 10, "total": 9800, "rate": null, "eta_seconds": null,
                                "last_success": null, "last_error": "skyhook unreachable: timeout"}}}]}
                """.formatted(done, (1200 - done) / 4);
    }

    private static final String STRM = """
            {"status": "degraded", "files": 42, "lastScan": "2026-11-21T06:10:00Z",
             "broken": [{"path": "/downloads/tv-sonarr/Show S01E02.strm", "episode": "sto/show S01E02 German Dub",
                         "reason": "every hoster failed: VOE: video removed", "checkedAt": "2026-11-21T06:10:00Z"}]}
            """;

    private void torznab(HttpExchange ex) throws IOException {
        String q = "";
        for (String pair : ex.getRequestURI().getRawQuery().split("&")) {
            if (pair.startsWith("q=")) q = URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
        }
        lastTorznabQuery = ex.getRequestURI().getRawQuery();
        if (q.equals("boom")) {
            reply(ex, 200, "application/xml", "<error code=\"900\" description=\"catalog is still building\"/>");
            return;
        }
        String items = !q.toLowerCase().contains("frieren") ? "" : item("Frieren.S01E01.German.DL.1080p.WEB.h264-KANAL",
                "5070", 1_400_000_000L, "German Dub", MAGNET)
                + item("Frieren.S01E01.GER.SUB.1080p.WEB.h264-KANAL", "5070", 0, null,
                        MAGNET.replace("01234567&", "76543210&"));
        reply(ex, 200, "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:torznab="http://torznab.com/schemas/2015/feed"><channel>
                <title>Kanal</title>%s</channel></rss>""".formatted(items));
    }

    private static String item(String title, String category, long size, String language, String magnet) {
        String escaped = magnet.replace("&", "&amp;");
        return """
                <item><title>%s</title><guid>%s</guid><pubDate>Sat, 21 Nov 2026 06:00:00 +0000</pubDate>
                <enclosure url="%s" length="%d" type="application/x-bittorrent;x-scheme-handler/magnet"/>
                <torznab:attr name="category" value="5000"/><torznab:attr name="category" value="%s"/>
                <torznab:attr name="size" value="%d"/>%s
                <torznab:attr name="magneturl" value="%s"/></item>
                """.formatted(title, title, escaped, size, category, size,
                language == null ? "" : "<torznab:attr name=\"language\" value=\"" + language + "\"/>", escaped);
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
