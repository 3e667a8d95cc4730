package dev.kanal.egress;

import dev.kanal.providers.http.UpstreamAllowance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A forward proxy on 127.0.0.1 for one child process (yt-dlp's {@code --proxy}): plain HTTP in
 * absolute form and HTTPS via {@code CONNECT}. It resolves each host itself, refuses any address the
 * {@link UpstreamAllowance} does not allow, and connects to exactly the address it checked. Every
 * other request (other schemes, malformed heads) is refused. Refusals are kept so the caller can
 * say why a download failed. Closing it cuts every connection it still relays.
 */
public final class EgressProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EgressProxy.class);

    private final UpstreamAllowance allowance;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<String> refusals = new CopyOnWriteArrayList<>();

    private EgressProxy(UpstreamAllowance allowance, ServerSocket server) {
        this.allowance = allowance;
        this.server = server;
    }

    /** Starts a proxy on a free loopback port. */
    public static EgressProxy start(UpstreamAllowance allowance) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        EgressProxy proxy = new EgressProxy(allowance, server);
        Thread.ofVirtual().name("egress-proxy-" + server.getLocalPort()).start(proxy::acceptLoop);
        return proxy;
    }

    /** The proxy URL to hand a client, e.g. {@code http://127.0.0.1:40123}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** What was refused so far, oldest first (e.g. "private address 127.0.0.3 for 127.3"). */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread.ofVirtual().name("egress-conn").start(() -> serve(client));
            } catch (IOException e) {
                if (!server.isClosed()) log.debug("egress accept failed reason={}", e.getMessage());
            }
        }
    }

    private void serve(Socket client) {
        try {
            new ProxyExchange(client, allowance, open, this::refused).run();
        } catch (IOException e) {
            log.debug("egress connection ended reason={}", e.getMessage());
        } finally {
            close(client);
        }
    }

    private void refused(String what) {
        if (refusals.size() < 100) refusals.add(what);
        log.warn("egress refused {}", what);
    }

    static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        for (Socket s : new ArrayList<>(open)) close(s);
        open.clear();
    }
}
