package dev.kanal.ui;

import dev.kanal.KanalException;
import dev.kanal.web.ApiGroup;
import dev.kanal.web.EventStreams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.Map;

/**
 * The queue view's endpoints: {@code GET /ui/api/jobs}, the live feed {@code GET /ui/api/jobs/events}
 * (Server-Sent Events: {@code state}, {@code progress}, {@code removed}, each a {@link QueueItem}),
 * and {@code POST /ui/api/jobs/{id}/retry|cancel|remove}. Behind the page's session. Closing it ends
 * every open feed, so an open browser tab does not hold up Kanal's shutdown for the whole grace period.
 */
public final class QueueApi implements ApiGroup, AutoCloseable {

    private final JobQueue queue;
    private final EventStreams streams = new EventStreams();

    public QueueApi(JobQueue queue) {
        this.queue = queue;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/ui/api/jobs", ctx -> ctx.json(queue.all()));
        routes.sse("/ui/api/jobs/events", this::stream);
        routes.post("/ui/api/jobs/{id}/retry", ctx -> ctx.json(queue.retry(id(ctx))));
        routes.post("/ui/api/jobs/{id}/cancel", ctx -> ctx.json(queue.cancel(id(ctx))));
        routes.post("/ui/api/jobs/{id}/remove", ctx -> {
            long id = id(ctx);
            queue.remove(id);
            ctx.json(Map.of("removed", id));
        });
    }

    private void stream(SseClient client) {
        streams.open(client, queue.subscribe(change -> EventStreams.send(client, change.type(), change.item())));
    }

    /** Ends every open feed; browsers reconnect by themselves once Kanal is back. */
    @Override
    public void close() {
        streams.closeAll();
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new KanalException.NotFound("no job " + ctx.pathParam("id"));
        }
    }
}
