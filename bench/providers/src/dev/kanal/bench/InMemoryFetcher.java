package dev.kanal.bench;

import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Serves generated pages from memory so the benchmark measures parsing, not the network. */
final class InMemoryFetcher implements Fetcher {
    private final Map<URI, byte[]> pages = new HashMap<>();

    void put(URI url, String body) {
        pages.put(url, body.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] body(URI url) {
        byte[] b = pages.get(url);
        if (b == null) throw new ProviderException(new ProviderFailure.NotFound(url));
        return b;
    }

    @Override
    public Page get(URI url, Map<String, String> headers) {
        return new Page(url, 200, Map.of(), new String(body(url), StandardCharsets.UTF_8));
    }

    @Override
    public Page postForm(URI url, Map<String, String> form, Map<String, String> headers) {
        return get(url, headers);
    }

    @Override
    public Page postJson(URI url, String json, Map<String, String> headers) {
        return get(url, headers);
    }

    @Override
    public Optional<URI> redirectTarget(URI url, Map<String, String> headers) {
        return Optional.empty();
    }

    @Override
    public <T> T stream(URI url, Map<String, String> headers, BodyReader<T> reader) {
        try {
            return reader.read(url, new ByteArrayInputStream(body(url)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
