package dev.kanal.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local media host on 127.0.0.1 serving files from a folder, with byte ranges (so downloads can
 * resume), correct content types for mp4 and HLS, an optional bandwidth limit per response (to keep
 * a download running long enough to interrupt it) and a log of request headers.
 */
public final class MediaServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final HttpServer server;
    private final Path root;
    private volatile long bytesPerSecond;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private MediaServer(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    /** Serves {@code root}. */
    public static MediaServer start(Path root) {
        try {
            return new MediaServer(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Limits every response to about this many bytes per second; 0 is unlimited. */
    public void limit(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    /** The URL of a file below the root. */
    public URI url(String relative) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + relative);
    }

    /** "METHOD path Referer=… Range=…" per request. */
    public List<String> requests() {
        return requests;
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String rel = ex.getRequestURI().getPath().substring(1);
            requests.add(ex.getRequestMethod() + " /" + rel + " Referer=" + ex.getRequestHeaders().getFirst("Referer")
                    + " Range=" + ex.getRequestHeaders().getFirst("Range"));
            Path file = root.resolve(rel).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            long size = Files.size(file);
            long from = 0;
            long to = size - 1;
            String range = ex.getRequestHeaders().getFirst("Range");
            int status = 200;
            if (range != null) {
                Matcher m = RANGE.matcher(range);
                if (m.matches()) {
                    from = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) to = Math.min(to, Long.parseLong(m.group(2)));
                    if (from >= size) {
                        ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                        ex.sendResponseHeaders(416, -1);
                        return;
                    }
                    status = 206;
                    ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
                }
            }
            ex.getResponseHeaders().set("Content-Type", contentType(rel));
            ex.getResponseHeaders().set("Accept-Ranges", "bytes");
            long length = to - from + 1;
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.getResponseHeaders().set("Content-Length", Long.toString(length));
                ex.sendResponseHeaders(status, -1);
                return;
            }
            ex.sendResponseHeaders(status, length);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r"); OutputStream out = ex.getResponseBody()) {
                raf.seek(from);
                byte[] buf = new byte[8192];
                long left = length;
                while (left > 0) {
                    int n = raf.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) break;
                    out.write(buf, 0, n);
                    left -= n;
                    long limit = bytesPerSecond;
                    if (limit > 0) Thread.sleep(Math.max(1, n * 1000L / limit));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // client went away (a cancelled download)
            }
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".m3u8")) return "application/vnd.apple.mpegurl";
        if (name.endsWith(".ts")) return "video/mp2t";
        if (name.endsWith(".mp4")) return "video/mp4";
        return "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
