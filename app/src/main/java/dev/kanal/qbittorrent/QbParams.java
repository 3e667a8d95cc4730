package dev.kanal.qbittorrent;

import dev.kanal.KanalException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A qBittorrent request's parameters, read the way qBittorrent reads them: GET from the query
 * string only, POST from the body only (urlencoded or multipart: Sonarr switches to multipart once
 * a value exceeds 1024 bytes). Booleans are case-insensitive ({@code True}/{@code False}).
 */
record QbParams(Map<String, List<String>> values) {

    static QbParams of(Context ctx) {
        if (ctx.method() == HandlerType.POST) {
            return new QbParams(ctx.isMultipart() || ctx.isFormUrlencoded() ? ctx.formParamMap() : Map.of());
        }
        return new QbParams(ctx.queryParamMap());
    }

    Optional<String> optional(String name) {
        List<String> v = values.get(name);
        // a key given twice: qBittorrent keeps the last (its params are a QHash filled in order)
        return v == null || v.isEmpty() ? Optional.empty() : Optional.ofNullable(v.getLast());
    }

    /**
     * The value; a missing parameter is qBittorrent's 400 whose body is the bare status text
     * {@code Bad Request} ({@code requireParams} throws without a message).
     */
    String required(String name) {
        return optional(name).orElseThrow(() -> new KanalException.BadRequest("Bad Request"));
    }

    boolean bool(String name, boolean fallback) {
        return optional(name).map(v -> v.strip().equalsIgnoreCase("true") || v.strip().equals("1")).orElse(fallback);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The {@code hashes} list ({@code |}-separated, any case); {@code all} means every torrent. */
    HashSelector hashes(String name) {
        String raw = required(name);
        if (raw.strip().equalsIgnoreCase("all")) return new HashSelector(true, List.of());
        return new HashSelector(false, Arrays.stream(raw.split("\\|"))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList());
    }

    /** Which torrents a mutation applies to. */
    record HashSelector(boolean all, List<String> hashes) {}
}
