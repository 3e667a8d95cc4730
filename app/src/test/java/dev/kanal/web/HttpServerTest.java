package dev.kanal.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.Json;
import dev.kanal.KanalException;
import dev.kanal.config.KanalConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the HTTP server does with bad input: always a 4xx in the caller's protocol, never HTML or 5xx. */
class HttpServerTest {
    static HttpServer server;
    static int port;
    static final HttpClient http = HttpClient.newHttpClient();

    /** A surface that reads forms and has its own error protocol, like qBittorrent's plain text. */
    static final class FormGroup implements ApiGroup {
        @Override
        public void addTo(RoutesConfig routes) {
            routes.post("/form", ctx -> ctx.result("keys=" + ctx.formParamMap().size()));
            routes.post("/multipart", ctx -> ctx.result("files=" + ctx.uploadedFiles().size()
                    + " fields=" + ctx.formParamMap().size()));
            routes.get("/plain/query", ctx -> ctx.result("ok"));
            routes.get("/query", ctx -> ctx.result("keys=" + ctx.queryParamMap().size()));
            routes.get("/boom", ctx -> {
                throw new IllegalStateException("bug with secret detail");
            });
            routes.get("/plain/missing", ctx -> {
                throw new KanalException.BadRequest("missing hash");
            });
            routes.get("/plain/boom", ctx -> {
                throw new IllegalStateException("bug");
            });
        }

        @Override
        public Optional<ErrorRenderer> errorRenderer() {
            return Optional.of(new ErrorRenderer() {
                public boolean handles(String path) {
                    return path.startsWith("/plain");
                }

                public void render(Context ctx, int status, String message) {
                    ctx.status(status).contentType("text/plain").result("plain: " + message);
                }
            });
        }
    }

    @BeforeAll
    static void start() {
        var cfg = new KanalConfig.Server("127.0.0.1", 0, URI.create("http://localhost"), Duration.ofSeconds(1),
                "text", "info");
        server = new HttpServer(cfg, List.of(new FormGroup()), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Json.mapper());
        port = server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Sends raw bytes, for requests java.net.http refuses to build. */
    static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void an_unknown_path_is_problem_json() throws Exception {
        var r = send(HttpRequest.newBuilder(url("/nope")));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":404");
    }

    @Test
    void a_bug_is_a_500_without_details() throws Exception {
        var r = send(HttpRequest.newBuilder(url("/boom")));
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("internal error").doesNotContain("secret detail").doesNotContain("at dev.kanal");
    }

    @Test
    void a_surface_renders_its_own_errors() throws Exception {
        var r = send(HttpRequest.newBuilder(url("/plain/missing")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("plain: missing hash");
        assertThat(send(HttpRequest.newBuilder(url("/plain/unknown"))).body()).startsWith("plain: ");
    }

    @Test
    void ambiguous_and_badly_encoded_paths_get_a_4xx_problem() throws Exception {
        for (String path : List.of("/form/%2e%2e/x", "/a%2fb", "/%c0%ae%c0%ae/", "/x%00y", "/bad%zz", "/..;/x",
                "/%2e%2e%2f%2e%2e%2fetc%2fpasswd")) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            int status = Integer.parseInt(response.substring(9, 12));
            assertThat(status).as(path).isBetween(400, 499);
            assertThat(response).as(path).doesNotContain("<html").contains("\"status\":" + status);
        }
    }

    @Test
    void a_10kb_query_string_and_thousands_of_parameters_are_handled() throws Exception {
        var big = send(HttpRequest.newBuilder(url("/query?q=" + "a".repeat(10_000))));
        assertThat(big.statusCode()).isEqualTo(200);

        StringBuilder many = new StringBuilder("/query?");
        for (int i = 0; i < 3000; i++) many.append("p").append(i).append("=1&");
        var r = send(HttpRequest.newBuilder(url(many.toString())));
        assertThat(r.statusCode()).isLessThan(500);

        var huge = raw("GET /query?q=" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(Integer.parseInt(huge.substring(9, 12))).isBetween(400, 499);
        assertThat(huge).doesNotContain("<html");
    }

    @Test
    void a_form_with_too_many_keys_or_too_many_bytes_is_a_4xx() throws Exception {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 5000; i++) keys.append("k").append(i).append("=v&");
        var r = send(HttpRequest.newBuilder(url("/form"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(keys.toString())));
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.body()).doesNotContain("<html");

        var big = send(HttpRequest.newBuilder(url("/form"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=" + "x".repeat(9 * 1024 * 1024))));
        assertThat(big.statusCode()).isBetween(400, 499);
        assertThat(big.body()).doesNotContain("<html");

        var ok = send(HttpRequest.newBuilder(url("/form"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=1&b=2")));
        assertThat(ok.body()).isEqualTo("keys=2");
    }

    @Test
    void a_wrong_method_is_405() throws Exception {
        var r = send(HttpRequest.newBuilder(url("/form")));
        assertThat(r.statusCode()).isEqualTo(405);
    }

    static byte[] multipartBody(String boundary, int fileBytes) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"urls\"\r\n\r\nmagnet:?x\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"torrents\"; filename=\"a.torrent\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[fileBytes]);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void a_multipart_body_over_8_mb_is_413_whether_announced_or_chunked_and_a_small_one_is_read() throws Exception {
        String type = "multipart/form-data; boundary=XyZ";
        var small = send(HttpRequest.newBuilder(url("/multipart")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipartBody("XyZ", 1000))));
        assertThat(small.body()).startsWith("files=1 ");

        byte[] big = multipartBody("XyZ", 9 * 1024 * 1024);
        var announced = send(HttpRequest.newBuilder(url("/multipart")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(announced.body()).doesNotContain("<html");

        // no Content-Length: the body streams in chunks until the multipart parser's cap stops it
        var chunked = send(HttpRequest.newBuilder(url("/multipart")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).doesNotContain("<html").doesNotContain("\tat ");
    }

    @Test
    void a_too_long_query_on_a_surface_with_its_own_protocol_is_rendered_in_it() throws Exception {
        var huge = raw("GET /plain/query?q=" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(Integer.parseInt(huge.substring(9, 12))).isEqualTo(414);
        assertThat(huge).contains("plain: ");
    }
}
