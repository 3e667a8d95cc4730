package dev.kanal.jobs;

import dev.kanal.KanalException;
import dev.kanal.web.ApiGroup;
import dev.kanal.web.ApiKey;
import dev.kanal.web.EventStreams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;

/**
 * Kanal's own jobs API for people and the web page: list and inspect jobs (attempts, hoster, speed,
 * eta), follow every change as Server-Sent Events, retry and cancel. Behind the API key, given as
 * the {@code X-Api-Key} header or the {@code apikey} query parameter.
 */
public final class JobsApi implements ApiGroup, AutoCloseable {

    private final JobStore store;
    private final JobScheduler scheduler;
    private final JobEvents events;
    private final ApiKey apiKey;

    /** Open event streams, ended on {@link #close()} so a stop does not wait for them. */
    private final EventStreams streams = new EventStreams();

    public JobsApi(JobStore store, JobScheduler scheduler, JobEvents events, String apiKey) {
        this.store = store;
        this.scheduler = scheduler;
        this.events = events;
        this.apiKey = new ApiKey(apiKey);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before("/api/jobs", apiKey::require);
        routes.before("/api/jobs/*", apiKey::require);
        routes.get("/api/jobs", ctx -> ctx.json(store.all().stream().map(JobView::of).toList()));
        routes.sse("/api/jobs/events", this::stream);
        routes.get("/api/jobs/{id}", ctx -> ctx.json(JobView.of(store.byId(id(ctx))
                .orElseThrow(() -> new KanalException.NotFound("no job " + ctx.pathParam("id"))))));
        routes.post("/api/jobs/{id}/retry", ctx -> ctx.json(JobView.of(scheduler.retry(id(ctx)))));
        routes.post("/api/jobs/{id}/cancel", ctx -> ctx.json(JobView.of(scheduler.cancel(id(ctx)))));
    }

    private void stream(SseClient client) {
        streams.open(client, events.subscribe(e -> EventStreams.send(client, e.type(), JobView.of(e.job()))));
    }

    /** Ends every open event stream; runs before the HTTP server stops. */
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
