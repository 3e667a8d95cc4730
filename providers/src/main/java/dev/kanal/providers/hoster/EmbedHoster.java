package dev.kanal.providers.hoster;

import dev.kanal.providers.Hoster;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The skeleton every hoster shares, so each hoster class holds only its extraction: its names and
 * the User-Agent it sends; the embed page fetched with that User-Agent (404/410 there: the video is
 * gone); "nothing found" turned into the right failure once (a removed-video marker on the page:
 * gone; otherwise: the markup changed); and the {@link StreamSource} built with the headers the
 * media needs.
 */
abstract class EmbedHoster implements Hoster {
    private final String name;
    private final Set<String> aliases;
    private final Set<String> hosts;
    private final List<String> goneMarkers;
    /** Sent on the hoster's requests and returned for the stream. */
    final String userAgent;

    /**
     * @param name the hoster's name as sites show it
     * @param aliases other labels sites use for it
     * @param hosts host fragments its embed URLs carry
     * @param goneMarkers texts on its pages that mean the video was removed (matched ignoring case)
     * @param userAgent sent on its requests and returned for the stream
     */
    EmbedHoster(String name, Set<String> aliases, Set<String> hosts, List<String> goneMarkers, String userAgent) {
        this.name = name;
        this.aliases = Set.copyOf(aliases);
        this.hosts = Set.copyOf(hosts);
        this.goneMarkers = List.copyOf(goneMarkers);
        this.userAgent = userAgent;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> aliases() {
        return aliases;
    }

    @Override
    public final Set<String> hosts() {
        return hosts;
    }

    /** GET a hoster page with the User-Agent; a 404/410 is {@link ProviderFailure.HosterGone}. */
    final Page page(Fetcher fetcher, URI url) {
        return EmbedPages.fetch(fetcher, url, Map.of("User-Agent", userAgent));
    }

    /** The same with the page's Referer: the origin of {@code refererOf} with a trailing slash. */
    final Page page(Fetcher fetcher, URI url, URI refererOf) {
        return EmbedPages.fetch(fetcher, url, Map.of("User-Agent", userAgent, "Referer", EmbedPages.referer(refererOf)));
    }

    /**
     * A call to the hoster's API (POST, redirect probe): a 404/410 there means the video is gone,
     * with {@code goneReason}; every other failure passes as it is.
     */
    static <T> T call(URI api, String goneReason, Supplier<T> request) {
        try {
            return request.get();
        } catch (ProviderException e) {
            if (e.failure() instanceof ProviderFailure.NotFound) throw EmbedPages.gone(api, goneReason);
            throw e;
        }
    }

    /**
     * What extraction found, or the failure that explains its absence: a removed-video marker in
     * {@code body} means gone, otherwise the markup changed ({@code concept} expected at {@code selector}).
     */
    final <T> T found(Optional<T> value, URI pageUrl, String body, String concept, String selector) {
        return value.orElseThrow(() -> missing(pageUrl, body, concept, selector));
    }

    /** The failure for "nothing found on this page": gone when it says so, else changed markup. */
    final ProviderException missing(URI pageUrl, String body, String concept, String selector) {
        EmbedPages.failIfGone(pageUrl, body, goneMarkers);
        return EmbedPages.markupChanged(pageUrl, concept, selector);
    }

    /** The User-Agent and the page's origin as Referer: what most hosters' media requests need. */
    final Map<String, String> mediaHeaders(URI pageUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", userAgent);
        headers.put("Referer", EmbedPages.referer(pageUrl));
        return headers;
    }

    /** The same plus the page's Origin, for media hosts that check it. */
    final Map<String, String> mediaHeadersWithOrigin(URI pageUrl) {
        Map<String, String> headers = mediaHeaders(pageUrl);
        headers.put("Origin", EmbedPages.origin(pageUrl).toString());
        return headers;
    }

    /** The media URL with its headers, format from its path and expiry from its signed query. */
    final StreamSource stream(URI media, Map<String, String> headers) {
        return new StreamSource(media, StreamSource.formatOf(media), headers, MediaExpiry.of(media), name);
    }
}
