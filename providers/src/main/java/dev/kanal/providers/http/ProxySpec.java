package dev.kanal.providers.http;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * An outbound proxy from configuration: {@code http://[user:password@]host:port} or
 * {@code socks5://host:port} (SOCKS5 resolves host names at the proxy, so the DNS of a VPN
 * container is used). SOCKS5 with a password is refused: Java only offers it through a JVM-wide
 * authenticator.
 *
 * @param type HTTP or SOCKS
 * @param host the proxy's host
 * @param port the proxy's port
 * @param user HTTP proxy user, or null
 * @param password HTTP proxy password, or null
 */
public record ProxySpec(Proxy.Type type, String host, int port, String user, String password) {
    public ProxySpec {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        if (type == Proxy.Type.DIRECT) throw new IllegalArgumentException("a proxy is HTTP or SOCKS");
    }

    /**
     * Parses a proxy URL.
     *
     * @throws IllegalArgumentException with a message fit for the user when the URL is not one
     */
    public static ProxySpec parse(String text) {
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a proxy URL: use http://host:port or socks5://host:port");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Proxy.Type type = switch (scheme) {
            case "http" -> Proxy.Type.HTTP;
            case "socks5", "socks5h", "socks" -> Proxy.Type.SOCKS;
            default -> throw new IllegalArgumentException(
                    "proxy scheme must be http or socks5 (https proxies are not supported), got '" + scheme + "'");
        };
        if (uri.getHost() == null) throw new IllegalArgumentException("proxy URL has no host");
        int port = uri.getPort() > 0 ? uri.getPort() : type == Proxy.Type.HTTP ? 8080 : 1080;
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            if (type == Proxy.Type.SOCKS) {
                throw new IllegalArgumentException("SOCKS5 proxies with a password are not supported; use an HTTP proxy");
            }
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
        }
        return new ProxySpec(type, uri.getHost(), port, user, password);
    }

    /** The {@link Proxy} for OkHttp; the address stays unresolved so the proxy host is looked up when used. */
    public Proxy toProxy() {
        return new Proxy(type, InetSocketAddress.createUnresolved(host, port));
    }

    /** {@code http://host:port} or {@code socks5://host:port}, never the password. */
    public String describe() {
        return (type == Proxy.Type.HTTP ? "http" : "socks5") + "://" + host + ":" + port;
    }

    @Override
    public String toString() {
        return describe();
    }
}
