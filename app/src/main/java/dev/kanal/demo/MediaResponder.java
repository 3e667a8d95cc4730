package dev.kanal.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a media file the way a hoster's CDN does: {@code Accept-Ranges}, single byte ranges
 * ({@code 206}/{@code 416}), HEAD, and an optional bandwidth limit so a download is reliably still
 * running when a test (or a curious user) interrupts Kanal.
 */
final class MediaResponder {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final int CHUNK = 16 * 1024;

    private final long bytesPerSecond;

    /** @param bytesPerSecond 0 for unlimited */
    MediaResponder(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    void send(HttpExchange ex, Path file, String contentType) throws IOException {
        long size = Files.size(file);
        long from = 0;
        long to = size - 1;
        int status = 200;
        String range = ex.getRequestHeaders().getFirst("Range");
        if (range != null) {
            Matcher m = RANGE.matcher(range.strip());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) {
                    from = Math.max(0, size - Long.parseLong(m.group(2)));
                } else {
                    from = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) to = Math.min(to, Long.parseLong(m.group(2)));
                }
                if (from >= size || from > to) {
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                status = 206;
                ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
            }
        }
        long length = to - from + 1;
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Accept-Ranges", "bytes");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Long.toString(length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, length);
        try (InputStream in = Files.newInputStream(file); OutputStream out = ex.getResponseBody()) {
            in.skipNBytes(from);
            byte[] buf = new byte[CHUNK];
            long left = length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) break;
                out.write(buf, 0, n);
                left -= n;
                pace(n);
            }
        }
    }

    private void pace(int bytes) throws IOException {
        if (bytesPerSecond <= 0) return;
        try {
            Thread.sleep(Math.max(1, bytes * 1000L / bytesPerSecond));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
