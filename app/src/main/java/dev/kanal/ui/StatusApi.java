package dev.kanal.ui;

import dev.kanal.KanalException;
import dev.kanal.config.KanalConfig;
import dev.kanal.web.ApiGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-only views' endpoints, behind the page's session: {@code GET /ui/api/catalog} (the
 * catalog's build progress), {@code GET /ui/api/health} (hosts, broken {@code .strm} files, disk
 * space), {@code GET /ui/api/search?q=} (what Torznab answers Sonarr) and {@code GET /ui/api/connect}
 * (the values to paste into the *arr apps).
 */
public final class StatusApi implements ApiGroup {
    static final int MAX_QUERY = 200;

    private final KanalConfig config;
    private final KanalEndpoints endpoints;
    private final HostStatus hosts;

    public StatusApi(KanalConfig config, KanalEndpoints endpoints, HostStatus hosts) {
        this.config = config;
        this.endpoints = endpoints;
        this.hosts = hosts;
    }

    /** A section the page can show, or why not. */
    record Section(boolean available, Object data, String reason) {
        static Section of(Object data) {
            return new Section(true, data, null);
        }

        static Section missing(String reason) {
            return new Section(false, null, reason);
        }
    }

    record SearchResult(String query, List<Release> releases) {}

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/ui/api/connect", ctx -> ctx.json(ConnectValues.of(config)));
        routes.get("/ui/api/catalog", this::catalog);
        routes.get("/ui/api/health", this::health);
        routes.get("/ui/api/search", this::search);
    }

    private void catalog(Context ctx) {
        ctx.json(endpoints.json("/health/catalog").map(Section::of)
                .orElse(Section.missing("this Kanal has no catalog status (/health/catalog did not answer)")));
    }

    private void health(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hosts", hosts.hosts().map(Section::of)
                .orElse(Section.missing("host health is not available in this build")));
        out.put("strm", endpoints.json("/health/strm").map(Section::of)
                .orElse(Section.missing("this Kanal has no .strm status (/health/strm did not answer)")));
        out.put("disk", DiskSpace.of(config.storage().downloadDir()));
        ctx.json(out);
    }

    private void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || q.isBlank()) throw new KanalException.BadRequest("type a title to search for");
        if (q.length() > MAX_QUERY) throw new KanalException.BadRequest("the search is longer than " + MAX_QUERY);
        String query = q.strip();
        KanalEndpoints.Answer a = endpoints.get("/torznab/api?t=search&extended=1&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)
                + "&apikey=" + URLEncoder.encode(config.security().apiKey(), StandardCharsets.UTF_8));
        if (a.status() == 404 || a.status() == 0) {
            throw new KanalException.Unavailable("Torznab did not answer (HTTP " + a.status() + ")");
        }
        try {
            ctx.json(new SearchResult(query, TorznabReleases.parse(a.body())));
        } catch (TorznabReleases.Failure e) {
            throw new KanalException.UpstreamFailed("Torznab answered an error: " + e.getMessage(), null);
        }
    }
}
