package dev.kanal.ui;

import dev.kanal.web.ApiGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The read-only views' endpoints, behind the page's session: {@code GET /ui/api/catalog} (the
 * catalog's build progress, as {@code /health/catalog} shows it), {@code GET /ui/api/health} (hosts,
 * broken {@code .strm} files, disk space), {@code GET /ui/api/search?q=} (the forgiving search, see
 * {@link PageSearch}) and {@code GET /ui/api/connect} (the values to paste into the *arr apps).
 * Everything is read in-process.
 */
public final class StatusApi implements ApiGroup {
    private final ConnectValues connect;
    private final Path downloadDir;
    private final StatusView catalog;
    private final StatusView strm;
    private final HostStatus hosts;
    private final PageSearch search;

    public StatusApi(ConnectValues connect, Path downloadDir, StatusView catalog, StatusView strm, HostStatus hosts,
            PageSearch search) {
        this.connect = connect;
        this.downloadDir = downloadDir;
        this.catalog = catalog;
        this.strm = strm;
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

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/ui/api/connect", ctx -> ctx.json(connect));
        routes.get("/ui/api/catalog", ctx -> ctx.json(Section.of(catalog.now())));
        routes.get("/ui/api/health", this::health);
        routes.post("/ui/api/health/retry", ctx -> {
            hosts.retryNow();
            ctx.json(Map.of("retrying", true));
        });
        routes.get("/ui/api/search", this::search);
    }

    private void health(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hosts", hosts.hosts().map(Section::of)
                .orElse(Section.missing("host health is not available in this build")));
        out.put("strm", Section.of(strm.now()));
        out.put("disk", DiskSpace.of(downloadDir));
        ctx.json(out);
    }

    private void search(Context ctx) {
        ctx.json(search.search(PageSearch.Query.of(ctx.queryParam("q"))));
    }
}
