package dev.kanal.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Talks to Kanal's qBittorrent API the way Sonarr does: urlencoded POSTs (multipart when asked),
 * the SID cookie from the login, parameters in the query for GETs.
 */
public final class QbClient {
    private final TestKanal kanal;
    private String cookie;

    public QbClient(TestKanal kanal) {
        this.kanal = kanal;
    }

    /** Logs in with the test credentials; returns the login response. */
    public HttpResponse<String> login() {
        return login("admin", TestKanal.QBIT_PASSWORD);
    }

    public HttpResponse<String> login(String user, String password) {
        HttpResponse<String> r = post("/api/v2/auth/login", Map.of("username", user, "password", password));
        r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        return r;
    }

    public void forget() {
        cookie = null;
    }

    public String cookie() {
        return cookie;
    }

    public void cookie(String c) {
        cookie = c;
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return kanal.send(request(pathAndQuery).GET().build());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return kanal.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A multipart POST; a value of type {@code byte[]} becomes a file part named {@code <key>.torrent}. */
    public HttpResponse<String> multipart(String path, Map<String, Object> parts) {
        String boundary = "-----------------------------" + UUID.randomUUID().toString().replace("-", "");
        var out = new java.io.ByteArrayOutputStream();
        try {
            for (var e : parts.entrySet()) {
                out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
                if (e.getValue() instanceof byte[] bytes) {
                    out.write(("Content-Disposition: form-data; name=\"" + e.getKey() + "\"; filename=\"" + e.getKey()
                            + ".torrent\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                    out.write(bytes);
                } else {
                    out.write(("Content-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue())
                            .getBytes(StandardCharsets.UTF_8));
                }
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return kanal.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(kanal.baseUrl() + pathAndQuery));
        if (cookie != null) b.header("Cookie", cookie);
        return b;
    }

    public static Map<String, String> form(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
