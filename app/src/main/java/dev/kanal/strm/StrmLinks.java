package dev.kanal.strm;

import dev.kanal.KanalException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Builds and checks Kanal's signed media URLs. Stream URLs ({@code .strm} contents) name an episode
 * and never expire; proxy URLs (HLS children) carry an upstream URL plus the episode whose headers
 * apply, and expire. Everything unsigned, tampered or expired is refused before any upstream request.
 */
public final class StrmLinks {
    /** The format of stream URLs; bump it when the URL shape changes so regeneration finds old files. */
    public static final int URL_VERSION = 1;
    /** How long an HLS child URL stays valid; the player gets fresh ones with every playlist. */
    static final Duration PROXY_TTL = Duration.ofHours(6);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final URI publicUrl;
    private final String pathPrefix;
    private final UrlSigner signer;
    private final Clock clock;
    private final HlsLinks hls;

    public StrmLinks(URI publicUrl, UrlSigner signer, Clock clock) {
        String base = publicUrl.toString();
        this.publicUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        String path = this.publicUrl.getRawPath() == null ? "" : this.publicUrl.getRawPath();
        this.pathPrefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.signer = signer;
        this.clock = clock;
        this.hls = new HlsLinks(pathPrefix, signer, clock, PROXY_TTL);
    }

    /** The short links of HLS playlist children ({@code /strm/hls/…}). */
    HlsLinks hls() {
        return hls;
    }

    /** The absolute URL a {@code .strm} file holds for {@code target}. */
    public URI streamUrl(StrmTarget target) {
        String id = target.id();
        return URI.create(publicUrl + "/strm/stream/" + id + ".mp4?v=" + URL_VERSION + "&sig="
                + signer.sign(streamPayload(id, URL_VERSION)));
    }

    /**
     * A root-relative proxy URL in the first format (below the public URL's path prefix) for an
     * upstream resource of {@code target}. Relative so players stay on whatever host they reached Kanal by.
     * Playlists now name their children by {@link HlsLinks}; these URLs are still served so that a
     * player holding a playlist from before keeps playing until the link expires.
     */
    public String proxyPath(URI upstream, StrmTarget target) {
        String u = B64.encodeToString(upstream.toString().getBytes(StandardCharsets.UTF_8));
        String e = target.id();
        long exp = clock.instant().plus(PROXY_TTL).getEpochSecond();
        return pathPrefix + "/strm/proxy/" + hint(upstream) + "?u=" + u + "&e=" + e + "&exp=" + exp + "&sig="
                + signer.sign(proxyPayload(u, e, exp));
    }

    /** A stream URL as a {@code .strm} line holds it, any host or public URL: {@code …/strm/stream/<id>.mp4?v=N…}. */
    private static final java.util.regex.Pattern STREAM_LINE = java.util.regex.Pattern.compile(
            "^https?://\\S*/strm/stream/(?<id>[A-Za-z0-9_-]+)\\.mp4\\?v=(?<v>\\d{1,3})\\b\\S*\\s*$");

    /**
     * The episode and URL version a {@code .strm} file's content points at, whatever public URL or
     * signing key wrote it; empty when the content is no Kanal stream URL.
     */
    static Optional<Written> parseLine(String content) {
        var m = STREAM_LINE.matcher(content.strip());
        if (!m.matches()) return Optional.empty();
        int version = Integer.parseInt(m.group("v"));
        return StrmTarget.fromId(m.group("id")).map(t -> new Written(t, version));
    }

    /** What a {@code .strm} line names. */
    record Written(StrmTarget target, int urlVersion) {}

    /** The episode a stream request names, or 403 when the signature does not match. */
    public StrmTarget verifyStream(String file, String version, String sig) {
        String id = file.endsWith(".mp4") ? file.substring(0, file.length() - 4) : file;
        int v = parseInt(version).orElseThrow(() -> forbidden("missing or invalid v"));
        if (sig == null || sig.isEmpty()) throw forbidden("missing signature");
        if (!signer.verify(streamPayload(id, v), sig)) throw forbidden("invalid signature");
        return StrmTarget.fromId(id).orElseThrow(() -> forbidden("invalid stream id"));
    }

    /** The upstream and episode a proxy request names, or 403 when unsigned, tampered or expired. */
    public ProxyTarget verifyProxy(String u, String e, String exp, String sig) {
        if (u == null || e == null || exp == null || sig == null) throw forbidden("missing signature");
        long expires = parseLong(exp).orElseThrow(() -> forbidden("invalid expiry"));
        if (!signer.verify(proxyPayload(u, e, expires), sig)) throw forbidden("invalid signature");
        if (clock.instant().getEpochSecond() > expires) {
            throw forbidden("link expired; the player must reload the playlist");
        }
        StrmTarget target = StrmTarget.fromId(e).orElseThrow(() -> forbidden("invalid stream id"));
        try {
            URI upstream = URI.create(new String(B64D.decode(u), StandardCharsets.UTF_8));
            return new ProxyTarget(upstream, target);
        } catch (IllegalArgumentException ex) {
            throw forbidden("invalid upstream url");
        }
    }

    /** A verified proxy request: fetch {@code upstream} with the headers of {@code target}'s source. */
    public record ProxyTarget(URI upstream, StrmTarget target) {}

    private static String streamPayload(String id, int version) {
        return "stream|" + version + "|" + id;
    }

    private static String proxyPayload(String u, String e, long exp) {
        return "proxy|" + u + "|" + e + "|" + exp;
    }

    /** The upstream's last path segment, so players that sniff extensions see {@code .ts}/{@code .m3u8}. */
    private static String hint(URI upstream) {
        String path = upstream.getRawPath() == null ? "" : upstream.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (!last.matches("[A-Za-z0-9._~-]{1,100}") || !last.contains(".")) return "resource.bin";
        return last;
    }

    private static KanalException forbidden(String why) {
        return new KanalException.Forbidden(why);
    }

    private static Optional<Integer> parseInt(String s) {
        return parseLong(s).filter(l -> l > 0 && l < 1000).map(Long::intValue);
    }

    private static Optional<Long> parseLong(String s) {
        if (s == null || !s.matches("\\d{1,19}")) return Optional.empty();
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
