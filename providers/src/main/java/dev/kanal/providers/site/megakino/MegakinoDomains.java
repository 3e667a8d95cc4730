package dev.kanal.providers.site.megakino;

import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import dev.kanal.providers.site.SiteAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Megakino's current domain (research §3.1): its TLD changes every few months because of
 * DNS blocks. A configured base URL wins and is never probed away. Otherwise the candidates are
 * probed for {@code /sitemap.xml} (following redirects: an old domain forwards to the live one,
 * and the final URL names it), then the {@code mirrors.txt} lists they publish. The answer is
 * re-checked after {@code recheck}; a failing or moved domain triggers a new search.
 */
public final class MegakinoDomains {
    private static final Logger log = LoggerFactory.getLogger(MegakinoDomains.class);

    /** Domains seen in public clients, newest guesses first; a mirror list fills the gaps. */
    public static final List<URI> DEFAULT_CANDIDATES = List.of(
            URI.create("https://megakino.club"), URI.create("https://megakino.haus"),
            URI.create("https://megakino.one"), URI.create("https://megakino.si"),
            URI.create("https://w1.megakino.do"), URI.create("https://megakino15.com"),
            URI.create("https://megakino1.to"), URI.create("https://megakino.live"),
            URI.create("https://megakino.lol"), URI.create("https://megakino1.fit"),
            URI.create("https://megakino.cloud"), URI.create("https://megakino.cx"),
            URI.create("https://megakino.ms"), URI.create("https://megakino.video"),
            URI.create("https://megakino.to"), URI.create("https://megakino1.biz"),
            URI.create("https://megakino1.ws"), URI.create("https://megakino.me"));
    public static final Duration DEFAULT_RECHECK = Duration.ofHours(1);

    /** The XML root a real sitemap has (namespace prefix allowed). */
    private static final Pattern SITEMAP_ROOT = Pattern.compile("<(?:\\w+:)?(?:urlset|sitemapindex)[\\s>]");
    /** One DNS name per line in mirrors.txt (an URL is reduced to its host). */
    private static final Pattern HOSTNAME =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}(:\\d{1,5})?$");
    /** LAN mirrors and test servers are listed by address. */
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3}\\.){3}\\d{1,3}(:\\d{1,5})?$");

    private final Fetcher fetcher;
    private final SiteAddress configured;
    private final List<URI> candidates;
    private final Clock clock;
    private final Duration recheck;
    private SiteAddress current;
    private Instant checkedAt = Instant.MIN;

    /**
     * @param configured the configured base URL, or null to discover
     * @param candidates domains to probe, in order (tests pass local servers)
     */
    public MegakinoDomains(Fetcher fetcher, URI configured, List<URI> candidates, Clock clock, Duration recheck) {
        this.fetcher = fetcher;
        this.configured = configured == null ? null : new SiteAddress(configured);
        this.candidates = List.copyOf(candidates);
        this.clock = clock;
        this.recheck = recheck;
    }

    /** The base to use now; probes when nothing is known yet or the last check is too old. */
    public synchronized SiteAddress current() {
        if (configured != null) return configured;
        Instant now = clock.instant();
        if (current != null && now.isBefore(checkedAt.plus(recheck))) return current;
        if (current != null) {
            Optional<SiteAddress> still = probe(current.base());
            if (still.isPresent() && still.get().equals(current)) {
                checkedAt = now;
                return current;
            }
            log.info("megakino domain=\"{}\" moved_or_down=true rediscovering=true", current);
        }
        current = discover();
        checkedAt = now;
        return current;
    }

    /** Forgets the current domain, so the next {@link #current()} searches again. */
    public synchronized void invalidate() {
        if (configured == null) checkedAt = Instant.MIN;
    }

    private SiteAddress discover() {
        for (URI candidate : candidates) {
            Optional<SiteAddress> found = probe(candidate);
            if (found.isPresent()) {
                log.info("megakino domain=\"{}\" via=\"{}\"", found.get(), candidate.getHost());
                return found.get();
            }
        }
        Set<URI> mirrors = new LinkedHashSet<>();
        for (URI candidate : candidates) mirrors.addAll(mirrors(candidate));
        for (URI mirror : mirrors) {
            Optional<SiteAddress> found = probe(mirror);
            if (found.isPresent()) {
                log.info("megakino domain=\"{}\" via=mirrors.txt", found.get());
                return found.get();
            }
        }
        URI first = candidates.isEmpty() ? URI.create("https://megakino.invalid") : candidates.getFirst();
        throw new ProviderException(new ProviderFailure.Unreachable(first,
                "no Megakino domain answered (" + candidates.size() + " candidates, " + mirrors.size()
                        + " mirrors); set the megakino base URL"));
    }

    /** The live base behind {@code base}, if its sitemap answers as XML. */
    Optional<SiteAddress> probe(URI base) {
        URI sitemap = new SiteAddress(base).resolve("/sitemap.xml");
        try {
            Page page = fetcher.get(sitemap);
            String head = page.body().substring(0, Math.min(page.body().length(), 4096));
            if (!SITEMAP_ROOT.matcher(head).find()) return Optional.empty();
            String finalUrl = page.url().toString().replaceFirst("/sitemap\\.xml(?:[?#].*)?$", "");
            return Optional.of(SiteAddress.of(finalUrl));
        } catch (ProviderException | IllegalArgumentException e) {
            log.debug("megakino probe base=\"{}\" failed=\"{}\"", base, e.getMessage());
            return Optional.empty();
        }
    }

    /** Domains listed in a candidate's mirrors.txt; HTML answers (parking pages) are ignored. */
    List<URI> mirrors(URI base) {
        try {
            String body = fetcher.get(new SiteAddress(base).resolve("/mirrors.txt")).body();
            String lower = body.toLowerCase(Locale.ROOT);
            if (lower.contains("<!doctype") || lower.contains("<html") || lower.contains("<script")) return List.of();
            List<URI> out = new ArrayList<>();
            for (String line : body.split("\\R")) {
                String l = line.trim();
                if (l.isEmpty() || l.startsWith("#") || l.contains("<") || l.contains(">")) continue;
                String host = l.replaceFirst("^https?://", "").replaceFirst("/.*$", "").toLowerCase(Locale.ROOT);
                if (!HOSTNAME.matcher(host).matches() && !IPV4.matcher(host).matches()) continue;
                out.add(URI.create((l.startsWith("http://") ? "http://" : "https://") + host));
            }
            return out;
        } catch (ProviderException | IllegalArgumentException e) {
            return List.of();
        }
    }
}
