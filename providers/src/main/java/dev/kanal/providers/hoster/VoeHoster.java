package dev.kanal.providers.hoster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.providers.Hoster;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VOE, the hoster every site offers first. VOE changes its page every few weeks, so this tries
 * each known variant in order (newest first) and follows the JavaScript redirect to the rotating
 * vanity domains, which cannot be listed in advance. Reason for the size: the variants belong
 * together and each is a few lines.
 */
public final class VoeHoster implements Hoster {
    private static final Logger log = LoggerFactory.getLogger(VoeHoster.class);

    /** Redirect pages chain at most this deep (voe.sx → vanity domain → player). */
    private static final int MAX_HOPS = 3;

    /** 2025+: the obfuscated payload in a JSON script, either {@code ["…"]} or a bare {@code "…"}. */
    private static final Pattern JSON_PAYLOAD = Pattern.compile(
            "<script[^>]*type=[\"']application/json[\"'][^>]*>(?<payload>.*?)</script>", Pattern.DOTALL);

    /** Some builds keep the same payload in a randomly named variable ({@code MKGMa="…"}). */
    private static final Pattern VAR_PAYLOAD = Pattern.compile(
            "\\b[A-Za-z_$][\\w$]*\\s*=\\s*(?<q>[\"'])(?<payload>[^\"'\\s<>]{80,})\\k<q>");

    /** 2024: {@code var a168c='<base64>'}: base64 of the reversed player JSON. */
    private static final Pattern A168C = Pattern.compile(
            "(?:var|let|const)\\s+a168c\\s*=\\s*(?<q>[\"'])(?<b64>[^\"']+)\\k<q>");

    /** 2023: {@code 'hls': '<url or base64 of it>'} (base64 starts {@code aHR0}, i.e. "http"). */
    private static final Pattern HLS = Pattern.compile("[\"']hls[\"']\\s*:\\s*[\"'](?<value>[^\"']+)[\"']");

    /** The MP4 sibling of {@link #HLS} on the same legacy pages. */
    private static final Pattern MP4 = Pattern.compile("[\"']mp4[\"']\\s*:\\s*[\"'](?<value>[^\"']+)[\"']");

    /** 2024: {@code var wc0 = '<base64>'}, sometimes of reversed JSON (then it starts with "}"). */
    private static final Pattern WC0 = Pattern.compile(
            "(?:var|let|const)\\s+wc0\\s*=\\s*(?<q>[\"'])(?<b64>[^\"']+)\\k<q>");

    /** Last resort: any VOE CDN playlist URL in the page. */
    private static final Pattern ANY_PLAYLIST = Pattern.compile(
            "(?<url>https?://[^'\"<>\\s]+(?:/engine/hls[^'\"<>\\s]*|\\.m3u8[^'\"<>\\s]*))");

    /** The redirect page: {@code window.location.href = 'https://<vanity>/e/<code>'}. */
    private static final Pattern LOCATION_REDIRECT = Pattern.compile(
            "window\\.location\\.href\\s*=\\s*[\"'](?<url>https?://[^\"'<>\\s]+)[\"']");

    /** Looser redirect form: any quoted absolute URL whose path holds {@code /e/}. */
    private static final Pattern EMBED_LINK = Pattern.compile(
            "[\"']\\s*(?<url>https?://[^\"'<>\\s]+/e/[^\"'<>\\s]+)[\"']");

    /** Newer pages load the junk-token list from {@code /js/loader.<hash>.js}. */
    private static final Pattern LOADER_SCRIPT = Pattern.compile(
            "<script[^>]+src=[\"'](?<src>[^\"']*/js/loader[^\"']*\\.js)[\"']");

    /** The junk list itself: an array literal of 5–8 short quoted strings made of symbols only. */
    private static final Pattern JUNK_ARRAY = Pattern.compile(
            "\\[\\s*(?<items>(?:(?:'[^\\w\\s'\"]{1,3}'|\"[^\\w\\s'\"]{1,3}\")\\s*,\\s*){4,7}"
                    + "(?:'[^\\w\\s'\"]{1,3}'|\"[^\\w\\s'\"]{1,3}\"))\\s*\\]");
    /** One quoted token inside {@link #JUNK_ARRAY}. */
    private static final Pattern JUNK_ITEM = Pattern.compile("[\"'](?<token>[^\"']+)[\"']");

    /** VOE's maintenance page: temporary, another hoster should be tried now and VOE later. */
    private static final String MAINTENANCE = "<title>Maintenance Mode</title>";

    /** What VOE shows for a removed or unknown video. */
    private static final List<String> GONE_MARKERS = List.of(
            "<title>404", "File not found", "Video not found", "This video has been deleted",
            "The video you are looking for was not found");

    private final String userAgent;
    private final ObjectMapper json = new ObjectMapper();

    /** VOE with Kanal's default browser User-Agent. */
    public VoeHoster() {
        this(ProviderSettings.DEFAULT_USER_AGENT);
    }

