package dev.kanal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Shortens what must never be logged in full: magnets, tokens, cookies, passwords, signatures and
 * API keys. Everything that writes request data to a log goes through here.
 */
public final class Redact {
    private static final Set<String> SECRET_PARAMS = Set.of(
            "apikey", "api_key", "password", "pass", "sig", "token", "t", "sid", "urls", "magnet", "key", "u");

    private Redact() {}

    /** Keeps the first four characters of a secret. */
    public static String secret(String value) {
        if (value == null || value.isEmpty()) return "";
        return value.length() <= 4 ? "****" : value.substring(0, 4) + "…";
    }

    /** A magnet reduced to its hash prefix and display name. */
    public static String magnet(String magnet) {
        if (magnet == null) return "";
        String lower = magnet.toLowerCase(Locale.ROOT);
        int i = lower.indexOf("btih:");
        String hash = i < 0 ? "?" : magnet.substring(i + 5, Math.min(magnet.length(), i + 13));
        int dn = lower.indexOf("dn=");
        String name = "";
        if (dn >= 0) {
            int end = magnet.indexOf('&', dn);
            name = URLDecoder.decode(magnet.substring(dn + 3, end < 0 ? magnet.length() : end), StandardCharsets.UTF_8);
        }
        return "magnet[" + hash + "… " + name + "]";
    }

    /** A query string with the values of secret-bearing parameters replaced. */
    public static String query(String query) {
        if (query == null || query.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (String pair : query.split("&")) {
            if (!sb.isEmpty()) sb.append('&');
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (eq >= 0 && SECRET_PARAMS.contains(name.toLowerCase(Locale.ROOT))) {
                sb.append(name).append("=***");
            } else {
                sb.append(pair.length() > 120 ? pair.substring(0, 120) + "…" : pair);
            }
            if (sb.length() > 600) {
                sb.append("…");
                break;
            }
        }
        return sb.toString();
    }
}
