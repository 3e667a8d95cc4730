package dev.kanal.providers.hoster;

import java.net.URI;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads when a signed media URL stops working, from the parameters hosters put into it, so the
 * app can resolve again before a long download or a paused stream hits a dead URL.
 */
final class MediaExpiry {
    /** Streamtape and others: {@code expires=<unix seconds>}. */
    private static final Pattern EXPIRES = Pattern.compile("[?&]expires=(?<epoch>\\d{9,13})(?:&|$)");

    /**
     * VOE, Filemoon and XFS CDNs: {@code s=<unix seconds issued>} plus {@code e=<lifetime seconds>}
     * (VOE uses {@code e=14400}, four hours).
     */
    private static final Pattern ISSUED = Pattern.compile("[?&]s=(?<epoch>\\d{9,13})(?:&|$)");
    private static final Pattern LIFETIME = Pattern.compile("[?&]e=(?<seconds>\\d{1,7})(?:&|$)");

    private MediaExpiry() {}

    /** The expiry the URL states, or null when it states none. */
    static Instant of(URI url) {
        String query = url.getRawQuery();
        if (query == null) return null;
        String q = "?" + query;
        Matcher expires = EXPIRES.matcher(q);
        if (expires.find()) return epoch(expires.group("epoch"));
        Matcher issued = ISSUED.matcher(q);
        Matcher lifetime = LIFETIME.matcher(q);
        if (issued.find() && lifetime.find()) {
            return epoch(issued.group("epoch")).plusSeconds(Long.parseLong(lifetime.group("seconds")));
        }
        return null;
    }

    /** Seconds or, for 13 digits, milliseconds since the epoch. */
    private static Instant epoch(String digits) {
        long value = Long.parseLong(digits);
        return digits.length() >= 13 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
