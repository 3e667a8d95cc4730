package dev.kanal.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One address or CIDR range from a setting such as {@code KANAL_TRUSTED_PROXIES}
 * ({@code 172.18.0.0/16}, {@code 10.0.0.5}, {@code ::1}, {@code localhost}). Only literal addresses
 * are accepted: a host name would be looked up in DNS, which a setting must not depend on.
 */
public record AddressRange(byte[] network, int prefix) {
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** The ranges of {@code entry}; {@code localhost} means 127.0.0.0/8 and ::1. */
    public static List<AddressRange> parse(String entry) {
        String e = entry.strip();
        if (e.equalsIgnoreCase("localhost")) {
            byte[] v6 = new byte[16];
            v6[15] = 1;
            return List.of(new AddressRange(new byte[] {127, 0, 0, 0}, 8), new AddressRange(v6, 128));
        }
        int slash = e.indexOf('/');
        String host = slash < 0 ? e : e.substring(0, slash);
        byte[] address = literal(host);
        if (address == null) {
            throw new IllegalArgumentException("'" + e + "' is neither 'localhost' nor an address or range such as"
                    + " 172.18.0.0/16");
        }
        int bits = address.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(e.substring(slash + 1));
        } catch (NumberFormatException ex) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + e + "' has a bad prefix length (0 to " + bits + ")");
        }
        return List.of(new AddressRange(address, prefix));
    }

    /** The bytes of a literal IPv4/IPv6 address (brackets allowed), or null when it is not one. */
    public static byte[] literal(String text) {
        if (text == null) return null;
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        int zone = t.indexOf('%');
        if (zone >= 0) t = t.substring(0, zone);
        if (t.isEmpty() || !LITERAL.matcher(t).matches()) return null;
        if (!t.contains(":") && t.split("\\.", -1).length != 4) return null;
        try {
            return InetAddress.getByName(t).getAddress(); // a literal: no DNS lookup happens
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** True when {@code ip} (4 or 16 bytes; IPv4-mapped IPv6 counts as IPv4) is inside this range. */
    public boolean contains(byte[] ip) {
        if (ip == null) return false;
        byte[] candidate = ip;
        if (candidate.length == 16 && network.length == 4 && isMappedV4(candidate)) {
            candidate = Arrays.copyOfRange(candidate, 12, 16);
        }
        if (candidate.length != network.length) return false;
        int p = prefix;
        for (int i = 0; i < network.length && p > 0; i++, p -= 8) {
            int mask = p >= 8 ? 0xff : (0xff << (8 - p)) & 0xff;
            if ((candidate[i] & mask) != (network[i] & mask)) return false;
        }
        return true;
    }

    private static boolean isMappedV4(byte[] a) {
        for (int i = 0; i < 10; i++) if (a[i] != 0) return false;
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
    }
}
