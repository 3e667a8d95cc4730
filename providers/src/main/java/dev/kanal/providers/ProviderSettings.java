package dev.kanal.providers;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the app tells the providers library: where each site lives and how politely to ask.
 *
 * @param baseUrls configured base URL per site (may carry a path prefix); a site missing here uses
 *     its public default, and Megakino then discovers its current domain
 * @param enabledSites the sites to build
 * @param rateLimitPerHost requests per second per upstream host
 * @param allowPrivateUpstreams lets requests reach loopback and private addresses (tests, LAN mirrors)
 * @param connectTimeout TCP connect timeout
 * @param readTimeout read timeout per request
 * @param maxRetries retries of transient failures (network, 429, 5xx)
 * @param userAgent the browser User-Agent sent everywhere
 * @param privateUpstreams which private addresses may be reached; {@code allowPrivateUpstreams} is
 *     its "all of them" case
 */
public record ProviderSettings(
        Map<SiteId, URI> baseUrls,
        Set<SiteId> enabledSites,
        double rateLimitPerHost,
        boolean allowPrivateUpstreams,
        Duration connectTimeout,
        Duration readTimeout,
        int maxRetries,
        String userAgent,
        dev.kanal.providers.http.UpstreamAllowance privateUpstreams) {

    /** A desktop Chrome on Windows: hosters and sites serve other markup to anything else. */
    public static final String DEFAULT_USER_AGENT =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                    + "Chrome/142.0.0.0 Safari/537.36";

    public ProviderSettings {
        baseUrls = Map.copyOf(baseUrls);
        enabledSites = enabledSites.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabledSites));
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (rateLimitPerHost <= 0) throw new IllegalArgumentException("rateLimitPerHost must be > 0");
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be >= 0");
        userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
        if (privateUpstreams == null || allowPrivateUpstreams) {
            privateUpstreams = dev.kanal.providers.http.UpstreamAllowance.of(allowPrivateUpstreams);
        }
        allowPrivateUpstreams = privateUpstreams.allowsAllPrivate();
    }

    /** Settings that allow all private addresses or none. */
    public ProviderSettings(Map<SiteId, URI> baseUrls, Set<SiteId> enabledSites, double rateLimitPerHost,
            boolean allowPrivateUpstreams, Duration connectTimeout, Duration readTimeout, int maxRetries,
            String userAgent) {
        this(baseUrls, enabledSites, rateLimitPerHost, allowPrivateUpstreams, connectTimeout, readTimeout,
                maxRetries, userAgent, null);
    }

    /** Defaults for tests and the probe: every site, public URLs, private addresses refused. */
    public static ProviderSettings defaults() {
        return new ProviderSettings(Map.of(), EnumSet.allOf(SiteId.class), 5.0, false,
                Duration.ofSeconds(10), Duration.ofSeconds(30), 3, DEFAULT_USER_AGENT);
    }

    /** The configured base URL for a site, if any. */
    public Optional<URI> baseUrl(SiteId site) {
        return Optional.ofNullable(baseUrls.get(site));
    }

    /** A copy with one site's base URL set (tests point sites at local servers). */
    public ProviderSettings withBaseUrl(SiteId site, URI url) {
        var copy = new java.util.EnumMap<SiteId, URI>(SiteId.class);
        copy.putAll(baseUrls);
        copy.put(site, url);
        return new ProviderSettings(copy, enabledSites, rateLimitPerHost, allowPrivateUpstreams,
                connectTimeout, readTimeout, maxRetries, userAgent, privateUpstreams);
    }

    /** A copy that may reach loopback and private addresses. */
    public ProviderSettings allowingPrivateUpstreams() {
        return new ProviderSettings(baseUrls, enabledSites, rateLimitPerHost, true,
                connectTimeout, readTimeout, maxRetries, userAgent);
    }
}
