package dev.kanal.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What has connected to Kanal, in memory: Prowlarr's (or Sonarr's) last Torznab request, each
 * client's last qBittorrent login, and the last failed attempt with its reason. Every failure is
 * also logged (client address and surface; at most one line per client and surface every
 * {@link #LOG_EVERY}, with a count of the quiet ones) and counted on {@code /metrics} as
 * {@code kanal_auth_failures_total{surface,reason}}. The page's connect view shows {@link #view()}.
 */
public final class Connections {
    private static final Logger log = LoggerFactory.getLogger(Connections.class);
    static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final int MAX_CLIENTS = 20;

    /** Where a credential was presented. */
    public enum Surface {
        QBITTORRENT_LOGIN("qbittorrent", "qBittorrent login"),
        QBITTORRENT_API_KEY("qbittorrent_api_key", "qBittorrent API key (Bearer)"),
        PAGE_LOGIN("page", "web page login"),
        API_KEY("api_key", "API key"),
        TORZNAB("torznab", "Torznab apikey");

        final String tag;
        final String label;

        Surface(String tag, String label) {
            this.tag = tag;
            this.label = label;
        }
    }

    /** Why an attempt was refused. */
    public enum Reason {
        WRONG_PASSWORD("wrong_password", "wrong user name or password"),
        WRONG_API_KEY("wrong_api_key", "wrong or missing API key"),
        THROTTLED("throttled", "refused unchecked: too many failures from this client, waiting"),
        CROSS_ORIGIN("cross_origin", "a browser request from another site (Origin/Referer)");

        final String tag;
        final String text;

        Reason(String tag, String text) {
            this.tag = tag;
            this.text = text;
        }
    }

    /** A successful contact: when, from where, and the client's name from its User-Agent. */
    public record Seen(String at, String client, String app) {}

    /** A refused attempt. */
    public record Failure(String at, String surface, String client, String app, String reason) {}

    /** What the connect view shows. */
    public record View(Seen torznab, List<Seen> qbittorrent, Failure last_failure, long failures) {}

    private final Clock clock;
    private final MeterRegistry meters;
    /** The last Torznab request as it came (every search notes it: turned into a {@link Seen} only when viewed). */
    private final AtomicReference<Contact> torznab = new AtomicReference<>();
    private final Map<String, Seen> qbLogins = new ConcurrentHashMap<>();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private final AtomicLong failures = new AtomicLong();
    private final Map<String, Quiet> quiet = new ConcurrentHashMap<>();

    private record Quiet(Instant lastLogged, long suppressed) {}

    private record Contact(Instant at, String client, String userAgent) {
        Seen seen() {
            return new Seen(at.toString(), client, app(userAgent));
        }
    }

    public Connections(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.meters = meters;
        for (Surface s : Surface.values()) {
            for (Reason r : Reason.values()) counter(s, r); // every series exists from the start, at 0
        }
    }

    /** An authenticated Torznab request. */
    public void torznab(String client, String userAgent) {
        torznab.set(new Contact(clock.instant(), client, userAgent));
    }

    /** A successful qBittorrent login (or the first request in API-key mode). */
    public void qbittorrentLogin(String client, String userAgent) {
        String app = app(userAgent);
        if (qbLogins.size() >= MAX_CLIENTS && !qbLogins.containsKey(app)) return;
        qbLogins.put(app, new Seen(clock.instant().toString(), client, app));
    }

    /** A refused credential: logged, counted and remembered as the last failure. */
    public void failed(Surface surface, Reason reason, String client, String userAgent) {
        Instant now = clock.instant();
        String app = app(userAgent);
        failures.incrementAndGet();
        counter(surface, reason).increment();
        lastFailure.set(new Failure(now.toString(), surface.label, client, app, reason.text));
        String key = surface.tag + " " + client;
        if (quiet.size() > 1000) quiet.clear();
        Quiet prev = quiet.get(key);
        if (prev == null || !now.isBefore(prev.lastLogged().plus(LOG_EVERY))) {
            quiet.put(key, new Quiet(now, 0));
            long earlier = prev == null ? 0 : prev.suppressed();
            log.warn("login refused surface={} client={} reason=\"{}\" app=\"{}\"{}", surface.tag, client,
                    reason.text, app, earlier > 0 ? " (" + earlier + " more from this client not logged)" : "");
        } else {
            quiet.put(key, new Quiet(prev.lastLogged(), prev.suppressed() + 1));
        }
    }

    /** A snapshot for the connect view. */
    public View view() {
        List<Seen> logins = new ArrayList<>(qbLogins.values());
        logins.sort(Comparator.comparing(Seen::at).reversed());
        Contact last = torznab.get();
        return new View(last == null ? null : last.seen(), logins, lastFailure.get(), failures.get());
    }

    private Counter counter(Surface s, Reason r) {
        return Counter.builder("kanal.auth.failures")
                .description("Refused logins and API keys by surface and reason")
                .tag("surface", s.tag)
                .tag("reason", r.tag)
                .register(meters);
    }

    /** The product token of a User-Agent ("Sonarr/4.0.9.2244"), bounded and printable. */
    static String app(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) return "unknown client";
        String first = userAgent.strip().split("\\s+", 2)[0];
        String clean = first.codePoints().filter(c -> c >= 0x21 && c < 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (clean.isEmpty()) return "unknown client";
        return clean.length() > 60 ? clean.substring(0, 60) : clean;
    }
}
