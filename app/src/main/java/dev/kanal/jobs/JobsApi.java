package dev.kanal.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.KanalException;
import dev.kanal.download.DownloadPaths;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.web.ApiGroup;
import dev.kanal.web.ApiKey;
import dev.kanal.web.EventStreams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Kanal's one jobs API, for people, scripts and the web page alike: list and inspect jobs
 * (attempts, hoster, speed, eta), follow every change as Server-Sent Events, grab a release's
 * magnet into a category, retry, cancel and remove. The same routes and the same live feed answer
 * under two prefixes that differ only in who may call them: {@value #PUBLIC} behind the API key
 * ({@code X-Api-Key} header or {@code apikey} query parameter) and {@value #PAGE} behind the web
 * page's session (the page's own gate on {@code /ui/api/*}).
 */
public final class JobsApi implements ApiGroup, AutoCloseable {
    public static final String PUBLIC = "/api/jobs";
    public static final String PAGE = "/ui/api/jobs";

    private final JobStore store;
    private final JobScheduler scheduler;
    private final JobEvents events;
    private final Grabs grabs;
    private final ApiKey apiKey;
    private final ObjectMapper json;

    /** Open event streams of both prefixes, ended on {@link #close()} so a stop does not wait for them. */
    private final EventStreams streams = new EventStreams();

    /**
     * How a magnet becomes a job, as {@code torrents/add} decides it: which category names are
     * valid, where a category's files go, and which categories write {@code .strm} files instead.
     */
    public record Grabs(MagnetCodec magnets, DownloadPaths paths, List<String> strmCategories,
            Predicate<String> validCategory) {
        public Grabs {
            strmCategories = List.copyOf(strmCategories);
        }
    }

    public JobsApi(JobStore store, JobScheduler scheduler, JobEvents events, Grabs grabs, String apiKey,
            ObjectMapper json) {
        this.store = store;
        this.scheduler = scheduler;
        this.events = events;
        this.grabs = grabs;
        this.apiKey = new ApiKey(apiKey);
        this.json = json;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before(PUBLIC, apiKey::require);
        routes.before(PUBLIC + "/*", apiKey::require);
        for (String prefix : List.of(PUBLIC, PAGE)) {
            routes.get(prefix, ctx -> ctx.json(store.all().stream().map(JobView::of).toList()));
            routes.post(prefix, this::grab);
            routes.sse(prefix + "/events", this::stream);
            routes.get(prefix + "/{id}", ctx -> ctx.json(JobView.of(job(id(ctx)))));
            routes.post(prefix + "/{id}/retry", ctx -> ctx.json(JobView.of(scheduler.retry(id(ctx)))));
            routes.post(prefix + "/{id}/cancel", ctx -> ctx.json(JobView.of(scheduler.cancel(id(ctx)))));
            routes.post(prefix + "/{id}/remove", this::remove);
        }
    }

    /** {@code POST /api/jobs} {@code {"magnet": …, "category": …}}: the grab a download client's add would make. */
    private void grab(Context ctx) {
        JsonNode body;
        try {
            body = json.readTree(ctx.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.path("magnet").isTextual()) {
            throw new KanalException.BadRequest("send JSON {\"magnet\": \"magnet:?…\", \"category\": \"tv-sonarr\"}");
        }
        String category = body.path("category").asText("").strip();
        if (!category.isEmpty() && !grabs.validCategory().test(category)) {
            throw new KanalException.BadRequest("the category must be a qBittorrent category name (no leading,"
                    + " trailing or doubled /, no backslash, no . or .. parts, at most 100 characters)");
        }
        String uri = body.path("magnet").asText();
        KanalMagnet m;
        try {
            m = grabs.magnets().parse(uri);
        } catch (MagnetCodec.InvalidMagnet e) {
            throw new KanalException.BadRequest("not a Kanal magnet: " + e.getMessage());
        }
        if (grabs.strmCategories().contains(category) && m.mode() != KanalMagnet.Mode.STRM) {
            m = new KanalMagnet(m.infoHash(), m.displayName(), m.episode(), m.language(), KanalMagnet.Mode.STRM);
        }
        Path savePath = grabs.paths().categoryDefault(category);
        KanalMagnet magnet = m;
        Job job = scheduler.add(new JobStore.NewJob(magnet, uri, category, List.of(), savePath, false))
                .orElseThrow(() -> new KanalException.Conflict("already in the queue: "
                        + store.byHash(magnet.infoHash()).map(j -> "job " + j.id() + " (" + j.name() + ")")
                                .orElse(magnet.displayName())));
        ctx.status(201).json(JobView.of(job));
    }

    private void remove(Context ctx) {
        Job job = job(id(ctx));
        scheduler.delete(List.of(job.hash()), false);
        ctx.json(Map.of("removed", job.id()));
    }

    private void stream(SseClient client) {
        streams.open(client, events.subscribe(e -> EventStreams.send(client, e.type(), JobView.of(e.job()))));
    }

    /** Ends every open event stream; runs before the HTTP server stops. */
    @Override
    public void close() {
        streams.closeAll();
    }

    private Job job(long id) {
        return store.byId(id).orElseThrow(() -> new KanalException.NotFound("no job " + id));
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new KanalException.NotFound("no job " + ctx.pathParam("id"));
        }
    }
}
