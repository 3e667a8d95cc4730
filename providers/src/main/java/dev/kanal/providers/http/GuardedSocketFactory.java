package dev.kanal.providers.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;

/**
 * Checks the address every upstream socket is about to connect to. The DNS guard alone misses URLs
 * whose host is an IP literal (OkHttp does not look those up), so a signed playlist child such as
 * {@code http://192.168.1.1/} would otherwise get through; this refuses it before the connect.
 */
public final class GuardedSocketFactory extends SocketFactory {
    private final UpstreamAllowance allowance;

    public GuardedSocketFactory(boolean allowPrivate) {
        this(UpstreamAllowance.of(allowPrivate));
    }

    public GuardedSocketFactory(UpstreamAllowance allowance) {
        this.allowance = allowance;
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public void connect(SocketAddress endpoint, int timeout) throws IOException {
                if (endpoint instanceof InetSocketAddress inet && inet.getAddress() != null
                        && !allowance.allows(inet.getAddress())) {
                    throw new PrivateUpstreamRefused(inet.getAddress(), allowance);
                }
                super.connect(endpoint, timeout);
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localHost, localPort));
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket s = createSocket();
        s.bind(new InetSocketAddress(localAddress, localPort));
        s.connect(new InetSocketAddress(address, port));
        return s;
    }

    /** The upstream is on a loopback or private address and those are not allowed. */
    public static final class PrivateUpstreamRefused extends IOException {
        PrivateUpstreamRefused(InetAddress address, UpstreamAllowance allowance) {
            super("refusing private address " + address.getHostAddress() + " (" + allowance.hint(address) + ")");
        }
    }
}
