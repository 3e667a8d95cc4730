package dev.kanal.providers.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/**
 * Says why a request never got an answer, in words a user can act on. The reasons start with a
 * fixed phrase ({@link #DNS}, {@link #REFUSED}, {@link #TIMEOUT}, …) that the app's status pages
 * classify by; a bare {@code UnknownHostException} message is only the host name, which is why
 * this exists.
 */
public final class Unreachability {
    /** The host name did not resolve: no internet, no DNS, or a DNS block of the site. */
    public static final String DNS = "DNS lookup failed";
    /** Nothing listens, or a firewall rejects the connection. */
    public static final String REFUSED = "connection refused";
    /** No route to the host (network down). */
    public static final String NO_ROUTE = "no route to host";
    /** Connect or read took too long. */
    public static final String TIMEOUT = "timeout";
    /** TLS failed (an interception proxy or a block page). */
    public static final String TLS = "TLS handshake failed";

    private Unreachability() {}

    /** The reason for an I/O failure talking to {@code host}. */
    public static String reason(IOException e, String host) {
        if (e instanceof PrivateAddressGuard.PrivateAddressRefused) return e.getMessage();
        if (e instanceof UnknownHostException) {
            return DNS + " for " + host + " (no internet, or the DNS server blocks or does not know the site)";
        }
        if (e instanceof ConnectException) {
            String m = String.valueOf(e.getMessage());
            if (m.toLowerCase(java.util.Locale.ROOT).contains("timed out")) return TIMEOUT + " connecting to " + host;
            return REFUSED + " by " + host + (m.contains("proxy") ? " (proxy)" : "");
        }
        if (e instanceof NoRouteToHostException) return NO_ROUTE + " " + host;
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return TIMEOUT + " talking to " + host;
        }
        if (e instanceof SSLException) return TLS + " with " + host + ": " + e.getMessage();
        String m = e.getMessage();
        if (m != null && m.toLowerCase(java.util.Locale.ROOT).contains("socks")) {
            return REFUSED + " by the SOCKS proxy: " + m;
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
