package dev.kanal.strm;

import java.net.URI;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites HLS playlists so that every URI in them (variant playlists, segments, keys, init
 * sections, renditions, I-frame playlists, session keys, preload hints) points back at Kanal's
 * signed proxy: players never talk to the hoster, whose URLs need headers and are bound to
 * Kanal's IP. Relative URIs are resolved against the playlist's own URL first. Pure text in, text out.
 */
final class HlsRewriter {
    /** Bandwidth assumed when a playlist does not say; players show it as the bitrate. */
    static final long DEFAULT_BANDWIDTH = 2_500_000;
    /** {@code URI="…"} (quoted, the RFC 8216 form) or {@code URI=…} (some hosters omit quotes). */
    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=(?:\"([^\"]*)\"|([^,\\s]*))");
    private static final Pattern BANDWIDTH = Pattern.compile("(?<![-A-Z])BANDWIDTH=(\\d+)");
    private static final Pattern AVERAGE_BANDWIDTH = Pattern.compile("AVERAGE-BANDWIDTH=\\d+");

    private HlsRewriter() {}

    /** True for a playlist body (as opposed to media bytes). */
    static boolean looksLikePlaylist(String contentType, URI url) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals("application/vnd.apple.mpegurl") || type.equals("application/x-mpegurl")
                || type.equals("audio/mpegurl") || type.equals("audio/x-mpegurl")) {
            return true;
        }
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        return path.endsWith(".m3u8") || path.endsWith(".m3u");
    }

    /** True for a media playlist (segments, no variants): players then see no bitrate. */
    static boolean isMediaPlaylist(String playlist) {
        return playlist.contains("#EXTINF") && !playlist.contains("#EXT-X-STREAM-INF");
    }

    /** A master playlist with one variant, {@code mediaPlaylistUrl}, and a bandwidth hint. */
    static String syntheticMaster(String mediaPlaylistUrl, long bandwidth) {
        return "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=" + bandwidth + ",AVERAGE-BANDWIDTH="
                + averageOf(bandwidth) + "\n" + mediaPlaylistUrl + "\n";
    }

    /**
     * Rewrites {@code playlist}, fetched from {@code base}: each URI is resolved against {@code base}
     * and replaced by {@code proxy.apply(absoluteUri)}; variants without a bandwidth get a hint.
     */
    static String rewrite(String playlist, URI base, Function<URI, String> proxy) {
        StringBuilder out = new StringBuilder(playlist.length() * 2);
        String[] lines = playlist.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                out.append(line);
            } else if (trimmed.startsWith("#")) {
                String tag = trimmed.startsWith("#EXT-X-STREAM-INF") ? withBandwidth(trimmed) : trimmed;
                out.append(tag.contains("URI=") && trimmed.startsWith("#EXT") ? rewriteAttributes(tag, base, proxy)
                        : tag);
            } else {
                out.append(proxied(trimmed, base, proxy));
            }
            if (i < lines.length - 1) out.append('\n');
        }
        return out.toString();
    }

    private static String rewriteAttributes(String tag, URI base, Function<URI, String> proxy) {
        Matcher m = URI_ATTRIBUTE.matcher(tag);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            boolean quoted = m.group(1) != null;
            String value = quoted ? m.group(1) : m.group(2);
            String replaced = proxied(value, base, proxy);
            String attr = quoted ? "URI=\"" + replaced + "\"" : "URI=" + replaced;
            m.appendReplacement(sb, Matcher.quoteReplacement(attr));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The proxy URL for {@code reference}; non-http references (data:, skd:) are left alone. */
    private static String proxied(String reference, URI base, Function<URI, String> proxy) {
        URI absolute;
        try {
            absolute = base.resolve(new URI(reference.replace(" ", "%20")));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return reference;
        }
        String scheme = absolute.getScheme() == null ? "" : absolute.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return reference;
        return proxy.apply(absolute);
    }

    private static String withBandwidth(String tag) {
        String result = tag;
        Matcher bw = BANDWIDTH.matcher(result);
        long bandwidth = DEFAULT_BANDWIDTH;
        if (bw.find()) {
            bandwidth = Long.parseLong(bw.group(1));
        } else {
            result = result.replaceFirst("#EXT-X-STREAM-INF:?", "#EXT-X-STREAM-INF:BANDWIDTH=" + bandwidth + ",");
            if (result.endsWith(",")) result = result.substring(0, result.length() - 1);
        }
        if (!AVERAGE_BANDWIDTH.matcher(result).find()) {
            result = result + ",AVERAGE-BANDWIDTH=" + averageOf(bandwidth);
        }
        return result;
    }

    private static long averageOf(long bandwidth) {
        return Math.max((long) (bandwidth * 0.85), 192_000);
    }
}
