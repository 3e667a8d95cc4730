package dev.kanal.web;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open Server-Sent-Event streams of one surface. An event stream is a request that never ends
 * by itself, so a stop ends them explicitly ({@link #closeAll()}) instead of waiting out the grace
 * period; clients reconnect by themselves once Kanal is back.
 */
public final class EventStreams {
    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();

    /**
     * Keeps the stream alive, tracks it, greets it with a {@code connected} comment, and closes
     * {@code subscription} (the feed that sends it events) when the stream ends.
     */
    public void open(SseClient client, AutoCloseable subscription) {
        client.keepAlive();
        clients.add(client);
        client.onClose(() -> {
            clients.remove(client);
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("closing an event feed failed", e);
            }
        });
        synchronized (client) {
            client.sendComment("connected");
        }
    }

    /** Sends one event unless the stream has ended; safe to call from any thread. */
    public static void send(SseClient client, String event, Object data) {
        synchronized (client) {
            if (!client.terminated()) client.sendEvent(event, data);
        }
    }

    /** Ends every open stream. */
    public void closeAll() {
        for (SseClient c : List.copyOf(clients)) {
            synchronized (c) {
                c.close();
            }
        }
        clients.clear();
    }
}
