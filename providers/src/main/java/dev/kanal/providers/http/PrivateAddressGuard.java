package dev.kanal.providers.http;

import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Refuses to connect to loopback, link-local, site-local and unique-local addresses unless allowed,
 * so a hostile page or a tampered URL cannot make Kanal reach into the user's network. It checks
 * the resolved addresses (not the host name), so DNS tricks do not get around it.
 */
public final class PrivateAddressGuard implements Dns {
    private final boolean allowPrivate;

    public PrivateAddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = Dns.SYSTEM.lookup(hostname);
        if (allowPrivate) return addresses;
        for (InetAddress a : addresses) {
            if (isPrivate(a)) {
                throw new PrivateAddressRefused(hostname, a);
            }
        }
        return addresses;
    }

    /** True for addresses inside the machine or the local network. */
    public static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 16) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        // 100.64.0.0/10 carrier-grade NAT
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    /** Throws {@link ProviderException} when {@code url}'s host resolves to a private address. */
    public void check(URI url) {
        if (allowPrivate || url.getHost() == null) return;
        try {
            lookup(url.getHost());
        } catch (PrivateAddressRefused e) {
            throw new ProviderException(new ProviderFailure.Unreachable(url, e.getMessage()));
        } catch (UnknownHostException e) {
            throw new ProviderException(new ProviderFailure.Unreachable(url, "unknown host " + url.getHost()));
        }
    }

    /** Raised from DNS lookups; OkHttp passes it up as an IOException. */
    public static final class PrivateAddressRefused extends UnknownHostException {
        PrivateAddressRefused(String host, InetAddress address) {
            super("refusing private address " + address.getHostAddress() + " for " + host
                    + " (set KANAL_ALLOW_PRIVATE_UPSTREAMS=true to allow)");
        }
    }
}
