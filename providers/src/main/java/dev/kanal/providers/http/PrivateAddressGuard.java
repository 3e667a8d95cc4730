package dev.kanal.providers.http;

import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import okhttp3.Dns;

/**
 * Refuses to connect to loopback, link-local, site-local and unique-local addresses unless the
 * {@link UpstreamAllowance} allows them, so a hostile page or a tampered URL cannot make Kanal reach
 * into the user's network. It checks the resolved addresses (not the host name), so DNS tricks do
 * not get around it; hosts Java cannot name ({@code 127.1}, {@code 2130706433}) are read as the
 * addresses they denote.
 */
public final class PrivateAddressGuard implements Dns {
    private final UpstreamAllowance allowance;

    public PrivateAddressGuard(boolean allowPrivate) {
        this(UpstreamAllowance.of(allowPrivate));
    }

    public PrivateAddressGuard(UpstreamAllowance allowance) {
        this.allowance = allowance;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        var literal = NumericHost.address(hostname);
        List<InetAddress> addresses = literal.isPresent()
                ? List.of(InetAddress.getByAddress(hostname, literal.get().getAddress()))
                : Dns.SYSTEM.lookup(hostname);
        if (allowance.allowsAllPrivate()) return addresses;
        for (InetAddress a : addresses) {
            if (!allowance.allows(a)) {
                throw new PrivateAddressRefused(hostname, a, allowance);
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
        int first = b[0] & 0xff;
        return first == 0 // 0.0.0.0/8 "this network"
                || first >= 240 // 240.0.0.0/4 reserved and broadcast
                || (first == 100 && (b[1] & 0xc0) == 64) // 100.64.0.0/10 carrier-grade NAT
                || (first == 198 && (b[1] & 0xfe) == 18); // 198.18.0.0/15 benchmarking
    }

    /**
     * Throws {@link ProviderException} when {@code url} is not http(s), names no host, or its host
     * resolves to an address that is not allowed.
     */
    public void check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ProviderException(new ProviderFailure.Unreachable(url, "refusing a non-http(s) URL"));
        }
        String host = NumericHost.hostOf(url);
        if (host.isEmpty()) throw new ProviderException(new ProviderFailure.Unreachable(url, "URL names no host"));
        if (allowance.allowsAllPrivate()) return;
        try {
            lookup(host);
        } catch (PrivateAddressRefused e) {
            throw new ProviderException(new ProviderFailure.Unreachable(url, e.getMessage()));
        } catch (UnknownHostException e) {
            throw new ProviderException(new ProviderFailure.Unreachable(url, "unknown host " + host));
        }
    }

    /** Raised from DNS lookups; OkHttp passes it up as an IOException. */
    public static final class PrivateAddressRefused extends UnknownHostException {
        PrivateAddressRefused(String host, InetAddress address, UpstreamAllowance allowance) {
            super("refusing private address " + address.getHostAddress() + " for " + host
                    + " (" + allowance.hint(address) + ")");
        }
    }
}
