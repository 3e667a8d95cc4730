package dev.kanal.providers.http;

import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.ProviderSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The {@link Fetcher} used in production: OkHttp with browser headers, a private-address guard,
 * challenge detection and a mapping of every failure onto {@link ProviderFailure}.
 */
public final class OkHttpFetcher implements Fetcher {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final OkHttpClient noRedirects;
    private final ProviderSettings settings;
    private final ChallengeDetector challenges = new ChallengeDetector();

    public OkHttpFetcher(ProviderSettings settings) {
        this.settings = settings;
        this.client = new OkHttpClient.Builder()
                .dns(new PrivateAddressGuard(settings.allowPrivateUpstreams()))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .followRedirects(true)
                .followSslRedirects(true)
                .build();
        this.noRedirects = client.newBuilder().followRedirects(false).followSslRedirects(false).build();
    }

    /** The underlying client, for callers that stream media through the same guard and pool. */
    public OkHttpClient client() {
        return client;
    }

    @Override
    public Page get(URI url, Map<String, String> headers) {
        return execute(client, request(url, headers).get().build());
    }

    @Override
    public Page postForm(URI url, Map<String, String> form, Map<String, String> headers) {
        FormBody.Builder body = new FormBody.Builder();
        form.forEach(body::add);
        return execute(client, request(url, headers).post(body.build()).build());
    }

    @Override
    public Page postJson(URI url, String json, Map<String, String> headers) {
        return execute(client, request(url, headers).post(RequestBody.create(json, JSON)).build());
    }

    @Override
    public Optional<URI> redirectTarget(URI url, Map<String, String> headers) {
        Request req = request(url, headers).get().build();
        try (Response r = noRedirects.newCall(req).execute()) {
            if (r.isRedirect()) {
                String location = r.header("Location");
                if (location == null || location.isBlank()) return Optional.empty();
                HttpUrl resolved = r.request().url().resolve(location.trim());
                return Optional.ofNullable(resolved).map(HttpUrl::uri);
            }
            String body = r.body().string();
            challenges.detect(r.code(), r.header("Server"), body).ifPresent(kind -> {
                throw new ProviderException(new ProviderFailure.Blocked(url, kind));
            });
            failOnStatus(url, r.code());
            return Optional.empty();
        } catch (IOException e) {
            throw unreachable(url, e);
        }
    }

    @Override
    public <T> T stream(URI url, Map<String, String> headers, BodyReader<T> reader) {
        Request req = request(url, headers).get().build();
        try (Response r = client.newCall(req).execute()) {
            failOnStatus(url, r.code());
            return reader.read(r.request().url().uri(), r.body().byteStream());
        } catch (IOException e) {
            throw unreachable(url, e);
        }
    }

    private Request.Builder request(URI url, Map<String, String> headers) {
        HttpUrl httpUrl = HttpUrl.get(url.toString());
        Map<String, String> all = new LinkedHashMap<>();
        all.put("User-Agent", settings.userAgent());
        all.put("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        all.put("Accept-Language", "de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7");
        all.putAll(headers);
        Request.Builder b = new Request.Builder().url(httpUrl);
        all.forEach(b::header);
        return b;
    }

    private Page execute(OkHttpClient c, Request req) {
        URI url = req.url().uri();
        try (Response r = c.newCall(req).execute()) {
            String body = r.body().string();
            challenges.detect(r.code(), r.header("Server"), body).ifPresent(kind -> {
                throw new ProviderException(new ProviderFailure.Blocked(url, kind));
            });
            failOnStatus(url, r.code());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String name : r.headers().names()) {
                headers.put(name.toLowerCase(Locale.ROOT), r.headers(name));
            }
            return new Page(r.request().url().uri(), r.code(), headers, body);
        } catch (IOException e) {
            throw unreachable(url, e);
        }
    }

    private static void failOnStatus(URI url, int code) {
        if (code >= 200 && code < 300) return;
        if (code == 404 || code == 410) throw new ProviderException(new ProviderFailure.NotFound(url));
        throw new ProviderException(new ProviderFailure.Unreachable(url, "HTTP " + code));
    }

    private static ProviderException unreachable(URI url, IOException e) {
        String reason = e instanceof InterruptedIOException ? "timeout" : e.getMessage();
        return new ProviderException(new ProviderFailure.Unreachable(url, reason), e);
    }
}
