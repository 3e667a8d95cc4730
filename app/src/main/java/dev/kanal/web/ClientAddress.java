package dev.kanal.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Who sent a request, for throttling and logs: the connecting address, or — only when that address
 * is one of {@code KANAL_TRUSTED_PROXIES} — the client a proxy names in {@code X-Forwarded-For}
 * (the right-most entry that is not itself a trusted proxy). A header from anyone else is ignored,
 * so a client cannot pick its own address.
 */
public final class ClientAddress {
    private final List<AddressRange> trusted;

    /** @param trustedProxies entries as {@link AddressRange#parse} reads them */
    public ClientAddress(List<String> trustedProxies) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String entry : trustedProxies) ranges.addAll(AddressRange.parse(entry));
        this.trusted = List.copyOf(ranges);
    }

    /** No trusted proxies: every request is its connecting address. */
    public static ClientAddress direct() {
        return new ClientAddress(List.of());
    }

    /** The client of {@code ctx}. */
    public String of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    /** True when the request came through a trusted proxy (its forwarding headers count). */
    public boolean viaTrustedProxy(Context ctx) {
        return isTrusted(ctx.req().getRemoteAddr());
    }

    String resolve(String remote, String forwardedFor) {
        if (!isTrusted(remote) || forwardedFor == null || forwardedFor.isBlank()) return remote;
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            byte[] ip = AddressRange.literal(hop);
            if (ip == null) return remote; // garbage in the chain: trust nothing beyond the proxy
            if (!contains(ip) || i == 0) return hop;
        }
        return remote;
    }

    private boolean isTrusted(String address) {
        return !trusted.isEmpty() && contains(AddressRange.literal(address));
    }

    private boolean contains(byte[] ip) {
        return trusted.stream().anyMatch(r -> r.contains(ip));
    }
}
