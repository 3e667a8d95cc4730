package dev.kanal.qbittorrent;

import static dev.kanal.qbittorrent.QbApi.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.web.ApiGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code torrents/*} endpoints of the qBittorrent WebAPI. Each handler parses the request,
 * calls {@link QbAdd}, {@link QbTorrentList}, {@link QbTorrents} or {@link QbLabels} and renders:
 * JSON for reads, {@code Ok.}/{@code Fails.} for adds, an empty 200 for other mutations.
 * Queue-priority, share-limit, tracker, file-priority and similar torrent settings that have no
 * meaning for Kanal (no trackers, one file) are accepted and ignored, as Sonarr and third-party
 * tools only need them not to fail; {@code editTrackers} finds no tracker to edit (409), as
 * qBittorrent would.
 */
public final class QbTorrentsApi implements ApiGroup {
    private static final String BASE = "/api/v2/torrents/";
    /** Accepted for compatibility; they need {@code hashes} and change nothing. */
    private static final List<String> ACCEPTED = List.of("topPrio", "bottomPrio", "increasePrio", "decreasePrio",
            "setShareLimits", "recheck", "reannounce", "setDownloadLimit", "setUploadLimit", "setSuperSeeding",
            "setAutoManagement", "toggleSequentialDownload", "toggleFirstLastPiecePrio", "setLocation",
            "setSavePath", "setDownloadPath");

    private final QbAdd adds;
    private final QbTorrentList list;
    private final QbTorrentView view;
    private final QbTorrents torrents;
    private final QbLabels labels;
    private final ObjectMapper json;

    public QbTorrentsApi(QbAdd adds, QbTorrentList list, QbTorrentView view, QbTorrents torrents, QbLabels labels,
            ObjectMapper json) {
        this.adds = adds;
        this.list = list;
        this.view = view;
        this.torrents = torrents;
        this.labels = labels;
        this.json = json;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        read(routes, BASE + "info", ctx -> ctx.contentType("application/json")
                .result(list.infoJson(InfoQuery.from(QbParams.of(ctx)), json)));
        read(routes, BASE + "properties", ctx -> ctx.json(view.properties(find(ctx))));
        read(routes, BASE + "files", ctx -> ctx.json(view.files(find(ctx))));
        read(routes, BASE + "trackers", ctx -> {
            find(ctx);
            ctx.json(List.of());
        });
        read(routes, BASE + "webseeds", ctx -> {
            find(ctx);
            ctx.json(List.of());
        });
        read(routes, BASE + "pieceStates", ctx -> ctx.json(List.of(pieceState(find(ctx)))));
        read(routes, BASE + "pieceHashes", ctx -> {
            find(ctx);
            ctx.json(List.of());
        });
        read(routes, "/api/v2/sync/torrentPeers", ctx -> {
            find(ctx);
            ctx.json(java.util.Map.of("rid", 1, "full_update", true, "show_flags", true, "peers", java.util.Map.of()));
        });
        for (String trackers : List.of("addTrackers", "removeTrackers")) {
            routes.post(BASE + trackers, ctx -> {
                QbParams p = QbParams.of(ctx);
                p.required("urls");
                torrents.find(p.required("hash"));
            });
        }
        routes.post(BASE + "editTrackers", ctx -> {
            QbParams p = QbParams.of(ctx);
            p.required("origUrl");
            p.required("newUrl");
            torrents.find(p.required("hash"));
            throw new dev.kanal.KanalException.Conflict("Tracker not found");
        });
        routes.post(BASE + "filePrio", ctx -> {
            QbParams p = QbParams.of(ctx);
            p.required("id");
            p.required("priority");
            torrents.find(p.required("hash"));
        });
        read(routes, BASE + "categories", ctx -> ctx.json(labels.categories()));
        read(routes, BASE + "tags", ctx -> ctx.json(labels.tags()));
        routes.post(BASE + "add", this::add);
        routes.post(BASE + "delete", ctx -> {
            QbParams p = QbParams.of(ctx);
            torrents.delete(p.hashes("hashes"), p.bool("deleteFiles", false));
        });
        for (String stop : List.of("stop", "pause")) {
            routes.post(BASE + stop, ctx -> torrents.stop(QbParams.of(ctx).hashes("hashes")));
        }
        for (String start : List.of("start", "resume")) {
            routes.post(BASE + start, ctx -> torrents.start(QbParams.of(ctx).hashes("hashes")));
        }
        routes.post(BASE + "setForceStart", ctx -> {
            QbParams p = QbParams.of(ctx);
            if (p.bool("value", false)) torrents.start(p.hashes("hashes"));
        });
        routes.post(BASE + "setCategory", ctx -> {
            QbParams p = QbParams.of(ctx);
            labels.setCategory(torrents.select(p.hashes("hashes")), p.required("category").strip());
        });
        routes.post(BASE + "createCategory", ctx -> {
            QbParams p = QbParams.of(ctx);
            labels.createCategory(p.required("category").strip(), p.optional("savePath").orElse(""));
        });
        routes.post(BASE + "editCategory", ctx -> {
            QbParams p = QbParams.of(ctx);
            labels.editCategory(p.required("category").strip(), p.required("savePath"));
        });
        routes.post(BASE + "removeCategories", ctx -> labels.removeCategories(
                Arrays.stream(QbParams.of(ctx).required("categories").split("\\r?\\n"))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList()));
        routes.post(BASE + "createTags", ctx -> labels.createTags(tags(QbParams.of(ctx))));
        routes.post(BASE + "deleteTags", ctx -> labels.deleteTags(tags(QbParams.of(ctx))));
        routes.post(BASE + "addTags", ctx -> {
            QbParams p = QbParams.of(ctx);
            labels.changeTags(torrents.select(p.hashes("hashes")), tags(p), true);
        });
        routes.post(BASE + "removeTags", ctx -> {
            QbParams p = QbParams.of(ctx);
            labels.changeTags(torrents.select(p.hashes("hashes")), AddForm.tagList(p.optional("tags")), false);
        });
        for (String name : ACCEPTED) {
            routes.post(BASE + name, ctx -> QbParams.of(ctx).hashes("hashes"));
        }
    }

    private void add(Context ctx) {
        int added = adds.add(AddForm.from(ctx));
        ctx.contentType("text/plain; charset=UTF-8").result(added > 0 ? "Ok." : "Fails.");
    }

    /** qBittorrent's piece state of Kanal's single piece: 0 missing, 1 downloading, 2 done. */
    private static int pieceState(dev.kanal.jobs.Job j) {
        return switch (j.state()) {
            case COMPLETED -> 2;
            case RUNNING -> j.stopped() ? 0 : 1;
            default -> 0;
        };
    }

    private dev.kanal.jobs.Job find(Context ctx) {
        return torrents.find(QbParams.of(ctx).required("hash"));
    }

    private static List<String> tags(QbParams p) {
        return AddForm.tagList(java.util.Optional.of(p.required("tags")));
    }
}
