package dev.kanal.web;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open Server-Sent-Event streams of one surface. An event stream is a request that never ends
 * by itself, so a stop ends them explicitly ({@link #closeAll()}) instead of waiting out the grace
 * period; clients reconnect by themselves once Kanal is back.
 */
public final class EventStreams {
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();

    /** Keeps the stream alive and tracks it until it closes; {@code onClose} runs when it does. */
    public void open(SseClient client, Runnable onClose) {
        client.keepAlive();
        clients.add(client);
        client.onClose(() -> {
            clients.remove(client);
            onClose.run();
        });
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
