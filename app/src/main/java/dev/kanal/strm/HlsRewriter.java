package dev.kanal.strm;

import dev.kanal.providers.http.NumericHost;
import dev.kanal.providers.http.UpstreamAllowance;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites HLS playlists so that every URI in them (variant playlists, segments, keys, init
 * sections, renditions, I-frame playlists, session keys, preload hints) points back at Kanal's
 * signed proxy: players never talk to the hoster, whose URLs need headers and are bound to
 * Kanal's IP. Relative URIs are resolved against the playlist's own URL first. Pure text in, text out.
 *
 * <p>Hostile playlists are bounded: a URI that is not http(s) ({@code file:}, {@code gopher:},
 * {@code data:}, {@code skd:} …) or names a private address Kanal may not reach is dropped with its
 * segment tags (a tag carrying it, such as {@code #EXT-X-KEY} or {@code #EXT-X-MAP}, is dropped
 * whole), and a playlist with more than {@link #MAX_URIS} URIs or a rewritten size over
 * {@link #MAX_OUTPUT_BYTES} is refused instead of amplified.
 */
final class HlsRewriter {
    /** Bandwidth assumed when a playlist does not say; players show it as the bitrate. */
    static final long DEFAULT_BANDWIDTH = 2_500_000;
    /** {@code URI="…"} (quoted, the RFC 8216 form) or {@code URI=…} (some hosters omit quotes). */
    private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=(?:\"([^\"]*)\"|([^,\\s]*))");
    private static final Pattern BANDWIDTH = Pattern.compile("(?<![-A-Z])BANDWIDTH=(\\d+)");
    private static final Pattern AVERAGE_BANDWIDTH = Pattern.compile("AVERAGE-BANDWIDTH=\\d+");
    /** More URIs than a day of 4-second segments: no real episode playlist comes near it. */
    static final int MAX_URIS = 20_000;
    /** The rewritten playlist never exceeds the largest upstream playlist Kanal reads. */
    static final int MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
    /** Tags that belong to the next URI line and go when it is dropped. */
    private static final List<String> SEGMENT_TAGS = List.of("#EXTINF", "#EXT-X-BYTERANGE", "#EXT-X-STREAM-INF",
            "#EXT-X-PROGRAM-DATE-TIME", "#EXT-X-DISCONTINUITY", "#EXT-X-GAP", "#EXT-X-BITRATE");

    /** The playlist is too large to rewrite; the proxy answers 502. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message, null, false, false);
        }
    }

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
        return rewrite(playlist, base, proxy, UpstreamAllowance.ALL);
    }

    /**
     * As {@link #rewrite(String, URI, Function)}, dropping URIs that are not http(s) or name an
     * address {@code allowance} refuses. Throws {@link TooLarge} past {@link #MAX_URIS} URIs or
     * {@link #MAX_OUTPUT_BYTES} of output.
     */
    static String rewrite(String playlist, URI base, Function<URI, String> proxy, UpstreamAllowance allowance) {
        if (countUris(playlist) > MAX_URIS) throw new TooLarge("playlist has more than " + MAX_URIS + " URIs");
        StringBuilder out = new StringBuilder(Math.min(playlist.length() * 2, MAX_OUTPUT_BYTES) + 64);
        Rewrite r = new Rewrite(base, proxy, allowance);
        int pendingFrom = -1; // where the tags of the next URI line start in out
        int start = 0;
        int length = playlist.length();
        while (start <= length) {
            int end = playlist.indexOf('\n', start);
            boolean last = end < 0;
            if (last) end = length;
            String line = playlist.substring(start, end > start && playlist.charAt(end - 1) == '\r' ? end - 1 : end);
            String trimmed = line.strip();
            int lineStart = out.length();
            if (trimmed.isEmpty()) {
                out.append(line);
            } else if (trimmed.startsWith("#")) {
                if (pendingFrom < 0 && isSegmentTag(trimmed)) pendingFrom = lineStart;
                String tag = trimmed.startsWith("#EXT-X-STREAM-INF") ? withBandwidth(trimmed) : trimmed;
                if (tag.contains("URI=") && trimmed.startsWith("#EXT")) {
                    String rewritten = r.attributes(tag);
                    if (rewritten != null) out.append(rewritten);
                    else if (lineStart > 0) out.setLength(lineStart - 1); // drop the tag with its newline
                } else {
                    out.append(tag);
                }
            } else {
                String proxied = r.uri(trimmed);
                if (proxied != null) {
                    out.append(proxied);
                } else {
                    int from = pendingFrom >= 0 ? pendingFrom : lineStart;
                    out.setLength(Math.max(0, from - 1));
                }
                pendingFrom = -1;
            }
            if (out.length() > MAX_OUTPUT_BYTES) {
                throw new TooLarge("rewritten playlist exceeds " + MAX_OUTPUT_BYTES / (1024 * 1024) + " MiB");
            }
            if (last) break;
            out.append('\n');
            start = end + 1;
        }
        return out.toString();
    }

    /** URI lines and URI attributes, counted in one pass before any is signed (a refusal costs a scan). */
    private static int countUris(String playlist) {
        int count = 0;
        boolean lineStart = true;
        for (int i = 0, n = playlist.length(); i < n; i++) {
            char c = playlist.charAt(i);
            if (c == '\n') {
                lineStart = true;
                continue;
            }
            if (lineStart && c != '\r' && c != ' ' && c != '\t') {
                if (c != '#') count++;
                lineStart = false;
            }
            if (c == 'U' && playlist.startsWith("URI=", i)) count++;
        }
        return count;
    }

    private static boolean isSegmentTag(String tag) {
        for (String t : SEGMENT_TAGS) {
            if (tag.startsWith(t)) return true;
        }
        return false;
    }

    /** The URI-level rules of one rewrite, and its URI count. */
    private static final class Rewrite {
        private final URI base;
        private final Function<URI, String> proxy;
        private final UpstreamAllowance allowance;
        private int uris;

        Rewrite(URI base, Function<URI, String> proxy, UpstreamAllowance allowance) {
            this.base = base;
            this.proxy = proxy;
            this.allowance = allowance;
        }

        /** The tag with each URI proxied, or null when one of them must be dropped. */
        String attributes(String tag) {
            Matcher m = URI_ATTRIBUTE.matcher(tag);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                boolean quoted = m.group(1) != null;
                String replaced = uri(quoted ? m.group(1) : m.group(2));
                if (replaced == null) return null;
                String attr = quoted ? "URI=\"" + replaced + "\"" : "URI=" + replaced;
                m.appendReplacement(sb, Matcher.quoteReplacement(attr));
            }
            m.appendTail(sb);
            return sb.toString();
        }

        /** The proxy URL for {@code reference}, or null for a reference that must not be passed on. */
        String uri(String reference) {
            if (++uris > MAX_URIS) throw new TooLarge("playlist has more than " + MAX_URIS + " URIs");
            URI absolute;
            try {
                absolute = base.resolve(new URI(reference.replace(" ", "%20")));
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                return null;
            }
            String scheme = absolute.getScheme() == null ? "" : absolute.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return null;
            String host = NumericHost.hostOf(absolute);
            if (host.isEmpty()) return null;
            if (NumericHost.address(host).filter(a -> !allowance.allows(a)).isPresent()) return null;
            return proxy.apply(absolute);
        }
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
