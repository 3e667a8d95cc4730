package dev.kanal.egress;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kanal.providers.http.UpstreamAllowance;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The egress proxy speaks HTTP and CONNECT to allowed addresses only, whatever form the host takes. */
class EgressProxyTest {
    static HttpServer allowed;
    static HttpServer victim;
    static final List<String> VICTIM_HITS = new CopyOnWriteArrayList<>();
    static EgressProxy proxy;

    @BeforeAll
    static void start() throws IOException {
        allowed = server("127.0.0.1", null);
        victim = server("127.0.0.3", VICTIM_HITS);
        proxy = EgressProxy.start(UpstreamAllowance.parse("127.0.0.1/32"));
    }

    @AfterAll
    static void stop() {
        proxy.close();
        allowed.stop(0);
        victim.stop(0);
    }

    static HttpServer server(String address, List<String> hits) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(address, 0), 0);
        s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s.createContext("/", ex -> {
            if (hits != null) hits.add(ex.getRequestURI().toString());
            byte[] body = ("hello from " + address).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        s.start();
        return s;
    }

    static String exchange(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", proxy.url().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void plain_http_to_an_allowed_address_is_relayed() throws IOException {
        int port = allowed.getAddress().getPort();
        String answer = exchange("GET http://127.1:" + port + "/x HTTP/1.1\r\nHost: 127.1:" + port + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200").contains("hello from 127.0.0.1");
    }

    @Test
    void every_form_of_a_refused_address_is_refused_without_contact() throws IOException {
        int port = victim.getAddress().getPort();
        for (String host : List.of("127.0.0.3", "127.3", "2130706435", "0x7f000003", "0177.0.0.3", "[::ffff:127.0.0.3]")) {
            String answer = exchange("GET http://" + host + ":" + port + "/secret HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(answer).as(host).startsWith("HTTP/1.1 403 Forbidden by Kanal: private address 127.0.0.3");
            String tunnel = exchange("CONNECT " + host + ":" + port + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(tunnel).as(host).startsWith("HTTP/1.1 403");
        }
        assertThat(VICTIM_HITS).isEmpty();
        assertThat(proxy.refusals()).isNotEmpty();
    }

    @Test
    void connect_tunnels_to_an_allowed_address() throws IOException {
        int port = allowed.getAddress().getPort();
        String answer = exchange("CONNECT 127.0.0.1:" + port + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n"
                + "GET /through HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200 Connection established").contains("hello from 127.0.0.1");
    }

    @Test
    void other_schemes_and_origin_form_requests_are_refused() throws IOException {
        assertThat(exchange("GET ftp://127.0.0.1/x HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 403");
        assertThat(exchange("GET gopher://127.0.0.1:70/_x HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 403");
        assertThat(exchange("GET file:///etc/passwd HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 403");
        assertThat(exchange("GET /relative HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 403");
        assertThat(exchange("nonsense\r\n\r\n")).startsWith("HTTP/1.1 400");
    }
}
