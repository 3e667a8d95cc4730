package dev.kanal.providers.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the host of a URL the way curl, browsers and Python's resolver do, including the forms
 * {@link URI#getHost()} gives up on: {@code 127.1}, {@code 10.1}, {@code 2130706433},
 * {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 169.254.43518} (inet_aton's one to four parts in
 * decimal, octal or hex) and bracketed IPv6. A guard that checks a URL without connecting uses this
 * so such hosts cannot pass as "no host".
 */
public final class NumericHost {
    private NumericHost() {}

    /** The host part of {@code url}'s authority, lower-cased and without brackets; empty when none. */
    public static String hostOf(URI url) {
        if (url.getHost() != null) return strip(url.getHost());
        String authority = url.getRawAuthority();
        if (authority == null) return "";
        int at = authority.lastIndexOf('@');
        String hostPort = authority.substring(at + 1);
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close < 0 ? "" : hostPort.substring(1, close).toLowerCase(Locale.ROOT);
        }
        int colon = hostPort.indexOf(':');
        return (colon < 0 ? hostPort : hostPort.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    private static String strip(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        h = h.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    /** The address {@code host} denotes by itself, without DNS; empty for a name. */
    public static Optional<InetAddress> address(String host) {
        if (host == null || host.isEmpty()) return Optional.empty();
        String h = strip(host);
        try {
            if (h.contains(":")) {
                if (!h.matches("[0-9a-f:.%a-z]+")) return Optional.empty();
                return Optional.of(InetAddress.getByName("[" + h + "]"));
            }
            return ipv4(h);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> ipv4(String h) throws UnknownHostException {
        String[] parts = h.split("\\.", -1);
        if (parts.length > 4) return Optional.empty();
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Long> v = number(parts[i]);
            if (v.isEmpty()) return Optional.empty();
            values[i] = v.get();
        }
        long address = 0;
        int last = parts.length - 1;
        for (int i = 0; i < last; i++) {
            if (values[i] > 255) return Optional.empty();
            address |= values[i] << (24 - 8 * i);
        }
        long lastMax = (1L << (8 * (4 - last))) - 1;
        if (values[last] > lastMax) return Optional.empty();
        address |= values[last];
        byte[] b = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        return Optional.of(InetAddress.getByAddress(b));
    }

    private static Optional<Long> number(String part) {
        try {
            if (part.isEmpty()) return Optional.empty();
            if (part.startsWith("0x")) {
                return part.length() == 2 ? Optional.of(0L) : Optional.of(Long.parseLong(part.substring(2), 16));
            }
            if (part.length() > 1 && part.startsWith("0")) return Optional.of(Long.parseLong(part, 8));
            if (!part.chars().allMatch(Character::isDigit)) return Optional.empty();
            return Optional.of(Long.parseLong(part));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
