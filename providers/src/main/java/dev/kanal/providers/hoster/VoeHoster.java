package dev.kanal.providers.hoster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.SubtitleTrack;
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
public final class VoeHoster extends EmbedHoster {
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

    private final ObjectMapper json = new ObjectMapper();

    /** VOE with Kanal's default browser User-Agent. */
    public VoeHoster() {
        this(ProviderSettings.DEFAULT_USER_AGENT);
    }

    /** @param userAgent sent on the page request and returned for the stream (VOE binds them) */
    public VoeHoster(String userAgent) {
        super("VOE", Set.of(), Set.of("voe"), GONE_MARKERS, userAgent);
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
            Optional<Player> media = extract(pageUrl, body, fetcher);
            if (media.isPresent()) return source(media.get(), pageUrl);
            Optional<URI> next = redirect(pageUrl, body);
            if (next.isPresent() && hop < MAX_HOPS) {
                log.debug("hoster=VOE hop={} from={} to={}", hop + 1, EmbedPages.hostOf(pageUrl),
                        EmbedPages.hostOf(next.get()));
                referer = pageUrl.toString();
                url = next.get();
                continue;
            }
            throw missing(pageUrl, body, "VOE player source",
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

    /** What a VOE page yields: the media URL and any caption tracks it lists. */
    private record Player(URI media, List<SubtitleTrack> subtitles) {
        static Player of(URI media) {
            return new Player(media, List.of());
        }
    }

    private StreamSource source(Player player, URI pageUrl) {
        URI media = player.media();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", userAgent);
        headers.put("Accept", "*/*");
        headers.put("Referer", EmbedPages.referer(pageUrl));
        headers.put("Origin", EmbedPages.origin(pageUrl).toString());
        return new StreamSource(media, StreamSource.formatOf(media), headers, MediaExpiry.of(media), name(),
                player.subtitles());
    }

    /** Tries every variant, newest first. */
    private Optional<Player> extract(URI pageUrl, String body, Fetcher fetcher) {
        Optional<Player> payload = payload(pageUrl, body, fetcher);
        if (payload.isPresent()) return payload;
        Optional<Player> a168c = EmbedPages.first(A168C, body, "b64").flatMap(b64 -> reversedJson(pageUrl, b64)
                .or(() -> decodeAll(pageUrl, List.of(b64), VoePayload.DEFAULT_JUNK)));
        if (a168c.isPresent()) return variant("a168c", a168c);
        Optional<Player> legacy = EmbedPages.first(HLS, body, "value").or(() -> EmbedPages.first(MP4, body, "value"))
                .flatMap(v -> urlOrBase64Url(pageUrl, v)).map(Player::of);
        if (legacy.isPresent()) return variant("hls", legacy);
        Optional<Player> wc0 = EmbedPages.first(WC0, body, "b64").flatMap(b64 -> wc0(pageUrl, b64));
        if (wc0.isPresent()) return variant("wc0", wc0);
        return variant("any_playlist", EmbedPages.first(ANY_PLAYLIST, body, "url")
                .map(u -> Player.of(EmbedPages.resolve(pageUrl, u, "VOE playlist URL"))));
    }

    /**
     * The 2025+ obfuscated payload (JSON script or variable): junk tokens from the page, else the
     * defaults, else the loader script (skipped when {@code fetcher} is null), else ignoring junk.
     */
    private Optional<Player> payload(URI pageUrl, String body, Fetcher fetcher) {
        List<String> payloads = new ArrayList<>();
        Matcher jsonScripts = JSON_PAYLOAD.matcher(body);
        while (jsonScripts.find()) payloads.addAll(jsonPayloadStrings(jsonScripts.group("payload")));
        Matcher vars = VAR_PAYLOAD.matcher(body);
        while (vars.find()) payloads.add(vars.group("payload"));
        if (!payloads.isEmpty()) {
            Optional<Player> decoded = decodeAll(pageUrl, payloads, junkTokens(body))
                    .or(() -> fetcher == null ? Optional.empty()
                            : loaderJunk(pageUrl, body, fetcher).flatMap(j -> decodeAll(pageUrl, payloads, j)))
                    .or(() -> decodeIgnoringJunk(pageUrl, payloads));
            if (decoded.isPresent()) return variant("payload", decoded);
        }
        return Optional.empty();
    }

    private static Optional<Player> variant(String name, Optional<Player> decoded) {
        Optional<Player> found = decoded.filter(p -> p.media() != null);
        found.ifPresent(u -> log.debug("hoster=VOE variant={} media_host={} subtitles={}", name,
                EmbedPages.hostOf(u.media()), u.subtitles().size()));
        return found;
    }

    /**
     * The strings inside {@code ["…", "…"]} or {@code "…"}; JSON escapes resolved. The array may hold
     * several encoded payloads (the source, then a JWPlayer config with caption tracks).
     */
    private List<String> jsonPayloadStrings(String raw) {
        String text = raw.strip();
        try {
            JsonNode node = json.readTree(text);
            List<String> out = new ArrayList<>();
            if (node != null && node.isArray()) {
                for (JsonNode item : node) if (item.isTextual() && !item.asText().isBlank()) out.add(item.asText());
            } else if (node != null && node.isTextual()) {
                out.add(node.asText());
            }
            return out;
        } catch (Exception e) {
            return text.isEmpty() ? List.of() : List.of(text.replaceAll("^[\"'\\[]+|[\"'\\]]+$", ""));
        }
    }

    /** Decodes every payload; the first media URL wins, caption tracks are collected from all of them. */
    private Optional<Player> decodeAll(URI pageUrl, List<String> payloads, List<String> junk) {
        return merge(payloads.stream().map(payload -> {
            try {
                return fromPlayerJson(pageUrl, VoePayload.decode(payload, junk));
            } catch (IllegalArgumentException e) {
                return Optional.<Player>empty(); // not this variant's payload; try the next candidate
            }
        }).toList());
    }

    private Optional<Player> decodeIgnoringJunk(URI pageUrl, List<String> payloads) {
        return merge(payloads.stream().map(payload -> {
            try {
                return fromPlayerJson(pageUrl, VoePayload.decodeIgnoringJunk(payload));
            } catch (IllegalArgumentException e) {
                return Optional.<Player>empty(); // not a payload of this shape
            }
        }).toList());
    }

    /** The first decoded media URL with the subtitles of every decoded payload (first of each language). */
    private static Optional<Player> merge(List<Optional<Player>> decoded) {
        URI media = null;
        Map<String, SubtitleTrack> tracks = new LinkedHashMap<>();
        for (Optional<Player> p : decoded) {
            if (p.isEmpty()) continue;
            if (media == null && p.get().media() != null) media = p.get().media();
            for (SubtitleTrack t : p.get().subtitles()) tracks.putIfAbsent(t.url().toString(), t);
        }
        return media == null ? Optional.empty() : Optional.of(new Player(media, List.copyOf(tracks.values())));
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

    private Optional<Player> reversedJson(URI pageUrl, String b64) {
        try {
            String text = new StringBuilder(VoePayload.base64(b64)).reverse().toString();
            return fromPlayerJson(pageUrl, text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Player> wc0(URI pageUrl, String b64) {
        try {
            String text = VoePayload.base64(b64).strip();
            if (text.startsWith("}")) text = new StringBuilder(text).reverse().toString();
            if (text.startsWith("{")) return fromPlayerJson(pageUrl, text);
            return text.startsWith("http")
                    ? Optional.of(Player.of(EmbedPages.resolve(pageUrl, text, "VOE wc0 URL"))) : Optional.empty();
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

    /**
     * {@code source} (HLS), else {@code file}, else {@code direct_access_url}, else a JWPlayer-style
     * {@code sources[]} (HLS first), else {@code fallbacks[0].file}; caption tracks from
     * {@code tracks[]} (kind captions/subtitles) and {@code captions} (a list or a map by language).
     * A payload with captions but no video still counts, so a second payload can add its tracks.
     */
    private Optional<Player> fromPlayerJson(URI pageUrl, String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (Exception e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) return Optional.empty();
        List<SubtitleTrack> subtitles = captionTracks(pageUrl, node);
        URI media = null;
        for (String field : List.of("source", "file", "direct_access_url")) {
            JsonNode v = node.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                media = EmbedPages.resolve(pageUrl, v.asText(), "VOE " + field);
                break;
            }
        }
        if (media == null) media = jwSources(pageUrl, node.path("sources")).orElse(null);
        JsonNode fallback = node.path("fallbacks").path(0).path("file");
        if (media == null && fallback.isTextual() && !fallback.asText().isBlank()) {
            media = EmbedPages.resolve(pageUrl, fallback.asText(), "VOE fallbacks[0].file");
        }
        if (media == null && subtitles.isEmpty()) return Optional.empty();
        return Optional.of(new Player(media, subtitles));
    }

    /** JWPlayer {@code sources: [{file|src, type|label}]}: an HLS entry first, else the first one. */
    private static Optional<URI> jwSources(URI pageUrl, JsonNode sources) {
        String first = null;
        for (JsonNode s : sources) {
            String file = s.path("file").asText(s.path("src").asText(""));
            if (file.isBlank()) continue;
            if (first == null) first = file;
            String type = s.path("type").asText("").toLowerCase(java.util.Locale.ROOT);
            if (type.contains("hls") || type.contains("mpegurl") || file.contains(".m3u8")) {
                return Optional.of(EmbedPages.resolve(pageUrl, file, "VOE sources[].file"));
            }
        }
        return Optional.ofNullable(first).map(f -> EmbedPages.resolve(pageUrl, f, "VOE sources[].file"));
    }

    /** Caption tracks from {@code tracks[]} and {@code captions} (array of tracks, or {@code {"de": url}} / {@code {"de": {file}}}). */
    private static List<SubtitleTrack> captionTracks(URI pageUrl, JsonNode node) {
        List<SubtitleTrack> out = new ArrayList<>();
        for (JsonNode t : node.path("tracks")) {
            String kind = t.path("kind").asText("captions").toLowerCase(java.util.Locale.ROOT);
            if (!kind.equals("captions") && !kind.equals("subtitles")) continue;
            track(pageUrl, t, null).ifPresent(out::add);
        }
        JsonNode captions = node.path("captions");
        if (captions.isArray()) {
            for (JsonNode t : captions) track(pageUrl, t, null).ifPresent(out::add);
        } else if (captions.isObject()) {
            captions.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isTextual() && !v.asText().isBlank()) {
                    out.add(new SubtitleTrack(EmbedPages.resolve(pageUrl, v.asText(), "VOE captions." + e.getKey()),
                            SubtitleTrack.languageCode(e.getKey()), e.getKey()));
                } else if (v.isObject()) {
                    track(pageUrl, v, e.getKey()).ifPresent(out::add);
                }
            });
        }
        return out;
    }

    private static Optional<SubtitleTrack> track(URI pageUrl, JsonNode t, String key) {
        String file = t.path("file").asText(t.path("src").asText(t.path("url").asText("")));
        if (file.isBlank()) return Optional.empty();
        String label = t.path("label").asText(key == null ? "" : key);
        String lang = t.path("language").asText(t.path("srclang").asText(key == null ? label : key));
        return Optional.of(new SubtitleTrack(EmbedPages.resolve(pageUrl, file, "VOE caption track"),
                SubtitleTrack.languageCode(lang), label));
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
