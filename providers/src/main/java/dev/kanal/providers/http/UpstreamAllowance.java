package dev.kanal.providers.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which loopback and private addresses Kanal may reach upstream: none (the default), all
 * ({@code KANAL_ALLOW_PRIVATE_UPSTREAMS=true}), or only listed addresses and CIDR blocks
 * ({@code 127.0.0.1/32,192.168.1.20}), so one LAN mirror is reachable without opening the rest of
 * the network. Public addresses are always allowed.
 */
public final class UpstreamAllowance {
    /** No private address is reachable. */
    public static final UpstreamAllowance NONE = new UpstreamAllowance(false, List.of(), "false");
    /** Every private address is reachable. */
    public static final UpstreamAllowance ALL = new UpstreamAllowance(true, List.of(), "true");

    private final boolean all;
    private final List<Block> blocks;
    private final String text;

    private UpstreamAllowance(boolean all, List<Block> blocks, String text) {
        this.all = all;
        this.blocks = List.copyOf(blocks);
        this.text = text;
    }

    /** {@link #ALL} for true, {@link #NONE} for false. */
    public static UpstreamAllowance of(boolean allowAll) {
        return allowAll ? ALL : NONE;
    }

    /**
     * Parses a setting value: a boolean word ({@code true/false/yes/no/1/0/on/off}), or a
     * comma-separated list of IP addresses and CIDR blocks. Throws IllegalArgumentException otherwise.
     */
    public static UpstreamAllowance parse(String value) {
        String s = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "true", "yes", "1", "on" -> {
                return ALL;
            }
            case "", "false", "no", "0", "off" -> {
                return NONE;
            }
            default -> {
                List<Block> blocks = new ArrayList<>();
                for (String part : s.split(",")) {
                    String p = part.strip();
                    if (!p.isEmpty()) blocks.add(Block.parse(p));
                }
                if (blocks.isEmpty()) throw new IllegalArgumentException("not a boolean or address list");
                return new UpstreamAllowance(false, blocks, String.join(",", blocks.stream().map(Block::toString)
                        .toList()));
            }
        }
    }

    /** True when every private address is allowed (the old boolean meaning). */
    public boolean allowsAllPrivate() {
        return all;
    }

    /** True when Kanal may connect to {@code address}. */
    public boolean allows(InetAddress address) {
        if (all || !PrivateAddressGuard.isPrivate(address)) return true;
        for (Block b : blocks) {
            if (b.contains(address)) return true;
        }
        return false;
    }

    /** The hint a refusal shows: how to allow this address. */
    String hint(InetAddress address) {
        return "set KANAL_ALLOW_PRIVATE_UPSTREAMS=" + address.getHostAddress() + " or =true to allow";
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UpstreamAllowance u && u.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** One address or CIDR block. */
    private record Block(byte[] network, int prefix) {
        static Block parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            if (!address.matches("[0-9a-f:.]+") || address.isEmpty()) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + text);
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress(); // a literal: no DNS lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + text);
            }
            int max = bytes.length * 8;
            int prefix = max;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a CIDR prefix: " + text);
                }
                if (prefix < 0 || prefix > max) throw new IllegalArgumentException("not a CIDR prefix: " + text);
            }
            return new Block(bytes, prefix);
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) return false;
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) return false;
            }
            int rest = prefix % 8;
            if (rest == 0) return true;
            int mask = (0xff << (8 - rest)) & 0xff;
            return (b[full] & mask) == (network[full] & mask);
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
            } catch (UnknownHostException e) {
                return "?";
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Block b && java.util.Arrays.equals(b.network, network) && b.prefix == prefix;
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(network) * 31 + prefix;
        }
    }
}