    /** @param userAgent sent on the page request and returned for the stream (VOE binds them) */
    public VoeHoster(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public String name() {
        return "VOE";
    }

    @Override
    public Set<String> hosts() {
        return Set.of("voe");
    }

    @Override
    public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
        URI url = embedUrl;
        String referer = null;
        for (int hop = 0; ; hop++) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("User-Agent", userAgent);
            if (referer != null) headers.put("Referer", referer);
            Page page = EmbedPages.fetch(fetcher, url, headers);
            URI pageUrl = page.url();
            String body = page.body();
            if (body.contains(MAINTENANCE)) {
                throw new ProviderException(new ProviderFailure.Unreachable(pageUrl, "VOE maintenance mode"));
            }
            Optional<URI> media = extract(pageUrl, body, fetcher);
            if (media.isPresent()) return source(media.get(), pageUrl);
            Optional<URI> next = redirect(pageUrl, body);
            if (next.isPresent() && hop < MAX_HOPS) {
                log.debug("hoster=VOE hop={} from={} to={}", hop + 1, EmbedPages.hostOf(pageUrl),
                        EmbedPages.hostOf(next.get()));
                referer = pageUrl.toString();
                url = next.get();
                continue;
            }
            EmbedPages.failIfGone(pageUrl, body, GONE_MARKERS);
            throw EmbedPages.markupChanged(pageUrl, "VOE player source",
                    "JSON_PAYLOAD|VAR_PAYLOAD|A168C|HLS|MP4|WC0|ANY_PLAYLIST|LOCATION_REDIRECT");
        }
    }

    /**
     * A VOE page is one whose obfuscated payload decodes to a player source, or VOE's redirect page
     * ({@code window.location.href} to an {@code /e/<code>} URL). The looser legacy variants are not
     * used here: they would match other hosters' pages too.
     */
    @Override
    public boolean recognises(Page embedPage) {
        String body = embedPage.body();
        if (body.contains(MAINTENANCE)) return false;
        return payload(embedPage.url(), body, null).isPresent()
                || EmbedPages.first(LOCATION_REDIRECT, body, "url").filter(u -> u.contains("/e/")).isPresent();
    }

    private StreamSource source(URI media, URI pageUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", userAgent);
        headers.put("Accept", "*/*");
        headers.put("Referer", EmbedPages.referer(pageUrl));
        headers.put("Origin", EmbedPages.origin(pageUrl).toString());
        return new StreamSource(media, StreamSource.formatOf(media), headers, MediaExpiry.of(media), name());
    }

    /** Tries every variant, newest first. */
    private Optional<URI> extract(URI pageUrl, String body, Fetcher fetcher) {
        Optional<URI> payload = payload(pageUrl, body, fetcher);
        if (payload.isPresent()) return payload;
        Optional<URI> a168c = EmbedPages.first(A168C, body, "b64").flatMap(b64 -> reversedJson(pageUrl, b64)
                .or(() -> decodeAll(pageUrl, List.of(b64), VoePayload.DEFAULT_JUNK)));
        if (a168c.isPresent()) return variant("a168c", a168c);
        Optional<URI> legacy = EmbedPages.first(HLS, body, "value").or(() -> EmbedPages.first(MP4, body, "value"))
                .flatMap(v -> urlOrBase64Url(pageUrl, v));
        if (legacy.isPresent()) return variant("hls", legacy);
        Optional<URI> wc0 = EmbedPages.first(WC0, body, "b64").flatMap(b64 -> wc0(pageUrl, b64));
        if (wc0.isPresent()) return variant("wc0", wc0);
        return variant("any_playlist", EmbedPages.first(ANY_PLAYLIST, body, "url")
                .map(u -> EmbedPages.resolve(pageUrl, u, "VOE playlist URL")));
    }

    /**
     * The 2025+ obfuscated payload (JSON script or variable): junk tokens from the page, else the
     * defaults, else the loader script (skipped when {@code fetcher} is null), else ignoring junk.
     */
    private Optional<URI> payload(URI pageUrl, String body, Fetcher fetcher) {
        List<String> payloads = new ArrayList<>();
        Matcher jsonScripts = JSON_PAYLOAD.matcher(body);
        while (jsonScripts.find()) jsonPayloadString(jsonScripts.group("payload")).ifPresent(payloads::add);
        Matcher vars = VAR_PAYLOAD.matcher(body);
        while (vars.find()) payloads.add(vars.group("payload"));
        if (!payloads.isEmpty()) {
            Optional<URI> decoded = decodeAll(pageUrl, payloads, junkTokens(body))
                    .or(() -> fetcher == null ? Optional.empty()
                            : loaderJunk(pageUrl, body, fetcher).flatMap(j -> decodeAll(pageUrl, payloads, j)))
                    .or(() -> decodeIgnoringJunk(pageUrl, payloads));
            if (decoded.isPresent()) return variant("payload", decoded);
        }
        return Optional.empty();
    }

    private static Optional<URI> variant(String name, Optional<URI> found) {
        found.ifPresent(u -> log.debug("hoster=VOE variant={} media_host={}", name, EmbedPages.hostOf(u)));
        return found;
    }

    /** The string inside {@code ["…"]} or {@code "…"}; JSON escapes resolved. */
    private Optional<String> jsonPayloadString(String raw) {
        String text = raw.strip();
        try {
            JsonNode node = json.readTree(text);
            if (node != null && node.isArray() && !node.isEmpty() && node.get(0).isTextual()) {
                return Optional.of(node.get(0).asText());
            }
            if (node != null && node.isTextual()) return Optional.of(node.asText());
            return Optional.empty();
        } catch (Exception e) {
            return text.isEmpty() ? Optional.empty() : Optional.of(text.replaceAll("^[\"'\\[]+|[\"'\\]]+$", ""));
        }
    }

    private Optional<URI> decodeAll(URI pageUrl, List<String> payloads, List<String> junk) {
        for (String payload : payloads) {
            try {
                Optional<URI> url = fromPlayerJson(pageUrl, VoePayload.decode(payload, junk));
                if (url.isPresent()) return url;
            } catch (IllegalArgumentException e) {
                // not this variant's payload; try the next candidate
            }
        }
        return Optional.empty();
    }

    private Optional<URI> decodeIgnoringJunk(URI pageUrl, List<String> payloads) {
        for (String payload : payloads) {
            try {
                Optional<URI> url = fromPlayerJson(pageUrl, VoePayload.decodeIgnoringJunk(payload));
                if (url.isPresent()) return url;
            } catch (IllegalArgumentException e) {
                // not a payload of this shape
            }
        }
        return Optional.empty();
    }

    /** The junk list inlined in the page, else the default. */
    private static List<String> junkTokens(String text) {
        return junkArray(text).orElse(VoePayload.DEFAULT_JUNK);
    }

    private static Optional<List<String>> junkArray(String text) {
        Matcher m = JUNK_ARRAY.matcher(text);
        if (!m.find()) return Optional.empty();
        List<String> tokens = new ArrayList<>();
        Matcher item = JUNK_ITEM.matcher(m.group("items"));
        while (item.find()) tokens.add(item.group("token"));
        return Optional.of(tokens);
    }

    /** Fetches {@code /js/loader.*.js} (Referer: the player page) and reads its junk list. */
    private Optional<List<String>> loaderJunk(URI pageUrl, String body, Fetcher fetcher) {
        Optional<String> src = EmbedPages.first(LOADER_SCRIPT, body, "src");
        if (src.isEmpty()) return Optional.empty();
        try {
            URI loader = EmbedPages.resolve(pageUrl, src.get(), "VOE loader script");
            Page page = fetcher.get(loader, Map.of("User-Agent", userAgent, "Referer", pageUrl.toString()));
            return junkArray(page.body());
        } catch (ProviderException e) {
            log.debug("hoster=VOE loader_failed={}", e.failure().describe());
            return Optional.empty();
        }
    }

    private Optional<URI> reversedJson(URI pageUrl, String b64) {
        try {
            String text = new StringBuilder(VoePayload.base64(b64)).reverse().toString();
            return fromPlayerJson(pageUrl, text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<URI> wc0(URI pageUrl, String b64) {
        try {
            String text = VoePayload.base64(b64).strip();
            if (text.startsWith("}")) text = new StringBuilder(text).reverse().toString();
            if (text.startsWith("{")) return fromPlayerJson(pageUrl, text);
            return text.startsWith("http") ? Optional.of(EmbedPages.resolve(pageUrl, text, "VOE wc0 URL")) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<URI> urlOrBase64Url(URI pageUrl, String value) {
        if (value.startsWith("http")) return Optional.of(EmbedPages.resolve(pageUrl, value, "VOE hls URL"));
        try {
            String decoded = VoePayload.base64(value).strip();
            return decoded.startsWith("http")
                    ? Optional.of(EmbedPages.resolve(pageUrl, decoded, "VOE hls URL")) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code source} (HLS), else {@code file}, else {@code direct_access_url}, else {@code fallbacks[0].file}. */
    private Optional<URI> fromPlayerJson(URI pageUrl, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (Exception e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) return Optional.empty();
        for (String field : List.of("source", "file", "direct_access_url")) {
            JsonNode v = node.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return Optional.of(EmbedPages.resolve(pageUrl, v.asText(), "VOE " + field));
            }
        }
        JsonNode fallback = node.path("fallbacks").path(0).path("file");
        return fallback.isTextual() && !fallback.asText().isBlank()
                ? Optional.of(EmbedPages.resolve(pageUrl, fallback.asText(), "VOE fallbacks[0].file"))
                : Optional.empty();
    }

    /** The next page of a redirect chain, never the page itself. */
    private static Optional<URI> redirect(URI pageUrl, String body) {
        for (Pattern pattern : List.of(LOCATION_REDIRECT, EMBED_LINK)) {
            Matcher m = pattern.matcher(body);
            while (m.find()) {
                URI target = EmbedPages.resolve(pageUrl, m.group("url"), "VOE redirect");
                if (!target.equals(pageUrl)) return Optional.of(target);
            }
        }
        return Optional.empty();
    }
}
