package dev.kanal.egress;

import dev.kanal.providers.http.NumericHost;
import dev.kanal.providers.http.PrivateAddressGuard;
import dev.kanal.providers.http.UpstreamAllowance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Where one proxied request goes: the host is resolved here (IP literals in every inet_aton form
 * included), every address it resolves to must be allowed, and the socket is opened to one of those
 * very addresses, so neither DNS rebinding nor host-less URL forms get past the check.
 */
record EgressTarget(String host, int port, List<InetAddress> addresses) {
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    /** Thrown when the target may not be reached; the message says why, for logs and yt-dlp's error. */
    static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /** Resolves {@code host} and checks every address against {@code allowance}. */
    static EgressTarget resolve(String host, int port, UpstreamAllowance allowance) throws Refused {
        if (host.isEmpty()) throw new Refused("no host");
        if (port < 1 || port > 65535) throw new Refused("bad port " + port);
        List<InetAddress> addresses;
        var literal = NumericHost.address(host);
        try {
            addresses = literal.isPresent() ? List.of(literal.get()) : List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused("unknown host " + host);
        }
        if (addresses.isEmpty()) throw new Refused("unknown host " + host);
        for (InetAddress a : addresses) {
            if (!allowance.allows(a)) {
                throw new Refused("private address " + a.getHostAddress() + " for " + host
                        + (PrivateAddressGuard.isPrivate(a) ? "" : " (not allowed)"));
            }
        }
        return new EgressTarget(host, port, addresses);
    }

    /** Opens a socket to the first reachable of the checked addresses. */
    Socket connect() throws IOException {
        IOException last = null;
        for (InetAddress a : addresses) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(a, port), CONNECT_TIMEOUT_MS);
                s.setTcpNoDelay(true);
                return s;
            } catch (IOException e) {
                s.close();
                last = e;
            }
        }
        throw last == null ? new IOException("no address for " + host) : last;
    }
}
