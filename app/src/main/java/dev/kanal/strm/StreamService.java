package dev.kanal.strm;

import dev.kanal.KanalException;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.http.GuardedSocketFactory;
import dev.kanal.providers.http.PrivateAddressGuard;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a play request: finds the episode's source, opens the upstream with the hoster's headers
 * and the player's range, and, when the upstream refuses or dies before the first byte, drops the
 * cached source, re-resolves once and then moves on to the next hoster, all inside the same player
 * request. Playlists come back rewritten; media comes back as an open upstream to copy.
 */
public final class StreamService {
    private static final Logger log = LoggerFactory.getLogger(StreamService.class);
    /** Upstream answers copied to the player; everything else (cookies, CDN internals) is dropped. */
    private static final Set<String> PASSED_HEADERS = Set.of(
            "Content-Type", "Content-Length", "Content-Range", "Accept-Ranges", "ETag", "Last-Modified");
    /** Playlists are small; anything larger is not one and is refused rather than buffered. */
    private static final int MAX_PLAYLIST_BYTES = 4 * 1024 * 1024;
    /** Upper bound of upstream attempts per player request (cached, re-resolved, next hosters). */
    private static final int MAX_ATTEMPTS = 8;

    private final SourceCache cache;
    private final UpstreamClient upstream;
    private final StrmLinks links;
    private final StreamMetrics metrics;
    private final NextEpisodeWarmer warmer;
    private final Clock clock;

    public StreamService(SourceCache cache, UpstreamClient upstream, StrmLinks links, StreamMetrics metrics,
            NextEpisodeWarmer warmer, Clock clock) {
        this.clock = clock;
        this.cache = cache;
        this.upstream = upstream;
        this.links = links;
        this.metrics = metrics;
        this.warmer = warmer;
    }

    /** Plays the episode a {@code .strm} URL names. */
    StreamReply stream(StrmTarget target, PlayRequest request) {
        long started = System.nanoTime();
        Instant requestStart = clock.instant();
        Set<String> skip = new LinkedHashSet<>();
        CachedSource source = cache.get(target);
        boolean fromCache = source.resolvedAt().isBefore(requestStart);
        for (int attempt = 1; ; attempt++) {
            URI url = source.source().url();
            Attempt result = open(url, source, request, true);
            if (result instanceof Attempt.Opened opened) {
                metrics.firstByte(Duration.ofNanos(System.nanoTime() - started));
                if (!request.head()) warmer.playing(target);
                return reply(opened.upstream(), source, target, request, true, Optional.empty());
            }
            String reason = ((Attempt.Failed) result).reason();
            metrics.upstreamFailed(source.hoster(), reason);
            cache.invalidate(target);
            if (attempt >= MAX_ATTEMPTS) {
                throw new KanalException.UpstreamFailed("upstream failed " + attempt + " times for "
                        + target.describe() + "; last: " + source.hoster() + " " + reason, null);
            }
            if (!fromCache) skip.add(source.hoster());
            log.warn("upstream refused, resolving again target=\"{}\" hoster={} reason={} skip={}",
                    target.describe(), source.hoster(), reason, skip);
            metrics.reResolved();
            source = cache.resolve(target, Set.copyOf(skip));
            fromCache = false;
        }
    }

    /** Fetches a playlist child (variant, segment, key) with the headers of its episode's source. */
    StreamReply proxy(StrmLinks.ProxyTarget target, PlayRequest request) {
        return child(target.upstream(), target.target(), Optional.empty(), request);
    }

    /** Fetches a playlist child named by a short link; a playlist answer names its children relative to it. */
    StreamReply proxy(HlsLinks.Child child, PlayRequest request) {
        return child(child.upstream(), child.target(), Optional.of(child.served()), request);
    }

    private StreamReply child(URI url, StrmTarget target, Optional<HlsLinks.Served> served, PlayRequest request) {
        long started = System.nanoTime();
        CachedSource source = cache.get(target);
        Attempt result = open(url, source, request, false);
        if (result instanceof Attempt.Failed failed) {
            metrics.upstreamFailed(source.hoster(), failed.reason());
            // the next playlist load then resolves a fresh source
            cache.invalidate(target);
            log.warn("upstream segment failed target=\"{}\" hoster={} reason={}", target.describe(),
                    source.hoster(), failed.reason());
            throw new KanalException.UpstreamFailed("upstream answered " + failed.reason(), null);
        }
        metrics.firstByte(Duration.ofNanos(System.nanoTime() - started));
        return reply(((Attempt.Opened) result).upstream(), source, target, request, false, served);
    }

