package dev.kanal.qbittorrent;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code torrents/add}: magnets from {@code urls} (newline separated), how many
 * {@code .torrent} file parts came (under any field name; Kanal cannot use them), and the options
 * Kanal honours. Everything else qBittorrent accepts is accepted and ignored.
 */
record AddForm(List<String> urls, int fileParts, Optional<String> category, List<String> tags,
        Optional<String> savePath, boolean stopped, Optional<String> rename) {

    static AddForm from(Context ctx) {
        QbParams p = QbParams.of(ctx);
        int files = ctx.isMultipartFormData() ? ctx.uploadedFiles().size() : 0;
        List<String> urls = p.optional("urls").stream()
                .flatMap(u -> Arrays.stream(u.split("\\r?\\n")))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        boolean stopped = p.has("stopped") ? p.bool("stopped", false) : p.bool("paused", false);
        return new AddForm(urls, files, p.optional("category").map(String::strip), tagList(p.optional("tags")),
                p.optional("savepath").filter(s -> !s.isBlank()), stopped,
                p.optional("rename").filter(s -> !s.isBlank()));
    }

    static List<String> tagList(Optional<String> raw) {
        return raw.stream().flatMap(t -> Arrays.stream(t.split(",")))
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }
}
