package dev.kanal.providers.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A SOCKS5 proxy for tests (no authentication, CONNECT only) that sends every connection to one
 * loopback port, whatever host the client asked for, and records the host names it was asked to
 * reach: proof that the client left name resolution to the proxy.
 */
public final class TinySocks5 implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;
    private final List<String> requestedHosts = new CopyOnWriteArrayList<>();

    /** Listens on a free loopback port and forwards to {@code 127.0.0.1:targetPort}. */
    public TinySocks5(int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        Thread.ofVirtual().start(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The host names (or addresses) clients asked to CONNECT to, in order. */
    public List<String> requestedHosts() {
        return List.copyOf(requestedHosts);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            if (in.readUnsignedByte() != 5) return;
            in.skipNBytes(in.readUnsignedByte());
            out.write(new byte[] {5, 0});
            if (in.readUnsignedByte() != 5 || in.readUnsignedByte() != 1) return; // CONNECT only
            in.readUnsignedByte();
            int type = in.readUnsignedByte();
            String host;
            if (type == 3) {
                byte[] name = new byte[in.readUnsignedByte()];
                in.readFully(name);
                host = new String(name, StandardCharsets.US_ASCII);
            } else if (type == 1) {
                byte[] a = new byte[4];
                in.readFully(a);
                host = (a[0] & 255) + "." + (a[1] & 255) + "." + (a[2] & 255) + "." + (a[3] & 255);
            } else {
                return;
            }
            in.readUnsignedShort();
            requestedHosts.add(host);
            try (Socket upstream = new Socket("127.0.0.1", targetPort)) {
                out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
                out.flush();
                Thread pump = Thread.ofVirtual().start(() -> copy(in, quiet(upstream)));
                copy(upstream.getInputStream(), out);
                pump.join(1000);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    private static OutputStream quiet(Socket s) {
        try {
            return s.getOutputStream();
        } catch (IOException e) {
            return OutputStream.nullOutputStream();
        }
    }

    private static void copy(InputStream in, OutputStream out) {
        try {
            in.transferTo(out);
            out.flush();
        } catch (IOException e) {
            // one side closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
