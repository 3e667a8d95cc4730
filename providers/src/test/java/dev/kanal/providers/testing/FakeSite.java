package dev.kanal.providers.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.SiteId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A WireMock server on a random port pretending to be one site, optionally under a path prefix
 * (as behind a reverse proxy). Link-outs redirect to embed pages on {@code localhost} while the
 * site itself is addressed as {@code 127.0.0.1}, so the two count as different hosts, as they do
 * in real life. Add failure stubs through {@link #server()}.
 */
public abstract class FakeSite implements AutoCloseable {
    private final WireMockServer server;
    private final String prefix;
    private final List<Embed> embeds = new ArrayList<>();
    protected volatile FakeCatalog catalog;

    /**
     * One link-out target the fake created: the hoster label its page shows and the embed URL the
     * link-out leads to. Hand these to the hoster fakes to make them playable.
     */
    public record Embed(String hoster, URI url) {}

    protected FakeSite(FakeCatalog catalog, String prefix) {
        this.catalog = catalog;
        this.prefix = prefix == null ? "" : prefix.replaceAll("/+$", "");
        this.server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        // anything not stubbed is a 404, as on the real sites
        server.stubFor(any(urlMatching(".*")).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><body><h1>404</h1></body></html>")));
        server.stubFor(get(urlMatching("/embed/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body><video></video></body></html>")));
    }

    public abstract SiteId id();

    /** Stubs every page of {@link #catalog}; subclasses call it from their constructor. */
    protected abstract void stubCatalog();

    /**
     * Serves {@code next} from now on, like a site that changed: its pages are stubbed again (the
     * newer stubs win), so listings and changed titles show the new catalog. Pages of titles that
     * are gone stay reachable, as they often do on the real sites.
     */
    public synchronized void update(FakeCatalog next) {
        this.catalog = next;
        stubCatalog();
    }

    /** The base URL to configure, including the prefix. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + prefix);
    }

    public WireMockServer server() {
        return server;
    }

    public FakeCatalog catalog() {
        return catalog;
    }

    /** Every embed URL this fake's link-outs lead to, in creation order. */
    public synchronized List<Embed> embeds() {
        return List.copyOf(embeds);
    }

    /** Creates (and remembers) the embed URL for a new link. */
    protected synchronized URI newEmbed(String hoster, int id) {
        URI url = embedUrl(hoster, id);
        embeds.add(new Embed(hoster, url));
        return url;
    }

    /** Where link {@code id} of {@code hoster} ends up. */
    public URI embedUrl(String hoster, int id) {
        return URI.create("http://localhost:" + server.port() + "/embed/" + hoster.toLowerCase() + "/e/" + id);
    }

    /** Settings that reach this fake (private addresses allowed, one quick retry, fast rate). */
    public ProviderSettings settings() {
        return settingsFor(this);
    }

    /** Settings that reach all the given fakes and enable exactly their sites. */
    public static ProviderSettings settingsFor(FakeSite... fakes) {
        var urls = new java.util.EnumMap<SiteId, URI>(SiteId.class);
        EnumSet<SiteId> enabled = EnumSet.noneOf(SiteId.class);
        for (FakeSite f : fakes) {
            urls.put(f.id(), f.baseUrl());
            enabled.add(f.id());
        }
        return new ProviderSettings(Map.copyOf(urls), enabled, 1000, true, Duration.ofSeconds(2),
                Duration.ofSeconds(5), 1, null);
    }

    protected String path(String sitePath) {
        return prefix + sitePath;
    }

    protected void html(String sitePath, String body) {
        server.stubFor(get(urlEqualTo(path(sitePath))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(body)));
    }

    protected void htmlPath(String sitePath, String body) {
        server.stubFor(get(urlPathEqualTo(path(sitePath))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(body)));
    }

    protected void redirect(String sitePath, URI location) {
        server.stubFor(get(urlEqualTo(path(sitePath))).willReturn(aResponse().withStatus(302)
                .withHeader("Location", location.toString())));
    }

    protected static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#039;");
    }

    @Override
    public void close() {
        server.stop();
    }
}
