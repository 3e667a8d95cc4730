package dev.kanal.egress;

import dev.kanal.providers.http.NumericHost;
import dev.kanal.providers.http.UpstreamAllowance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One client connection to the {@link EgressProxy}: reads the request head, checks and connects the
 * target, then relays bytes both ways until one side ends. One request per connection: the
 * upstream is asked to close after its answer, and so is the client.
 */
final class ProxyExchange {
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final Set<String> HOP_HEADERS = Set.of("connection", "proxy-connection", "keep-alive",
            "proxy-authorization", "proxy-authenticate", "te", "upgrade");

    private final Socket client;
    private final UpstreamAllowance allowance;
    private final Set<Socket> open;
    private final Consumer<String> refused;

    ProxyExchange(Socket client, UpstreamAllowance allowance, Set<Socket> open, Consumer<String> refused) {
        this.client = client;
        this.allowance = allowance;
        this.open = open;
        this.refused = refused;
    }

    void run() throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        String head = readHead(in);
        if (head == null) return;
        String[] lines = head.split("\r\n");
        String[] request = lines[0].split(" ");
        if (request.length != 3 || !request[2].startsWith("HTTP/1.")) {
            refuse(out, 400, "malformed request line");
            return;
        }
        String method = request[0];
        try {
            if (method.equals("CONNECT")) {
                tunnel(request[1], in, out);
            } else {
                forward(method, request[1], lines, in, out);
            }
        } catch (EgressTarget.Refused e) {
            refuse(out, 403, e.getMessage() + " (" + lines[0].replaceAll(" HTTP/1\\.\\d$", "") + ")");
        }
    }

    private void tunnel(String authority, InputStream in, OutputStream out) throws IOException {
        int colon = authority.lastIndexOf(':');
        if (colon < 0) throw new EgressTarget.Refused("CONNECT without a port");
        String host = authority.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port = parsePort(authority.substring(colon + 1));
        EgressTarget target = EgressTarget.resolve(host.toLowerCase(Locale.ROOT), port, allowance);
        Socket upstream = connect(target, out);
        if (upstream == null) return;
        try (upstream) {
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            relay(in, out, upstream);
        }
    }

    private void forward(String method, String target, String[] lines, InputStream in, OutputStream out)
            throws IOException {
        URI url;
        try {
            url = new URI(target);
        } catch (URISyntaxException e) {
            throw new EgressTarget.Refused("unparsable URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http")) throw new EgressTarget.Refused("scheme " + (scheme.isEmpty() ? "none" : scheme));
        String host = NumericHost.hostOf(url);
        int port = url.getPort() > 0 ? url.getPort() : portOf(url);
        EgressTarget checked = EgressTarget.resolve(host, port, allowance);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) path += "?" + url.getRawQuery();
        StringBuilder upstreamHead = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        boolean hostSeen = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) continue;
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            if (HOP_HEADERS.contains(name)) continue;
            if (name.equals("host")) hostSeen = true;
            upstreamHead.append(lines[i]).append("\r\n");
        }
        if (!hostSeen) upstreamHead.append("Host: ").append(url.getRawAuthority()).append("\r\n");
        upstreamHead.append("Connection: close\r\n\r\n");
        Socket upstream = connect(checked, out);
        if (upstream == null) return;
        try (upstream) {
            upstream.getOutputStream().write(upstreamHead.toString().getBytes(StandardCharsets.ISO_8859_1));
            relay(in, out, upstream);
        }
    }

    /** The connected upstream, or null after telling the client it cannot be reached. */
    private Socket connect(EgressTarget target, OutputStream out) throws IOException {
        try {
            Socket upstream = target.connect();
            open.add(upstream);
            return upstream;
        } catch (IOException e) {
            refuseQuietly(out, 502, "cannot connect to " + target.host() + ":" + target.port());
            return null;
        }
    }

    /** Copies client→upstream on a second thread and upstream→client here, until the upstream ends. */
    private void relay(InputStream clientIn, OutputStream clientOut, Socket upstream) throws IOException {
        InputStream upIn = upstream.getInputStream();
        OutputStream upOut = upstream.getOutputStream();
        Thread up = Thread.ofVirtual().name("egress-up").start(() -> {
            try {
                clientIn.transferTo(upOut);
                upstream.shutdownOutput();
            } catch (IOException ignored) {
                // either side closed; the other direction notices
            }
        });
        try {
            upIn.transferTo(clientOut);
            clientOut.flush();
        } finally {
            open.remove(upstream);
            EgressProxy.close(upstream);
            EgressProxy.close(client);
            up.interrupt();
        }
    }

    private void refuse(OutputStream out, int status, String why) throws IOException {
        refused.accept(why);
        refuseQuietly(out, status, why);
    }

    private static void refuseQuietly(OutputStream out, int status, String why) throws IOException {
        String reason = (status == 403 ? "Forbidden by Kanal: " : "Kanal proxy: ") + why.replaceAll("[\\r\\n]", " ");
        byte[] body = (reason + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason.replaceAll("[^\\x20-\\x7e]", "?") + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static int portOf(URI url) {
        String authority = url.getRawAuthority() == null ? "" : url.getRawAuthority();
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int close = hostPort.lastIndexOf(']');
        int colon = hostPort.lastIndexOf(':');
        if (colon > close && colon < hostPort.length() - 1) return parsePortLenient(hostPort.substring(colon + 1));
        return 80;
    }

    private static int parsePortLenient(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int parsePort(String s) throws EgressTarget.Refused {
        int p = parsePortLenient(s);
        if (p < 1 || p > 65535) throw new EgressTarget.Refused("bad port " + s);
        return p;
    }

    /** The request head up to the blank line, or null when the client closed first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
        int state = 0;
        while (head.size() < MAX_HEAD_BYTES) {
            int b = in.read();
            if (b < 0) return null;
            head.write(b);
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1 -> b == '\n' ? 2 : 0;
                case 3 -> b == '\n' ? 4 : 0;
                default -> 0;
            };
            if (state == 4) return head.toString(StandardCharsets.ISO_8859_1).strip();
        }
        throw new IOException("request head too large");
    }
}
