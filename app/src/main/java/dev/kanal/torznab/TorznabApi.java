package dev.kanal.torznab;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kanal.catalog.Catalog;
import dev.kanal.providers.SiteId;
import dev.kanal.web.Access;
import dev.kanal.web.ApiGroup;
import dev.kanal.web.Connections;
import dev.kanal.web.ErrorRenderer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
    /**
     * Whole answers by request URL (the query string decides the answer; the URL is in the feed's self
     * link), kept while the catalog, the title index and the searchable sites stay as they were, and no
     * longer than items are ({@link ItemFactory}: stored names are reread every ten minutes).
     */
    private final Cache<String, Answer> answers = Caffeine.newBuilder()
            .maximumWeight(ANSWER_BYTES).weigher((String url, Answer a) -> url.length() + a.body().length)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private static final long ANSWER_BYTES = 16L * 1024 * 1024;
    private final Catalog catalog;

    /** A rendered feed and the state of everything it was answered from. */
    private record Answer(Stamp stamp, byte[] body) {}

    /** What an answer depends on besides the request: equal stamps, equal answers. */
    private record Stamp(long catalogVersion, long indexGeneration, Set<SiteId> sites) {}

    /** @param access where refused API keys are counted and the last Torznab request is remembered */
    public TorznabApi(String apiKey, Catalog catalog, TorznabSearch search, String version, Access access) {
        this.access = access;
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.version = version;
        this.search = search;
        this.catalog = catalog;
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
            Stamp stamp = stamp();
            String url = ctx.url();
            String key = ctx.queryString() == null ? url : url + "?" + ctx.queryString();
            Answer kept = stamp == null ? null : answers.getIfPresent(key);
            if (kept != null && kept.stamp().equals(stamp)) {
                ctx.contentType(RSS).result(kept.body());
                return;
            }
            TorznabRequest request = TorznabQuery.parse(ctx::queryParam);
            search.watch();
            byte[] body = switch (request) {
                case TorznabRequest.Caps c -> {
                    ctx.contentType(XML).result(TorznabXml.caps(version));
                    yield null;
                }
                case TorznabRequest.Search s -> feed(url, search.search(s));
                case TorznabRequest.TvSearch t -> feed(url, search.tv(t));
                case TorznabRequest.MovieSearch m -> feed(url, search.movie(m));
            };
            if (body == null) return;
            ctx.contentType(RSS).result(body);
            // kept only when nothing changed while it was answered and it asked nothing upstream
            if (stamp != null && !search.askedUpstream() && stamp.equals(stamp())) answers.put(key, new Answer(stamp, body));
        } catch (TorznabFailure f) {
            ctx.status(200).contentType(XML).result(TorznabXml.error(f.code(), f.getMessage()));
        }
    }

    private byte[] feed(String url, List<TorznabItem> items) {
        return TorznabXml.rss(items, url, i -> rendered.get(i, TorznabXml::item));
    }

    /** The state answers depend on now, or null when the catalog keeps no version (nothing may be kept). */
    private Stamp stamp() {
        long v = catalog.queries().version();
        return v < 0 ? null : new Stamp(v, catalog.resolver().generation(), catalog.searchableSites());
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
