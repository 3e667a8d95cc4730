package dev.kanal.security;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local HTTP server on one loopback address answering each path as scripted: a status, headers
 * and a body, or a file from a folder. Used as the hostile hoster (on 127.0.0.1, which the tests
 * allow) and as the home network's victim (on 127.0.0.3, which stays refused), logging every hit.
 */
final class HostileHoster implements AutoCloseable {
    /** One scripted answer. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        static Answer of(String contentType, String body) {
            return new Answer(200, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
        }

        static Answer redirect(String location) {
            return new Answer(302, Map.of("Location", location), new byte[0]);
        }
    }

    private final HttpServer server;
    private final String address;
    private final Path files;
    private final Map<String, Answer> script = new ConcurrentHashMap<>();
    private final List<String> hits = new CopyOnWriteArrayList<>();

    HostileHoster(String address, Path files) throws IOException {
        this.address = address;
        this.files = files;
        this.server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI url(String path) {
        return URI.create("http://" + address + ":" + port() + path);
    }

    void answer(String path, Answer answer) {
        script.put(path, answer);
    }

    List<String> hits() {
        return List.copyOf(hits);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        hits.add(ex.getRequestMethod() + " " + ex.getRequestURI());
        try (ex) {
            Answer a = script.get(path);
            if (a == null && files != null) {
                Path f = files.resolve(path.substring(1)).normalize();
                if (f.startsWith(files) && Files.isRegularFile(f)) {
                    String type = path.endsWith(".m3u8") ? "application/vnd.apple.mpegurl"
                            : path.endsWith(".ts") ? "video/mp2t" : "video/mp4";
                    a = new Answer(200, Map.of("Content-Type", type), Files.readAllBytes(f));
                }
            }
            if (a == null) a = new Answer(404, Map.of("Content-Type", "text/plain"), "no".getBytes());
            a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(a.status(), head || a.body().length == 0 ? -1 : a.body().length);
            if (!head && a.body().length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(a.body());
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
