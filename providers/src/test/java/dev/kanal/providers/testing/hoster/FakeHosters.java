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
 * The fetcher used must allow private upstreams. Codes must be unique per server and kind. To make
 * a fake site's existing link-out targets playable, use the {@code serve…At(embedUrl, …)} methods
 * on that site's own WireMock server.
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
        return serveVoeAt(at("127.0.0.1", "/e/" + code), media);
    }

    /**
     * A VOE embed that first answers with VOE's JavaScript redirect to a second host name
     * ({@code localhost}), whose player page resolves to {@code media}.
     */
    public URI voeViaRedirect(String code, URI media) {
        URI mirror = serveVoeAt(at("localhost", "/mirror/e/" + code), media);
        URI embed = at("127.0.0.1", "/e/" + code);
        html(embed, HosterPages.voeRedirectPage(mirror));
        return embed;
    }

    /**
     * A working Filemoon embed (packed JWPlayer page; its API path is left unanswered, so the
     * extractor takes the packed-page route) that resolves to {@code media}.
     */
    public URI filemoon(String code, URI media) {
        return serveFilemoonAt(at("127.0.0.1", "/filemoon/e/" + code), media);
    }

    /** A VOE embed whose video was removed: resolving it fails with {@code HosterGone}. */
    public URI removed(String code) {
        return serveRemovedAt(at("127.0.0.1", "/e/" + code));
    }

    /** A VOE embed behind a Cloudflare challenge: resolving it fails with {@code Blocked}. */
    public URI challenged(String code) {
        return serveChallengeAt(at("127.0.0.1", "/e/" + code));
    }

    /**
     * Turns an existing embed URL on this server (for instance a fake site's link-out target,
     * {@code FakeSite.embedUrl("VOE", 7)}) into a working VOE page for {@code media}. Only the
     * path and query count; the stub answers under any host name of the server.
     */
    public URI serveVoeAt(URI embedUrl, URI media) {
        html(embedUrl, HosterPages.voeJsonPayloadPage(HosterPages.voePlayerJson(media, media), VoeEncoder.DEFAULT_JUNK));
        return embedUrl;
    }

    /**
     * As {@link #serveVoeAt}, for Filemoon's packed page. The path must contain {@code /e/<code>};
     * {@code /api/videos/<code>} must stay unanswered (404) so the packed route is taken.
     */
    public URI serveFilemoonAt(URI embedUrl, URI media) {
        html(embedUrl, HosterPages.filemoonPackedPage(media));
        return embedUrl;
    }

    /** Makes an existing embed URL answer 404 "File not found": {@code HosterGone} for any hoster. */
    public URI serveRemovedAt(URI embedUrl) {
        wireMock.register(get(urlEqualTo(pathAndQuery(embedUrl))).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(HosterPages.textPage("404", "File not found"))));
        return embedUrl;
    }

    /** Makes an existing embed URL answer a Cloudflare challenge: {@code Blocked} for any hoster. */
    public URI serveChallengeAt(URI embedUrl) {
        wireMock.register(get(urlEqualTo(pathAndQuery(embedUrl))).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(HosterPages.cloudflareChallengePage())));
        return embedUrl;
    }

    private void html(URI url, String body) {
        wireMock.register(get(urlEqualTo(pathAndQuery(url))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(body)));
    }

    private static String pathAndQuery(URI url) {
        return url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    }

    private URI at(String host, String path) {
        return URI.create("http://" + host + ":" + port + path);
    }
}
