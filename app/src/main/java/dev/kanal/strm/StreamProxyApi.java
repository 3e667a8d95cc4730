package dev.kanal.strm;

import dev.kanal.web.ApiGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The URLs media servers play: {@code /strm/stream/<id>.mp4} (what {@code .strm} files hold) and
 * {@code /strm/hls/<token>/<path>} (the children of rewritten HLS playlists; {@code /strm/proxy/<name>}
 * in the first format). All are signed; bytes are streamed straight from the upstream to the
 * servlet output stream, never buffered whole, never compressed, and never redirected to the hoster.
 */
public final class StreamProxyApi implements ApiGroup {
    private static final Logger log = LoggerFactory.getLogger(StreamProxyApi.class);
    private static final String PLAYLIST_TYPE = "application/vnd.apple.mpegurl";

    private final StrmLinks links;
    private final StreamService service;
    private final MediaCopier copier;

    public StreamProxyApi(StrmLinks links, StreamService service, MediaCopier copier) {
        this.links = links;
        this.service = service;
        this.copier = copier;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before("/strm/*", StreamProxyApi::hardened);
        routes.get("/strm/stream/{file}", this::stream);
        routes.head("/strm/stream/{file}", this::stream);
        routes.get("/strm/proxy/{name}", this::proxy);
        routes.head("/strm/proxy/{name}", this::proxy);
        routes.get("/strm/hls/{token}/<rest>", this::hls);
        routes.head("/strm/hls/{token}/<rest>", this::hls);
    }

    /**
     * Every {@code /strm/*} answer, errors included: no type sniffing, and a sandbox CSP so that even
     * a body a browser would render runs no script on Kanal's origin.
     */
    private static void hardened(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "sandbox");
    }

    private void stream(Context ctx) {
        StrmTarget target = links.verifyStream(ctx.pathParam("file"), ctx.queryParam("v"), ctx.queryParam("sig"));
        render(ctx, service.stream(target, playRequest(ctx)));
    }

    private void proxy(Context ctx) {
        var target = links.verifyProxy(ctx.queryParam("u"), ctx.queryParam("e"), ctx.queryParam("exp"),
                ctx.queryParam("sig"));
        render(ctx, service.proxy(target, playRequest(ctx)));
    }

    /**
     * The servlet output as a channel. Jetty's own output takes a {@link ByteBuffer} as it is, so the
     * copier's direct buffer reaches the socket without another copy; any other output gets the bytes.
     */
    static WritableByteChannel channelOf(ServletOutputStream out) {
        if (out instanceof HttpOutput jetty) {
            return new WritableByteChannel() {
                @Override
                public int write(ByteBuffer src) throws IOException {
                    int n = src.remaining();
                    jetty.write(src);
                    src.position(src.limit());
                    return n;
                }

                @Override
                public boolean isOpen() {
                    return true;
                }

                @Override
                public void close() {}
            };
        }
        return Channels.newChannel(out);
    }

    /** A short playlist-child link; the rest and query are taken raw, as the hoster wrote them. */
    private void hls(Context ctx) {
        String token = ctx.pathParam("token");
        String uri = ctx.req().getRequestURI();
        int at = uri.indexOf(HlsLinks.ROUTE);
        String rest = at < 0 ? "" : uri.substring(at + HlsLinks.ROUTE.length());
        rest = rest.startsWith(token + "/") ? rest.substring(token.length() + 1) : "";
        var child = links.hls().verify(token, rest, ctx.req().getQueryString());
        render(ctx, service.proxy(child, playRequest(ctx)));
    }

    private static PlayRequest playRequest(Context ctx) {
        return new PlayRequest(ctx.header("Range"), ctx.header("If-Range"), ctx.method() == HandlerType.HEAD);
    }

    private void render(Context ctx, StreamReply reply) {
        HttpServletResponse res = ctx.res();
        boolean head = ctx.method() == HandlerType.HEAD;
        try {
            switch (reply) {
                case StreamReply.Media media -> {
                    res.setStatus(media.status());
                    media.headers().forEach(res::setHeader);
                    if (head) {
                        media.upstream().close();
                    } else {
                        copier.copy(media.upstream(), channelOf(res.getOutputStream()), media.hoster());
                    }
                }
                case StreamReply.Playlist playlist -> {
                    byte[] body = playlist.body().getBytes(StandardCharsets.UTF_8);
                    res.setStatus(200);
                    res.setContentType(PLAYLIST_TYPE);
                    res.setHeader("Cache-Control", "no-store");
                    res.setContentLength(body.length);
                    if (!head) res.getOutputStream().write(body);
                }
            }
        } catch (IOException e) {
            log.debug("player went away path={} reason={}", ctx.path(), e.getMessage());
        }
    }
}