    private Attempt open(URI url, CachedSource source, PlayRequest request, boolean topLevel) {
        Map<String, String> extra = topLevel && source.source().format() == StreamSource.Format.HLS
                ? Map.of() : request.upstreamHeaders();
        UpstreamClient.Upstream opened;
        try {
            opened = upstream.open(url, source.source().headers(), extra);
        } catch (UpstreamClient.NotHttp e) {
            return new Attempt.Failed("not http(s)");
        } catch (IOException e) {
            if (isPrivateRefusal(e)) throw new KanalException.Forbidden(e.getMessage());
            return new Attempt.Failed(e instanceof InterruptedIOException ? "timeout" : "network");
        }
        int status = opened.status();
        if (status >= 400 && status != 416) {
            opened.close();
            return new Attempt.Failed(Integer.toString(status));
        }
        String type = opened.response().header("Content-Type");
        if (status < 300 && !isPlaylist(opened, source, topLevel)
                && MediaTypes.served(type, !topLevel, MediaTypes.OCTET_STREAM).isEmpty()) {
            opened.close();
            log.warn("upstream answered no media hoster={} content_type=\"{}\"", source.hoster(),
                    MediaTypes.base(type));
            return new Attempt.Failed("not media (" + MediaTypes.base(type) + ")");
        }
        if (!request.head()) {
            try {
                opened.response().body().source().request(1); // the first byte, or end of an empty body
            } catch (IOException e) {
                opened.close();
                return new Attempt.Failed(e instanceof InterruptedIOException ? "timeout" : "network");
            }
        }
        return new Attempt.Opened(opened);
    }

    /**
     * The answer to the player: media as an open upstream, or a playlist rewritten so its children
     * are fetched through Kanal. {@code served} is where the player fetched a child playlist by a
     * short link (empty for the {@code .strm} URL itself and for first-format proxy URLs).
     */
    private StreamReply reply(UpstreamClient.Upstream opened, CachedSource source, StrmTarget target,
            PlayRequest request, boolean topLevel, Optional<HlsLinks.Served> served) {
        Response response = opened.response();
        boolean playlist = response.code() < 300 && isPlaylist(opened, source, topLevel);
        if (!playlist) return new StreamReply.Media(opened, response.code(),
                passedHeaders(response, source, !topLevel), source.hoster());
        try (opened) {
            String text = readPlaylist(response);
            opened.bodyRead();
            if (!text.stripLeading().replace("\uFEFF", "").startsWith("#EXTM3U")) {
                throw new KanalException.UpstreamFailed("upstream answered no playlist (no #EXTM3U)", null);
            }
            URI base = opened.finalUrl();
            if (topLevel && HlsRewriter.isMediaPlaylist(text)) {
                return new StreamReply.Playlist(HlsRewriter.syntheticMaster(links.hls().link(base, target),
                        HlsRewriter.DEFAULT_BANDWIDTH));
            }
            return new StreamReply.Playlist(HlsRewriter.rewrite(text, base, links.hls().namer(target, served),
                    upstream.allowance()));
        } catch (HlsRewriter.TooLarge e) {
            throw new KanalException.UpstreamFailed("upstream playlist refused: " + e.getMessage(), null);
        } catch (IOException e) {
            throw new KanalException.UpstreamFailed("reading the playlist failed: " + e.getMessage(), e);
        }
    }

    /** A playlist by type or name, or any text answer for an HLS source (some hosters send text/plain). */
    private static boolean isPlaylist(UpstreamClient.Upstream opened, CachedSource source, boolean topLevel) {
        String type = opened.response().header("Content-Type");
        if (HlsRewriter.looksLikePlaylist(type, opened.finalUrl())) return true;
        return topLevel && source.source().format() == StreamSource.Format.HLS
                && MediaTypes.base(type).startsWith("text/");
    }

    private static String readPlaylist(Response response) throws IOException {
        var body = response.body();
        if (body.contentLength() > MAX_PLAYLIST_BYTES) {
            throw new KanalException.UpstreamFailed("upstream playlist too large", null);
        }
        var source = body.source();
        if (source.request(MAX_PLAYLIST_BYTES + 1L)) {
            throw new KanalException.UpstreamFailed("upstream playlist too large", null);
        }
        return source.readString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> passedHeaders(Response response, CachedSource source, boolean child) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : PASSED_HEADERS) {
            String value = response.header(name);
            if (value != null) headers.put(name, value);
        }
        String fallback = source.source().format() == StreamSource.Format.MP4 ? "video/mp4"
                : MediaTypes.OCTET_STREAM;
        // open() refused every answer that is not media; what is sent is the checked type without parameters
        headers.put("Content-Type", MediaTypes.served(response.header("Content-Type"), child, fallback)
                .orElse(MediaTypes.OCTET_STREAM));
        return headers;
    }

    private static boolean isPrivateRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PrivateAddressGuard.PrivateAddressRefused
                    || t instanceof GuardedSocketFactory.PrivateUpstreamRefused) {
                return true;
            }
        }
        return false;
    }

    /** The outcome of one upstream request. */
    private sealed interface Attempt {
        record Opened(UpstreamClient.Upstream upstream) implements Attempt {}

        record Failed(String reason) implements Attempt {}
    }
}
