package dev.kanal.health;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What state a site or host is in, told apart in the words every status surface uses (Torznab
 * error, catalog badge, {@code /health/catalog}, the Health table, {@code kanal probe}, the log):
 * healthy, still building, unreachable (DNS, refused, timeout), blocked (which challenge), changed
 * markup (which element), or failing (it answers with errors). Read from a failure's
 * {@code describe()} line, which is what the catalog stores as a stage's last error.
 *
 * @param state one of the constants below
 * @param cause the specific cause in words ({@code DNS lookup failed for aniworld.to (…)},
 *     {@code Cloudflare challenge}, {@code hoster buttons at '#episode-links …'}), or null when healthy
 */
public record UpstreamCondition(String state, String cause) {
    public static final String HEALTHY = "healthy";
    public static final String BUILDING = "building";
    public static final String UNREACHABLE = "unreachable";
    public static final String BLOCKED = "blocked";
    public static final String MARKUP_CHANGED = "markup_changed";
    public static final String FAILING = "failing";

    private static final Pattern URL_TAIL = Pattern.compile("\\s*\\((?:https?://|kanal:)[^()]*\\)\\s*$");
    private static final Pattern BLOCKED_BY = Pattern.compile("^blocked by (?<kind>.+)$");
    private static final Pattern MARKUP = Pattern.compile("^markup changed: expected (?<what>.+)$");

    public static UpstreamCondition healthy() {
        return new UpstreamCondition(HEALTHY, null);
    }

    public static UpstreamCondition building() {
        return new UpstreamCondition(BUILDING, null);
    }

    /** The condition a failure line describes; healthy for null or blank. */
    public static UpstreamCondition ofError(String describe) {
        if (describe == null || describe.isBlank()) return healthy();
        String text = URL_TAIL.matcher(describe.strip()).replaceFirst("");
        Matcher blocked = BLOCKED_BY.matcher(text);
        if (blocked.find()) return new UpstreamCondition(BLOCKED, blocked.group("kind"));
        Matcher markup = MARKUP.matcher(text);
        if (markup.find()) return new UpstreamCondition(MARKUP_CHANGED, markup.group("what"));
        if (text.startsWith("unreachable: ")) {
            String reason = text.substring("unreachable: ".length());
            int circuit = reason.indexOf("; circuit open");
            String cause = circuit > 0 ? reason.substring(0, circuit) : reason;
            if (cause.startsWith("blocked by ")) return new UpstreamCondition(BLOCKED, cause.substring("blocked by ".length()));
            String lower = cause.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http ") || lower.contains("maintenance")) return new UpstreamCondition(FAILING, cause);
            return new UpstreamCondition(UNREACHABLE, cause);
        }
        return new UpstreamCondition(FAILING, text);
    }

    /** True for the states in which the site gives Kanal nothing: unreachable, blocked, changed markup. */
    public boolean broken() {
        return state.equals(UNREACHABLE) || state.equals(BLOCKED) || state.equals(MARKUP_CHANGED) || state.equals(FAILING);
    }

    /** One line for users: {@code unreachable: DNS lookup failed for …}, {@code blocked by Cloudflare challenge}. */
    public String words() {
        return switch (state) {
            case HEALTHY -> "healthy";
            case BUILDING -> "catalog still being built";
            case UNREACHABLE -> "unreachable: " + cause;
            case BLOCKED -> "blocked by " + cause;
            case MARKUP_CHANGED -> "markup changed: expected " + cause;
            default -> "failing: " + cause;
        };
    }

    /** What a user can do about it, pointing at the troubleshooting page's entries. */
    public String hint() {
        String lower = cause == null ? "" : cause.toLowerCase(Locale.ROOT);
        return switch (state) {
            case UNREACHABLE -> lower.startsWith("refusing private address")
                    ? "the site's name resolves to a private address: usually a DNS block (the DNS server answers 0.0.0.0 or 127.0.0.1); use another DNS server or KANAL_PROXY (docs/troubleshooting.md#dns-or-no-internet)"
                    : lower.startsWith("dns lookup failed")
                    ? "check the internet connection and DNS; many providers block these sites by DNS: use another DNS server or KANAL_PROXY (docs/troubleshooting.md#dns-or-no-internet)"
                    : lower.contains("proxy")
                            ? "check the proxy or VPN container (docs/troubleshooting.md#vpn-or-proxy)"
                            : "the site or the network path to it is down; Kanal retries by itself (docs/troubleshooting.md#dns-or-no-internet)";
            case BLOCKED -> "the site shows an anti-bot page to this IP: set KANAL_FLARESOLVERR_URL or route the site through KANAL_PROXY_<SITE> (docs/troubleshooting.md#blocked-by-a-challenge)";
            case MARKUP_CHANGED -> "the site changed its pages or moved; check its base URL, else Kanal needs an update (docs/troubleshooting.md#moved-domain-or-changed-markup)";
            default -> "";
        };
    }
}
