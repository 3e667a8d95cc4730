package dev.kanal.providers.resolve;

import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hoster fetcher as a browser on the site would use it: the request for the embed page itself
 * carries the site's origin as {@code Referer} (the page that embedded it), whatever the extractor
 * asked for; every later request (APIs, scripts, playlists) keeps the extractor's own headers.
 */
final class EmbedRefererFetcher implements Fetcher {
    private final Fetcher delegate;
    private final URI embed;
    private final String referer;

    EmbedRefererFetcher(Fetcher delegate, URI embed, String referer) {
        this.delegate = delegate;
        this.embed = embed;
        this.referer = referer;
    }

    private Map<String, String> headers(URI url, Map<String, String> headers) {
        if (!url.equals(embed)) return headers;
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Referer")) out.put(k, v);
        });
        out.put("Referer", referer);
        return out;
    }

    @Override
    public Page get(URI url, Map<String, String> headers) {
        return delegate.get(url, headers(url, headers));
    }

    @Override
    public Page postForm(URI url, Map<String, String> form, Map<String, String> headers) {
        return delegate.postForm(url, form, headers);
    }

    @Override
    public Page postJson(URI url, String json, Map<String, String> headers) {
        return delegate.postJson(url, json, headers);
    }

    @Override
    public Optional<URI> redirectTarget(URI url, Map<String, String> headers) {
        return delegate.redirectTarget(url, headers(url, headers));
    }

    @Override
    public <T> T stream(URI url, Map<String, String> headers, BodyReader<T> reader) {
        return delegate.stream(url, headers(url, headers), reader);
    }
}
