package dev.kanal.torznab;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kanal.catalog.Catalog;
import dev.kanal.config.KanalConfig;
import dev.kanal.web.Access;
import dev.kanal.web.ApiGroup;
import dev.kanal.web.Connections;
import dev.kanal.web.ErrorRenderer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /torznab/api}: Kanal as a Torznab indexer for Sonarr, Radarr and Prowlarr. Checks the
 * API key, parses {@code t=} into a {@link TorznabRequest}, asks {@link TorznabSearch} and renders
 * RSS. Every error on {@code /torznab} paths, even a server-level one, is a Torznab {@code <error>}.
 */
public final class TorznabApi implements ApiGroup, ErrorRenderer {
    static final String RSS = "application/rss+xml; charset=utf-8";
    static final String XML = "application/xml; charset=utf-8";

    private final byte[] apiKey;
    private final String version;
    private final TorznabSearch search;
    private final Access access;
    /** Each item's rendered bytes for as long as the item lives (items are kept by {@link ItemFactory}; weak: by identity). */
    private final Cache<TorznabItem, byte[]> rendered = Caffeine.newBuilder().weakKeys().maximumSize(20_000).build();

    /** @param access where refused API keys are counted and the last Torznab request is remembered */
    public TorznabApi(KanalConfig.Security security, Catalog catalog, ReleaseOffers offers, String version,
            Access access) {
        this.access = access;
        this.apiKey = security.apiKey().getBytes(StandardCharsets.UTF_8);
        this.version = version;
        this.search = new TorznabSearch(catalog, offers.items());
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/torznab/api", this::api);
    }

    @Override
    public Optional<ErrorRenderer> errorRenderer() {
        return Optional.of(this);
    }

    private void api(Context ctx) {
        try {
            checkKey(ctx);
            TorznabRequest request = TorznabQuery.parse(ctx::queryParam);
            switch (request) {
                case TorznabRequest.Caps c -> ctx.contentType(XML).result(TorznabXml.caps(version));
                case TorznabRequest.Search s -> feed(ctx, search.search(s));
                case TorznabRequest.TvSearch t -> feed(ctx, search.tv(t));
                case TorznabRequest.MovieSearch m -> feed(ctx, search.movie(m));
            }
        } catch (TorznabFailure f) {
            ctx.status(200).contentType(XML).result(TorznabXml.error(f.code(), f.getMessage()));
        }
    }

    private void feed(Context ctx, List<TorznabItem> items) {
        ctx.contentType(RSS).result(TorznabXml.rss(items, ctx.url(), i -> rendered.get(i, TorznabXml::item)));
    }

    private void checkKey(Context ctx) {
        String given = ctx.queryParam("apikey");
        byte[] g = given == null ? new byte[0] : given.getBytes(StandardCharsets.UTF_8);
        String client = access.clients().of(ctx);
        if (!MessageDigest.isEqual(g, apiKey)) {
            access.connections().failed(Connections.Surface.TORZNAB, Connections.Reason.WRONG_API_KEY, client,
                    ctx.header("User-Agent"));
            throw new TorznabFailure(TorznabFailure.BAD_CREDENTIALS, "Incorrect user credentials");
        }
        access.connections().torznab(client, ctx.header("User-Agent"));
    }

    @Override
    public boolean handles(String path) {
        return path.startsWith("/torznab");
    }

    @Override
    public void render(Context ctx, int status, String message) {
        int code = switch (status) {
            case 401, 403 -> TorznabFailure.BAD_CREDENTIALS;
            case 400, 413, 414, 431 -> TorznabFailure.INCORRECT_PARAMETER;
            case 404, 405 -> TorznabFailure.NO_SUCH_FUNCTION;
            default -> TorznabFailure.OTHER;
        };
        ctx.status(status).contentType(XML).result(TorznabXml.error(code, message));
    }
}
