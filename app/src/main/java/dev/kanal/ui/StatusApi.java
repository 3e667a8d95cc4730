package dev.kanal.ui;

import dev.kanal.web.ApiGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
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
    private final ConnectValues connect;
    private final Path downloadDir;
    private final KanalEndpoints endpoints;
    private final HostStatus hosts;
    private final ReleaseSearch search;

    StatusApi(ConnectValues connect, Path downloadDir, KanalEndpoints endpoints, HostStatus hosts,
            ReleaseSearch search) {
        this.connect = connect;
        this.downloadDir = downloadDir;
        this.endpoints = endpoints;
        this.hosts = hosts;
        this.search = search;
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
        routes.get("/ui/api/connect", ctx -> ctx.json(connect));
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
        out.put("strm", endpoints.json("/health/strm", connect.api_key()).map(Section::of)
                .orElse(Section.missing("this Kanal has no .strm status (/health/strm did not answer)")));
        out.put("disk", DiskSpace.of(downloadDir));
        ctx.json(out);
    }

    private void search(Context ctx) {
        ReleaseSearch.Query q = ReleaseSearch.Query.of(ctx.queryParam("q"));
        ctx.json(new SearchResult(q.text(), search.search(q)));
    }
}
