package dev.kanal.providers.hoster;

import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GXPlayer, Megakino's own "Stream in HD" player. The watch page carries {@code id}, {@code uid}
 * and {@code md5}; from them the HLS master URL is built on the same host. The master is named
 * {@code master.txt} but is an ordinary playlist, so the format is set to HLS explicitly.
 */
public final class GxPlayerHoster extends EmbedHoster {
    /** {@code "uid":"<digits>"} in the page's JSON-ish config. */
    private static final Pattern UID = Pattern.compile("\"uid\"\\s*:\\s*\"(?<value>[^\"]*)\"");
    /** {@code "md5":"<32 hex>"}. */
    private static final Pattern MD5 = Pattern.compile("\"md5\"\\s*:\\s*\"(?<value>[^\"]*)\"");
    /** {@code "id":"<digits>"}. */
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(?<value>[^\"]*)\"");

    private static final List<String> GONE_MARKERS = List.of("Video is not found", "Video not found");

    /** GXPlayer with Kanal's default browser User-Agent. */
    public GxPlayerHoster() {
        this(ProviderSettings.DEFAULT_USER_AGENT);
    }

    /** @param userAgent sent on the page request and returned for the stream */
    public GxPlayerHoster(String userAgent) {
        super("GXPlayer", Set.of("Stream in HD"), Set.of("gxplayer"), GONE_MARKERS, userAgent);
    }

    @Override
    public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
        Page page = page(fetcher, embedUrl, embedUrl);
        URI pageUrl = page.url();
        String body = page.body();
        String uid = field(UID, pageUrl, body, "UID");
        String md5 = field(MD5, pageUrl, body, "MD5");
        String id = field(ID, pageUrl, body, "ID");
        URI media = EmbedPages.origin(pageUrl).resolve("/m3u8/" + encode(uid) + "/" + encode(md5)
                + "/master.txt?s=1&id=" + encode(id) + "&cache=1");
        return new StreamSource(media, StreamSource.Format.HLS, Map.of("User-Agent", userAgent), null, name());
    }

    private String field(Pattern p, URI pageUrl, String body, String name) {
        return found(EmbedPages.first(p, body, "value").filter(v -> !v.isBlank()), pageUrl, body,
                "GXPlayer video " + name.toLowerCase(Locale.ROOT), name);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
