package dev.kanal.testing;

import dev.kanal.Application;
import dev.kanal.Wiring;
import dev.kanal.config.ConfigLoader;
import dev.kanal.config.ConfigValues;
import dev.kanal.config.KanalConfig;
import dev.kanal.config.SecretStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Boots the real Kanal in-process on a free port against a fresh data directory, configured like a
 * user would (KANAL_* variables). Share one per test class: start it in {@code @BeforeAll}.
 */
public final class TestKanal implements AutoCloseable {
    public static final String API_KEY = "test-api-key-0123456789";
    public static final String QBIT_PASSWORD = "test-qbit-password";

    private final Application app;
    private final Path root;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestKanal(Application app, Path root) {
        this.app = app;
        this.root = root;
    }

    /** Starts Kanal with test defaults plus {@code env} overrides, data and downloads under {@code root}. */
    public static TestKanal start(Path root, Map<String, String> env) {
        return start(root, env, Wiring.Overrides.none());
    }

    /** {@link #start(Path, Map)} with injected sites and hosters (fake {@code Site}s in tests). */
    public static TestKanal start(Path root, Map<String, String> env, dev.kanal.providers.Providers providers) {
        return start(root, env, Wiring.Overrides.none().withProviders(providers));
    }

    /** {@link #start(Path, Map)} with fakes for components such as {@code EpisodeSources}. */
    public static TestKanal start(Path root, Map<String, String> env, Wiring.Overrides overrides) {
        Map<String, String> all = new HashMap<>();
        all.put("KANAL_PORT", "0");
        all.put("KANAL_HOST", "127.0.0.1");
        all.put("KANAL_DATA_DIR", root.resolve("data").toString());
        all.put("KANAL_DOWNLOAD_DIR", root.resolve("downloads").toString());
        all.put("KANAL_API_KEY", API_KEY);
        all.put("KANAL_QBIT_PASSWORD", QBIT_PASSWORD);
        all.put("KANAL_ALLOW_PRIVATE_UPSTREAMS", "true");
        all.put("KANAL_SHUTDOWN_GRACE", "2s");
        // tests never reach the real sites: a test that wants sites names them (or injects fakes)
        all.put("KANAL_SITES", "");
        all.put("KANAL_SKYHOOK_URL", "http://127.0.0.1:9/skyhook-disabled-in-tests");
        all.putAll(env);
        ConfigValues values = new ConfigLoader(all).load(Optional.empty());
        new SecretStore(root.resolve("data")).fill(values);
        KanalConfig config = KanalConfig.from(values);
        return new TestKanal(Wiring.start(config, overrides), root);
    }

    public Application app() {
        return app;
    }

    public KanalConfig config() {
        return app.config();
    }

    public Path root() {
        return root;
    }

    /** {@code http://127.0.0.1:<port>} */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + app.port());
    }

    public URI url(String pathAndQuery) {
        return URI.create(baseUrl() + pathAndQuery);
    }

    /** A plain GET, returning status and body. */
    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(url(pathAndQuery)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpClient client() {
        return http;
    }

    @Override
    public void close() {
        app.close();
    }
}
