package dev.kanal.strm;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hoster CDN on 127.0.0.1: serves files from a directory with Range support, can be told to fail
 * a path with a status (or a reset before the first byte), and serves {@code /big} (1 GiB of zeros)
 * to see whether a proxy releases a connection when its player goes away.
 */
final class FakeUpstream implements AutoCloseable {
    static final long BIG_BYTES = 1L << 30;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final HttpServer server;
    private final Path root;
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();
    private final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final AtomicInteger abortedBodies = new AtomicInteger();
    final AtomicInteger openBodies = new AtomicInteger();

    /** Fails with this pseudo status: headers promise a body, then the connection closes. */
    static final int RESET = -1;
    /** Fails with this pseudo status: the file's first half arrives, then the connection closes. */
    static final int HALF = -3;
    /** Fails with this pseudo status: no answer for 5 s (longer than the tests' upstream timeout). */
    static final int HANG = -2;
    /** Fails with this pseudo status: the file's first half arrives, then nothing for a minute. */
    static final int STALL = -4;

    FakeUpstream(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Every request to {@code path} (a prefix of path and query) fails with {@code status} until {@link #heal}. */
    void fail(String path, int status) {
        failing.put(path, status);
    }

    void heal(String path) {
        failing.remove(path);
    }

    int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    List<Map<String, List<String>>> requestHeaders() {
        return requestHeaders;
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        requestHeaders.add(Map.copyOf(ex.getRequestHeaders()));
        try (ex) {
            String full = ex.getRequestURI().toString();
            Integer fail = failing.entrySet().stream().filter(e -> full.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (fail != null && fail == RESET) {
                ex.sendResponseHeaders(200, 1000);
                return; // closes with no body bytes
            }
            if (fail != null && (fail == HALF || fail == STALL)) {
                byte[] all = Files.readAllBytes(root.resolve(path.substring(1)));
                ex.getResponseHeaders().set("Content-Type", "video/mp4");
                ex.sendResponseHeaders(200, all.length);
                ex.getResponseBody().write(all, 0, all.length / 2);
                ex.getResponseBody().flush();
                failing.remove(ex.getRequestURI().toString()); // the next request works
                if (fail == STALL) sleep(60_000);
                return;
            }
            if (fail != null && fail == HANG) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (fail != null) {
                ex.sendResponseHeaders(fail, -1);
                return;
            }
            if (path.equals("/big")) {
                big(ex);
                return;
            }
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            serveFile(ex, file);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serveFile(HttpExchange ex, Path file) throws IOException {
        long size = Files.size(file);
        String type = file.toString().endsWith(".m3u8") ? "application/vnd.apple.mpegurl"
                : file.toString().endsWith(".ts") ? "video/mp2t" : "video/mp4";
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Accept-Ranges", "bytes");
        h.set("ETag", "\"" + Long.toHexString(size) + "\"");
        h.set("Last-Modified", "Wed, 21 Oct 2026 07:28:00 GMT");
        long start = 0;
        long end = size - 1;
        int status = 200;
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range != null) {
            Matcher m = RANGE.matcher(range.trim());
            if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
                ex.sendResponseHeaders(400, -1);
                return;
            }
            if (m.group(1).isEmpty()) {
                start = Math.max(0, size - Long.parseLong(m.group(2)));
            } else {
                start = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty()) end = Math.min(end, Long.parseLong(m.group(2)));
            }
            if (start >= size || start > end) {
                h.set("Content-Range", "bytes */" + size);
                ex.sendResponseHeaders(416, -1);
                return;
            }
            h.set("Content-Range", "bytes " + start + "-" + end + "/" + size);
            status = 206;
        }
        long length = end - start + 1;
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : length);
        if (head) return;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r"); OutputStream out = ex.getResponseBody()) {
            raf.seek(start);
            byte[] buf = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = raf.read(buf, 0, (int) Math.min(buf.length, left));
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }

    private void big(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "video/mp4");
        ex.sendResponseHeaders(200, BIG_BYTES);
        openBodies.incrementAndGet();
        byte[] zeros = new byte[64 * 1024];
        try (OutputStream out = ex.getResponseBody()) {
            for (long sent = 0; sent < BIG_BYTES; sent += zeros.length) out.write(zeros);
        } catch (IOException e) {
            abortedBodies.incrementAndGet();
        } finally {
            openBodies.decrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
