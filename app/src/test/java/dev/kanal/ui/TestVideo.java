package dev.kanal.ui;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small real MP4 made by ffmpeg, served on 127.0.0.1 as a hoster's direct video URL would be, so
 * the browser test can watch a real yt-dlp download run through the queue.
 */
final class TestVideo implements AutoCloseable {
    private final HttpServer server;
    private final byte[] bytes;

    private TestVideo(Path file) throws IOException {
        bytes = Files.readAllBytes(file);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v/episode.mp4", ex -> {
            ex.getResponseHeaders().set("Content-Type", "video/mp4");
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.getResponseHeaders().set("Content-Length", Long.toString(bytes.length));
                ex.sendResponseHeaders(200, -1);
                ex.close();
                return;
            }
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            } catch (IOException e) {
                // the downloader went away
            }
        });
        server.start();
    }

    /** Encodes {@code seconds} of test picture and tone into {@code dir} and serves it. */
    static TestVideo create(Path dir, int seconds) throws IOException, InterruptedException {
        Path file = dir.resolve("episode.mp4");
        Process p = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", Integer.toString(seconds), "-c:v", "mpeg4", "-b:v", "600k", "-c:a", "aac",
                "-shortest", file.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException("ffmpeg failed: " + out);
        return new TestVideo(file);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v/episode.mp4");
    }

    long size() {
        return bytes.length;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
