package dev.kanal.providers.http;

import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Outbound HTTP as sites and hosters need it. Implementations apply the polite defaults (browser
 * headers, rate limit, retries, circuit breaker), detect anti-bot pages, refuse private addresses
 * unless allowed, and turn every failure into a {@link dev.kanal.providers.ProviderException}:
 * a returned {@link Page} is always a 2xx with real content.
 */
public interface Fetcher {
    /** GET, following redirects. */
    Page get(URI url, Map<String, String> headers);

    /** GET with the default headers only. */
    default Page get(URI url) {
        return get(url, Map.of());
    }

    /**
     * HEAD, following redirects: for endpoints that hand out cookies (Megakino's {@code /?yg=token}).
     * The page body is empty. Implementations without HEAD fall back to GET.
     */
    default Page head(URI url, Map<String, String> headers) {
        return get(url, headers);
    }

    /** POST an urlencoded form, following redirects. */
    Page postForm(URI url, Map<String, String> form, Map<String, String> headers);

    /** POST a JSON body, following redirects. */
    Page postJson(URI url, String json, Map<String, String> headers);

    /**
     * GET without following redirects: the absolute {@code Location} target when the answer is a
     * redirect, else empty (the caller may then fall back to {@link #get} and read the final URL).
     */
    Optional<URI> redirectTarget(URI url, Map<String, String> headers);

    /** GET and hand the body to {@code reader} as a stream, for large pages parsed incrementally. */
    <T> T stream(URI url, Map<String, String> headers, BodyReader<T> reader);

    /** Reads a streamed body. */
    @FunctionalInterface
    interface BodyReader<T> {
        T read(URI finalUrl, InputStream body) throws java.io.IOException;
    }
}
