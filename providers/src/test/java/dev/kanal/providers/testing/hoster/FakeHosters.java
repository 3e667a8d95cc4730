package dev.kanal.providers.testing.hoster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import java.net.URI;
import java.util.Objects;

/**
 * Emulated hosters on a WireMock server: give it the direct media URL you want a download or
 * stream to end at, get back an embed URL that the real extractors resolve to exactly that URL.
 * The app's integration tests and the end-to-end demo use it (via the providers test-jar) so a
 * site's hoster link leads somewhere playable without the internet.
 *
 * <pre>{@code
 * FakeHosters hosters = FakeHosters.on(wireMockServer);
 * URI embed = hosters.voe("abc123", URI.create("http://127.0.0.1:9000/media/ep1.m3u8"));
 * // serve `embed` as the site's link-out target, labelled FakeHosters.VOE
 * }</pre>
 *
 * <p>Pages are served on {@code http://127.0.0.1:<port>}; the VOE redirect hops to
 * {@code http://localhost:<port>}, the same server under a second name, like a VOE vanity domain.
 * The fetcher used must allow private upstreams. Codes must be unique per server and kind.
 */
public final class FakeHosters {
    /** The label sites show for VOE. */
    public static final String VOE = "VOE";
    /** The label sites show for Filemoon. */
    public static final String FILEMOON = "Filemoon";

    private final WireMock wireMock;
    private final int port;

    /**
     * @param wireMock a client for the server the pages go to
     * @param port the server's HTTP port
     */
    public FakeHosters(WireMock wireMock, int port) {
        this.wireMock = Objects.requireNonNull(wireMock, "wireMock");
        this.port = port;
    }

    /** Fake hosters on a {@link WireMockServer} (started). */
    public static FakeHosters on(WireMockServer server) {
        return new FakeHosters(new WireMock("localhost", server.port()), server.port());
    }

    /** Fake hosters on the server of a JUnit {@code @WireMockTest} or {@code WireMockExtension}. */
    public static FakeHosters on(WireMockRuntimeInfo info) {
        return new FakeHosters(info.getWireMock(), info.getHttpPort());
    }

    /** A working VOE embed (obfuscated JSON payload, 2025 shape) that resolves to {@code media}. */
    public URI voe(String code, URI media) {
        String path = "/e/" + code;
        html(path, HosterPages.voeJsonPayloadPage(HosterPages.voePlayerJson(media, media), VoeEncoder.DEFAULT_JUNK));
        return at("127.0.0.1", path);
    }

    /**
     * A VOE embed that first answers with VOE's JavaScript redirect to a second host name
     * ({@code localhost}), whose player page resolves to {@code media}.
     */
    public URI voeViaRedirect(String code, URI media) {
        String mirrorPath = "/mirror/e/" + code;
        html(mirrorPath, HosterPages.voeJsonPayloadPage(HosterPages.voePlayerJson(media, media), VoeEncoder.DEFAULT_JUNK));
        String path = "/e/" + code;
        html(path, HosterPages.voeRedirectPage(at("localhost", mirrorPath)));
        return at("127.0.0.1", path);
    }

    /**
     * A working Filemoon embed (packed JWPlayer page; its API path is left unanswered, so the
     * extractor takes the packed-page route) that resolves to {@code media}.
     */
    public URI filemoon(String code, URI media) {
        String path = "/filemoon/e/" + code;
        html(path, HosterPages.filemoonPackedPage(media));
        return at("127.0.0.1", path);
    }

    /** A VOE embed whose video was removed: resolving it fails with {@code HosterGone}. */
    public URI removed(String code) {
        String path = "/e/" + code;
        wireMock.register(get(urlEqualTo(path)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(HosterPages.textPage("404", "File not found"))));
        return at("127.0.0.1", path);
    }

    /** A VOE embed behind a Cloudflare challenge: resolving it fails with {@code Blocked}. */
    public URI challenged(String code) {
        String path = "/e/" + code;
        wireMock.register(get(urlEqualTo(path)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(HosterPages.cloudflareChallengePage())));
        return at("127.0.0.1", path);
    }

    private void html(String path, String body) {
        wireMock.register(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(body)));
    }

    private URI at(String host, String path) {
        return URI.create("http://" + host + ":" + port + path);
    }
}
