package dev.kanal.strm;

import dev.kanal.providers.http.GuardedSocketFactory;
import dev.kanal.providers.http.PrivateAddressGuard;
import dev.kanal.providers.http.UpstreamAllowance;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The HTTP client the stream proxy fetches media with: OkHttp behind the private-address guard,
 * no transparent compression (byte ranges must mean the hoster's bytes), redirects followed (each
 * hop is checked by the guard), and a pool sized for many parallel players.
 */
public final class UpstreamClient implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final OkHttpClient client;
    private final String defaultUserAgent;
    private final UpstreamAllowance allowance;

    /**
     * What the client reads of the outbound HTTP settings.
     *
     * @param privateUpstreams which private addresses may be reached
     * @param timeout read timeout
     * @param userAgent sent when the hoster names none; blank: a current desktop browser's
     */
    public record Settings(UpstreamAllowance privateUpstreams, Duration timeout, String userAgent) {}

    public UpstreamClient(Settings config) {
        this.allowance = config.privateUpstreams();
        this.client = new OkHttpClient.Builder()
                .dns(new PrivateAddressGuard(config.privateUpstreams()))
                .socketFactory(new GuardedSocketFactory(config.privateUpstreams()))
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(config.timeout())
                .followRedirects(true)
                .followSslRedirects(true)
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .build();
        this.defaultUserAgent = config.userAgent().isBlank()
                ? "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/131.0.0.0 Safari/537.36"
                : config.userAgent();
    }

    /** Which private addresses may be reached (playlists drop URIs naming any other). */
    public UpstreamAllowance allowance() {
        return allowance;
    }

    /**
     * Sends a GET for {@code url} with the hoster's {@code headers} plus {@code extra} (Range …) and
     * returns once the response head arrived. Throws when the upstream cannot be reached at all.
     */
    public Upstream open(URI url, Map<String, String> headers, Map<String, String> extra) throws IOException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        HttpUrl parsed = scheme.equals("http") || scheme.equals("https") ? HttpUrl.parse(url.toString()) : null;
        if (parsed == null) throw new NotHttp(url);
        Request.Builder b = new Request.Builder().url(parsed).get();
        b.header("User-Agent", defaultUserAgent);
        headers.forEach(b::header);
        extra.forEach(b::header);
        b.header("Accept-Encoding", "identity");
        Call call = client.newCall(b.build());
        return new Upstream(call, call.execute());
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** The source is not an http(s) URL ({@code file:}, {@code ftp:} …): refused, never fetched. */
    public static final class NotHttp extends IOException {
        NotHttp(URI url) {
            super("refusing a non-http(s) source: " + (url.getScheme() == null ? "no scheme" : url.getScheme() + ":"));
        }
    }

    /** An open upstream response. {@link #close()} releases the connection at once, read or not. */
    public static final class Upstream implements AutoCloseable {
        private final Call call;
        private final Response response;
        private volatile boolean bodyRead;

        Upstream(Call call, Response response) {
            this.call = call;
            this.response = response;
        }

        public Response response() {
            return response;
        }

        public int status() {
            return response.code();
        }

        /** The URL that answered, after redirects (relative playlist URIs resolve against it). */
        public URI finalUrl() {
            return response.request().url().uri();
        }

        /** Marks the body as read to its end, so closing keeps the connection for reuse. */
        public void bodyRead() {
            bodyRead = true;
        }

        @Override
        public void close() {
            // cancel first: closing an unread body would otherwise drain the rest to reuse the connection
            if (!bodyRead) call.cancel();
            response.close();
        }
    }
}
