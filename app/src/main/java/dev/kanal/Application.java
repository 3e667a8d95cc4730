package dev.kanal;

import dev.kanal.config.KanalConfig;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Kanal: the components {@link Wiring} built, closed in reverse order of start so that the
 * HTTP server stops accepting first and the database closes last.
 */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);

    private final KanalConfig config;
    private final int port;
    private final Deque<AutoCloseable> components;
    private boolean closed;

    Application(KanalConfig config, int port, Deque<AutoCloseable> components) {
        this.config = config;
        this.port = port;
        this.components = new ArrayDeque<>(components);
    }

    public KanalConfig config() {
        return config;
    }

    /** The port the HTTP server listens on. */
    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        long started = System.nanoTime();
        while (!components.isEmpty()) {
            AutoCloseable c = components.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("stopping component failed component={}", c.getClass().getSimpleName(), e);
            }
        }
        log.info("Kanal stopped took_ms={}", (System.nanoTime() - started) / 1_000_000);
    }
}
