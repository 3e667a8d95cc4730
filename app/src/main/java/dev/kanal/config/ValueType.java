package dev.kanal.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How a setting's text becomes a typed value, and what to tell the user when it does not.
 *
 * @param name the type's name in the configuration reference
 * @param expected what a valid value looks like, for error messages and docs
 * @param parser turns text into a value, throwing {@link IllegalArgumentException} when invalid
 */
public record ValueType<T>(String name, String expected, Function<String, T> parser) {

    public T parse(String raw) {
        return parser.apply(raw.trim());
    }

    public static ValueType<Integer> integer(int min, int max) {
        return new ValueType<>("integer", "an integer from " + min + " to " + max, s -> {
            int v = Integer.parseInt(s);
            if (v < min || v > max) throw new IllegalArgumentException("out of range");
            return v;
        });
    }

    public static ValueType<Double> decimal(double min, double max) {
        return new ValueType<>("number", "a number from " + fmt(min) + " to " + fmt(max), s -> {
            double v = Double.parseDouble(s);
            if (Double.isNaN(v) || v < min || v > max) throw new IllegalArgumentException("out of range");
            return v;
        });
    }

    public static ValueType<Boolean> bool() {
        return new ValueType<>("boolean", "true or false", s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        });
    }

    public static ValueType<String> text() {
        return new ValueType<>("string", "any text", s -> s);
    }

    /** A secret: any text of at least {@code min} characters. */
    public static ValueType<String> secret(int min) {
        return new ValueType<>("secret", "at least " + min + " characters", s -> {
            if (s.length() < min) throw new IllegalArgumentException("too short");
            return s;
        });
    }

    public static ValueType<URI> httpUrl() {
        return new ValueType<>("url", "an absolute http:// or https:// URL", s -> {
            URI u = URI.create(s);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                    || u.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            String text = u.toString();
            return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : u;
        });
    }

    /** Like {@link #httpUrl()}, or empty (then null: the feature is off). */
    public static ValueType<URI> optionalHttpUrl() {
        ValueType<URI> url = httpUrl();
        return new ValueType<>("url", "empty, or an absolute http:// or https:// URL",
                s -> s.isBlank() ? null : url.parse(s.strip()));
    }

    /** A umask as linuxserver images take it: three or four octal digits such as {@code 022}. */
    public static ValueType<Integer> umask() {
        return new ValueType<>("umask", "three or four octal digits, e.g. 022 or 002", s -> {
            if (!s.strip().matches("[0-7]{3,4}")) throw new IllegalArgumentException("not an octal umask");
            return Integer.parseInt(s.strip(), 8) & 0777;
        });
    }

    /** A directory; whether it can be written is checked once the whole configuration is read. */
    public static ValueType<Path> directory() {
        return new ValueType<>("directory", "a directory path Kanal can write", s -> {
            if (s.isEmpty() || s.indexOf('\0') >= 0) throw new IllegalArgumentException("empty path");
            return Path.of(s).toAbsolutePath().normalize();
        });
    }

    /** A path that may be empty (meaning: not set). */
    public static ValueType<String> optionalPath() {
        return new ValueType<>("path", "an absolute path, or empty", s -> {
            if (!s.isEmpty() && !s.startsWith("/") && !s.matches("^[A-Za-z]:[\\\\/].*")) {
                throw new IllegalArgumentException("not absolute");
            }
            return s;
        });
    }

    /** A duration such as {@code 30s}, {@code 5m}, {@code 6h}, {@code 2d} or ISO-8601 {@code PT30S}. */
    public static ValueType<Duration> duration() {
        return new ValueType<>("duration", "a duration such as 500ms, 30s, 5m, 6h or 2d", s -> {
            String v = s.toLowerCase(Locale.ROOT);
            if (v.startsWith("p")) return Duration.parse(s.toUpperCase(Locale.ROOT));
            var m = java.util.regex.Pattern.compile("(\\d+)(ms|s|m|h|d)").matcher(v);
            if (!m.matches()) throw new IllegalArgumentException("bad duration");
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        });
    }

    /** One of a fixed set of lowercase words. */
    public static ValueType<String> oneOf(String... allowed) {
        List<String> values = Arrays.asList(allowed);
        return new ValueType<>("enum", "one of " + String.join(", ", values), s -> {
            String v = s.toLowerCase(Locale.ROOT);
            if (!values.contains(v)) throw new IllegalArgumentException("unknown value");
            return v;
        });
    }

    /** A comma-separated list whose items each come from {@code allowed} (empty list allowed). */
    public static ValueType<List<String>> listOf(String... allowed) {
        List<String> values = Arrays.asList(allowed);
        return new ValueType<>("list", "a comma-separated list of " + String.join(", ", values), s -> {
            List<String> out = new ArrayList<>();
            for (String part : s.split(",")) {
                String v = part.trim().toLowerCase(Locale.ROOT);
                if (v.isEmpty()) continue;
                if (!values.contains(v)) throw new UnknownItem(part.trim(), Spelling.closest(v, values));
                if (!out.contains(v)) out.add(v);
            }
            return List.copyOf(out);
        });
    }

    /**
     * A comma-separated list of names from a set the code knows (hosters), matched ignoring case
     * and punctuation, aliases included; each item becomes its canonical name.
     *
     * @param names canonical name by every spelling that means it (name and aliases)
     */
    public static ValueType<List<String>> namesOf(String what, java.util.function.Supplier<java.util.Map<String, String>> names) {
        return new ValueType<>("list", "a comma-separated list of " + what + " names", s -> {
            java.util.Map<String, String> byKey = new java.util.HashMap<>();
            names.get().forEach((spelling, canonical) -> byKey.put(nameKey(spelling), canonical));
            List<String> out = new ArrayList<>();
            for (String part : s.split(",")) {
                String v = part.trim();
                if (v.isEmpty()) continue;
                String canonical = byKey.get(nameKey(v));
                if (canonical == null) {
                    throw new UnknownItem(v, Spelling.closest(v, names.get().values().stream().distinct().toList())
                            .or(() -> Spelling.closest(v, names.get().keySet())
                                    .map(alias -> names.get().get(alias))));
                }
                if (!out.contains(canonical)) out.add(canonical);
            }
            return List.copyOf(out);
        });
    }

    private static String nameKey(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * Addresses and subnets as IP literals ({@code 172.18.0.0/16}, {@code ::1}) or the word
     * {@code localhost}; never a host name (which would need DNS at start).
     */
    public static ValueType<List<String>> subnets() {
        return new ValueType<>("list", "'localhost' and/or addresses or subnets such as 172.18.0.0/16 or fd00::/8",
                s -> {
                    List<String> out = Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
                    for (String entry : out) {
                        if (!validSubnet(entry)) throw new IllegalArgumentException("bad subnet " + entry);
                    }
                    return out;
                });
    }

    private static boolean validSubnet(String entry) {
        if (entry.equalsIgnoreCase("localhost")) return true;
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        int bits;
        if (address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            for (String octet : address.split("\\.")) {
                if (Integer.parseInt(octet) > 255) return false;
            }
            bits = 32;
        } else if (address.contains(":") && address.matches("[0-9A-Fa-f:.]+")) {
            try {
                java.net.InetAddress.getByName(address); // a literal: parsed, never looked up
            } catch (java.net.UnknownHostException e) {
                return false;
            }
            bits = 128;
        } else {
            return false;
        }
        if (slash < 0) return true;
        String prefix = entry.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}")) return false;
        return Integer.parseInt(prefix) <= bits;
    }

    /** A list item that is not one of the known words; carries the nearest known one, if any. */
    public static final class UnknownItem extends IllegalArgumentException {
        private final String item;
        private final java.util.Optional<String> meant;

        UnknownItem(String item, java.util.Optional<String> meant) {
            super("unknown item " + item, null);
            this.item = item;
            this.meant = meant;
        }

        public String item() {
            return item;
        }

        public java.util.Optional<String> meant() {
            return meant;
        }
    }

    /** A comma-separated list of free words (names, subnets). */
    public static ValueType<List<String>> words() {
        return new ValueType<>("list", "a comma-separated list", s -> Arrays.stream(s.split(","))
                .map(String::trim).filter(x -> !x.isEmpty()).toList());
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
