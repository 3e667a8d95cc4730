package dev.kanal.providers.hoster;

import dev.kanal.providers.StreamSource;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Luluvdo. The player lives at {@code /dl?op=embed&file_code=<code>…}, sometimes packed, and
 * Luluvdo checks that page and stream come with the same (mobile Firefox) User-Agent.
 */
public final class LuluvdoHoster extends EmbedHoster {
    /** The User-Agent Luluvdo serves its player to; the stream must be fetched with it too. */
    public static final String LULUVDO_USER_AGENT =
            "Mozilla/5.0 (Android 15; Mobile; rv:132.0) Gecko/132.0 Firefox/132.0";

    /** XFS removed-file pages. */
    private static final List<String> GONE_MARKERS = List.of(
            "File Not Found", "file was removed", "file was deleted", "No such file");

    /** Luluvdo, always with its own mobile Firefox User-Agent. */
    public LuluvdoHoster() {
        super("Luluvdo", Set.of(), Set.of("luluvdo"), GONE_MARKERS, LULUVDO_USER_AGENT);
    }

    @Override
    public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
        String path = embedUrl.getPath() == null ? "" : embedUrl.getPath().replaceAll("/+$", "");
        String code = path.substring(path.lastIndexOf('/') + 1);
        if (code.isBlank()) throw EmbedPages.markupChanged(embedUrl, "Luluvdo file code", "last path segment");
        URI origin = EmbedPages.origin(embedUrl);
        URI player = origin.resolve("/dl?op=embed&file_code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&embed=1&referer=" + URLEncoder.encode(embedUrl.getHost(), StandardCharsets.UTF_8) + "&adb=0");
        Map<String, String> request = new LinkedHashMap<>();
        request.put("User-Agent", LULUVDO_USER_AGENT);
        request.put("Origin", origin.toString());
        request.put("Referer", EmbedPages.referer(embedUrl));
        Page page = EmbedPages.fetch(fetcher, player, request);
        URI pageUrl = page.url();
        String body = page.body();
        List<String> scripts = PlayerSetup.scripts(pageUrl, body, "Luluvdo packed player script");
        String src = found(PlayerSetup.mediaUrl(scripts), pageUrl, body, "Luluvdo player source",
                "PlayerSetup sources/file");
        URI media = EmbedPages.resolve(pageUrl, src, "Luluvdo player source");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", LULUVDO_USER_AGENT);
        headers.put("Accept-Language", "de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7");
        headers.put("Origin", origin.toString());
        headers.put("Referer", EmbedPages.referer(embedUrl));
        return stream(media, headers);
    }
}
