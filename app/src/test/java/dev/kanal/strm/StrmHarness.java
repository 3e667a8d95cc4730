package dev.kanal.strm;

import dev.kanal.Json;
import dev.kanal.Wiring;
import dev.kanal.config.ConfigLoader;
import dev.kanal.config.ConfigValues;
import dev.kanal.config.KanalConfig;
import dev.kanal.config.SecretStore;
import dev.kanal.db.Database;
import dev.kanal.sources.EpisodeSources;
import dev.kanal.web.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The STRM capability on its own: a migrated SQLite file, the real {@link StrmFeature} and the real
 * {@link HttpServer} serving its routes. For tests that need the writer and the HTTP surface together.
 */
final class StrmHarness implements AutoCloseable {
    static final String API_KEY = "strm-test-api-key-0123456789";
    static final String PUBLIC_URL = "http://kanal.test:8080";

    final KanalConfig config;
    final Database db;
    final StrmFeature feature;
    final HttpServer http;
    final HttpClient client = HttpClient.newHttpClient();

    StrmHarness(Path root, EpisodeSources sources) {
        this(root, sources, Map.of());
    }

    /** With {@code extra} settings on top of the harness's own. */
    StrmHarness(Path root, EpisodeSources sources, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("KANAL_PORT", "0");
        env.put("KANAL_HOST", "127.0.0.1");
        env.put("KANAL_PUBLIC_URL", PUBLIC_URL);
        env.put("KANAL_DATA_DIR", root.resolve("data").toString());
        env.put("KANAL_DOWNLOAD_DIR", root.resolve("downloads").toString());
        env.put("KANAL_API_KEY", API_KEY);
        env.put("KANAL_QBIT_PASSWORD", "strm-test-password");
        env.put("KANAL_ALLOW_PRIVATE_UPSTREAMS", "true");
        env.put("KANAL_SHUTDOWN_GRACE", "2s");
        env.putAll(extra);
        ConfigValues values = new ConfigLoader(env).load(Optional.empty());
        new SecretStore(root.resolve("data")).fill(values);
        this.config = KanalConfig.from(values);
        this.db = Database.open(config.storage().databaseFile());
        var meters = new SimpleMeterRegistry();
        this.feature = Wiring.strm(Wiring.strmSettings(config), config.http(), db, sources, meters, Json.mapper(),
                Clock.systemUTC());
        this.http = new HttpServer(config.server(), feature.apis(), meters, Json.mapper());
        http.start();
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + http.port() + pathAndQuery);
    }

    @Override
    public void close() {
        client.close(); // no idle keep-alive connections for the graceful stop to wait on
        http.close();
        feature.close();
        db.close();
    }
}
