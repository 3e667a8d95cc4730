package dev.kanal.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kanal.demo.DemoCatalog.Link;
import dev.kanal.demo.DemoCatalog.Series;
import dev.kanal.demo.DemoClips.Clip;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offline demo upstream on 127.0.0.1: an AniWorld-layout site under {@code /aniworld}, a
 * Megakino-style film under {@code /megakino}, two hosters' embed pages ({@code /e/<code>},
 * reached as {@code localhost} so they count as a different host than the site), their media
 * ({@code /media/…}, {@code /get_video}) and SkyHook ({@code /v1/tvdb/…}). It is the routing table
 * of those surfaces; pages are built by the markup classes, AniWorld's paths by {@link AniWorldRoutes}.
 */
public final class DemoServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoServer.class);
    static final String HTML = "text/html; charset=utf-8";

    private final DemoCatalog catalog;
    private final DemoClips clips;
    private final MediaResponder media;
    private final SkyHookEmulator skyhook;
    private final AniWorldRoutes aniworldRoutes;
    private final Clock clock;
    private final String salt;
    private final HttpServer server;
    private final ExecutorService executor;

    private DemoServer(DemoCatalog catalog, DemoClips clips, long throttle, HttpServer server, ExecutorService executor,
            Clock clock) {
        this.catalog = catalog;
        this.clips = clips;
        this.media = new MediaResponder(throttle);
        this.skyhook = new SkyHookEmulator(catalog, dev.kanal.Json.mapper());
        this.aniworldRoutes = new AniWorldRoutes(catalog, new AniWorldMarkup(catalog), this::hosterOrigin);
        this.clock = clock;
        this.salt = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving.
     *
     * @param port 0 for a free port
     * @param clipDir where generated clips are kept ({@code <data dir>/demo})
     * @param throttle media bytes per second, 0 for unlimited
     */
    public static DemoServer start(int port, Path clipDir, String ffmpeg, long throttle) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        DemoServer demo = new DemoServer(DemoCatalog.standard(), new DemoClips(clipDir, ffmpeg), throttle, http,
                executor, Clock.systemUTC());
        if (!DemoClips.runs(ffmpeg)) {
            log.warn("demo ffmpeg=\"{}\" cannot be run; the demo clips cannot be made and demo downloads will fail "
                    + "until ffmpeg is installed", ffmpeg);
        }
        http.setExecutor(executor);
        http.createContext("/", demo::handle);
        http.start();
        log.info("demo upstream listening port={} throttle_bytes_per_second={}", demo.port(), throttle);
        return demo;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL of the AniWorld-layout site ({@code KANAL_ANIWORLD_URL}). */
    public URI aniworldUrl() {
        return URI.create(site() + "/aniworld");
    }

    /** The base URL of the Megakino-style site ({@code KANAL_MEGAKINO_URL}). */
    public URI megakinoUrl() {
        return URI.create(site() + "/megakino");
    }

    /** The SkyHook emulation ({@code KANAL_SKYHOOK_URL}). */
    public URI skyhookUrl() {
        return URI.create(site());
    }

    public DemoCatalog catalog() {
        return catalog;
    }

    private String site() {
        return "http://127.0.0.1:" + port();
    }

    /** Hosters live on the same server under a second name, as a different host to the sites. */
    private String hosterOrigin() {
        return "http://localhost:" + port();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            try {
                route(ex, path);
            } catch (NoSuchFileException e) {
                send(ex, 404, "text/plain", "not found");
            } catch (IOException | RuntimeException e) {
                log.warn("demo request failed path=\"{}\" reason=\"{}\"", path, e.getMessage());
                send(ex, 500, "text/plain", "demo server error: " + e.getMessage());
            }
        }
    }

    private void route(HttpExchange ex, String path) throws IOException {
        Map<String, String> query = query(ex);
        if (path.equals("/") || path.isEmpty()) {
            send(ex, 200, HTML, index());
        } else if (path.startsWith("/aniworld")) {
            aniworldRoutes.handle(ex, path.substring("/aniworld".length()), query);
        } else if (path.startsWith("/megakino")) {
            megakino(ex, path.substring("/megakino".length()));
        } else if (path.startsWith("/e/")) {
            embed(ex, path.substring(3));
        } else if (path.equals("/get_video")) {
            getVideo(ex, query);
        } else if (path.startsWith("/media/")) {
            mediaFile(ex, path.substring("/media/".length()));
        } else if (path.startsWith("/v1/tvdb/search/")) {
            send(ex, 200, "application/json", skyhook.search(query.getOrDefault("term", "")));
        } else if (path.startsWith("/v1/tvdb/shows/")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            Optional<String> show = id.matches("\\d{1,9}") ? skyhook.show(Integer.parseInt(id)) : Optional.empty();
            if (show.isPresent()) send(ex, 200, "application/json", show.get());
            else send(ex, 404, "application/json", "{\"message\":\"NotFound\"}");
        } else {
            send(ex, 404, "text/plain", "not found");
        }
    }

    private void megakino(HttpExchange ex, String path) throws IOException {
        DemoCatalog.Film film = catalog.film();
        if (path.equals("/sitemap.xml")) {
            send(ex, 200, "application/xml; charset=utf-8", MegakinoMarkup.sitemap(megakinoUrl(), film));
        } else if (path.equals("/index.php")) {
            ex.getResponseHeaders().add("Set-Cookie", "yg_token=demo; Path=/");
            send(ex, 200, "text/plain", "ok");
        } else if (path.equals("/films/" + film.slug() + ".html")) {
            List<Link> links = catalog.filmLinks();
            List<URI> embeds = links.stream().map(l -> URI.create(hosterOrigin() + "/e/" + l.code())).toList();
            send(ex, 200, HTML, MegakinoMarkup.film(film, links, embeds));
        } else {
            send(ex, 404, HTML, "<html><body><h1>404</h1></body></html>");
        }
    }

    private void embed(HttpExchange ex, String code) throws IOException {
        Optional<Link> link = catalog.byCode(code);
        if (link.isEmpty()) {
            send(ex, 404, HTML, "<html><head><title>404 - File not found</title></head><body>File not found</body></html>");
            return;
        }
        Clip clip = link.get().movie() ? Clip.MOVIE : Clip.EPISODE;
        String body = switch (link.get().hoster()) {
            case VOE -> HosterEmbeds.voe(code, URI.create(site() + "/media/" + clip.dirName() + "/hls/index.m3u8"),
                    URI.create(site() + "/media/" + clip.dirName() + "/clip.mp4"));
            case STREAMTAPE -> HosterEmbeds.streamtape(code, token(code),
                    clock.instant().plus(Duration.ofHours(6)).getEpochSecond());
        };
        send(ex, 200, HTML, body);
    }

    /** Streamtape's media URL: only the real token (not the page's decoys) gets the file. */
    private void getVideo(HttpExchange ex, Map<String, String> query) throws IOException {
        String code = query.getOrDefault("id", "");
        Optional<Link> link = catalog.byCode(code);
        if (link.isEmpty() || !token(code).equals(query.get("token"))) {
            send(ex, 403, "text/plain", "invalid token");
            return;
        }
        media.send(ex, clips.mp4(link.get().movie() ? Clip.MOVIE : Clip.EPISODE), "video/mp4");
    }

    private void mediaFile(HttpExchange ex, String rest) throws IOException {
        int slash = rest.indexOf('/');
        Clip clip = slash < 0 ? null : switch (rest.substring(0, slash)) {
            case "episode" -> Clip.EPISODE;
            case "movie" -> Clip.MOVIE;
            default -> null;
        };
        String file = slash < 0 ? "" : rest.substring(slash + 1);
        if (clip == null) throw new NoSuchFileException(rest);
        if (file.equals("clip.mp4")) {
            media.send(ex, clips.mp4(clip), "video/mp4");
        } else if (file.startsWith("hls/") && file.endsWith(".m3u8")) {
            media.send(ex, clips.hls(clip, file.substring(4)), "application/vnd.apple.mpegurl");
        } else if (file.startsWith("hls/") && file.endsWith(".ts")) {
            media.send(ex, clips.hls(clip, file.substring(4)), "video/mp2t");
        } else {
            throw new NoSuchFileException(rest);
        }
    }

    private String token(String code) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((salt + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String index() {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Kanal demo upstream"
                + "</title></head><body><h1>Kanal demo upstream</h1><ul>");
        b.append("<li><a href=\"/aniworld/animes-alphabet\">AniWorld layout: A–Z</a></li>");
        b.append("<li><a href=\"/megakino/sitemap.xml\">Megakino sitemap</a></li>");
        for (Series s : catalog.series()) {
            b.append("<li>").append(AniWorldMarkup.esc(s.title())).append(" — TVDB ").append(s.tvdbId()).append("</li>");
        }
        return b.append("</ul></body></html>").toString();
    }

    private static Map<String, String> query(HttpExchange ex) {
        String raw = ex.getRequestURI().getRawQuery();
        return raw == null ? Map.of() : form(raw);
    }

    static Map<String, String> form(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
