package dev.kanal.providers.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fetched response with its body read as text.
 *
 * @param url the final URL after redirects
 * @param status HTTP status
 * @param headers response headers, names in lowercase
 * @param body the body decoded as text
 */
public record Page(URI url, int status, Map<String, List<String>> headers, String body) {
    public Page {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header (name in any case). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
