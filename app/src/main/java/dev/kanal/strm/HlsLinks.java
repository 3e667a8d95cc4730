package dev.kanal.strm;

import dev.kanal.KanalException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Short links for the children of rewritten HLS playlists: {@code /strm/hls/<token>/<rest>}, where
 * the token signs an upstream <em>directory</em> (scheme, host, port, path up to its last slash),
 * the episode whose headers apply and an expiry, and {@code <rest>} is the child's path and query
 * below that directory, exactly as the hoster wrote it. A playlist served at such a URL names the
 * children in its own directory by plain relative references — the player resolves them to the same
 * token — so a rewritten media playlist is no larger than the hoster's; only children elsewhere
 * (another host, a parent directory) carry a token of their own, one per directory.
 *
 * <p>What a token allows: GET of http(s) resources below one directory that a playlist from the
 * episode's source named, for {@link StrmLinks#PROXY_TTL}, through the same private-address guard
 * and media-type check as every proxy request. Unsigned, tampered or expired tokens, and rests that
 * climb out of the directory ({@code ..}, encoded dots, backslashes), are refused before any upstream
 * request.
 *
 * <p>Token: {@code <episode id>.<expiry, base 36>.<directory, base64url>.<HMAC-SHA256, 128 bits, base64url>}.
 */
final class HlsLinks {
    static final String ROUTE = "/strm/hls/";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final String pathPrefix;
    private final UrlSigner signer;
    private final Clock clock;
    private final Duration ttl;

    HlsLinks(String pathPrefix, UrlSigner signer, Clock clock, Duration ttl) {
        this.pathPrefix = pathPrefix;
        this.signer = signer;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Where a playlist was served to the player: under {@code token}, which signs {@code directory}. */
    record Served(String token, String directory, String rest) {}

    /** A verified child request: fetch {@code upstream}; the answer is served at {@code served}. */
    record Child(URI upstream, StrmTarget target, Served served) {}

    /** The root-relative link of {@code upstream} for {@code target}, with a token for its directory. */
    String link(URI upstream, StrmTarget target) {
        Split split = Split.of(upstream).orElseThrow(() -> new IllegalArgumentException("not http(s): " + upstream));
        return pathPrefix + ROUTE + token(split.directory(), target) + "/" + split.rest();
    }

    /**
     * Names the children of one playlist for {@code target}: relative to where the player fetched it
     * ({@code served}, when it came through a short link) wherever possible, else with one token per
     * directory, signed once per rewrite.
     */
    Function<URI, String> namer(StrmTarget target, Optional<Served> served) {
        Map<String, String> tokens = new HashMap<>();
        served.ifPresent(s -> tokens.put(s.directory(), s.token()));
        String servedDir = served.map(s -> s.rest().substring(0, s.rest().lastIndexOf('/') + 1)).orElse("");
        return upstream -> {
            Split split = Split.of(upstream).orElseThrow(() -> new IllegalArgumentException("not http(s)"));
            if (served.isPresent() && (split.directory() + split.rest()).startsWith(served.get().directory())) {
                String under = (split.directory() + split.rest()).substring(served.get().directory().length());
                if (under.startsWith(servedDir)) {
                    Optional<String> relative = relativeReference(under.substring(servedDir.length()));
                    if (relative.isPresent()) return relative.get();
                }
                if (!under.isEmpty() && under.charAt(0) != '?') {
                    return pathPrefix + ROUTE + served.get().token() + "/" + under;
                }
            }
            String token = tokens.computeIfAbsent(split.directory(), d -> token(d, target));
            return pathPrefix + ROUTE + token + "/" + split.rest();
        };
    }

    /** The child a {@code /strm/hls/<token>/<rest>?<query>} request names, or 403. */
    Child verify(String token, String rawRest, String rawQuery) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 4) throw forbidden("invalid link");
        if (!signer.verifyShort(payload(parts[0], parts[1], parts[2]), parts[3])) throw forbidden("invalid signature");
        long expires;
        try {
            expires = Long.parseLong(parts[1], 36);
        } catch (NumberFormatException e) {
            throw forbidden("invalid expiry");
        }
        if (clock.instant().getEpochSecond() > expires) {
            throw forbidden("link expired; the player must reload the playlist");
        }
        StrmTarget target = StrmTarget.fromId(parts[0]).orElseThrow(() -> forbidden("invalid stream id"));
        String directory;
        try {
            directory = new String(B64D.decode(parts[2]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw forbidden("invalid link");
        }
        String rest = rawRest == null ? "" : rawRest;
        if (rest.isEmpty() || rest.startsWith("/") || climbs(rest)) throw forbidden("invalid path below the link");
        String full = directory + rest + (rawQuery == null ? "" : "?" + rawQuery);
        try {
            URI upstream = URI.create(full);
            if (!upstream.normalize().toString().startsWith(directory)) throw forbidden("invalid path below the link");
            return new Child(upstream, target, new Served(token, directory, rest));
        } catch (IllegalArgumentException e) {
            throw forbidden("invalid upstream url");
        }
    }

    private String token(String directory, StrmTarget target) {
        String id = target.id();
        String exp = Long.toString(clock.instant().plus(ttl).getEpochSecond(), 36);
        String dir = B64.encodeToString(directory.getBytes(StandardCharsets.UTF_8));
        return id + "." + exp + "." + dir + "." + signer.signShort(payload(id, exp, dir));
    }

    private static String payload(String id, String exp, String dir) {
        return "hls|" + id + "|" + exp + "|" + dir;
    }

    /** A reference the player resolves against the playlist's own directory to the same child. */
    private static Optional<String> relativeReference(String rest) {
        if (rest.isEmpty() || rest.startsWith("/") || rest.startsWith("?") || rest.startsWith("#")) {
            return Optional.empty();
        }
        int end = rest.length();
        for (char c : new char[] {'/', '?'}) {
            int i = rest.indexOf(c);
            if (i >= 0) end = Math.min(end, i);
        }
        // a first segment with a colon would read as a scheme
        return Optional.of(rest.substring(0, end).contains(":") ? "./" + rest : rest);
    }

    /** True when {@code rest} could leave its directory once the hoster decodes it. */
    private static boolean climbs(String rest) {
        String path = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || path.contains("\\")) {
            return true;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) return true;
        }
        return false;
    }

    /** An http(s) URI as directory (lower-case scheme, raw authority and path to the last slash) and rest. */
    private record Split(String directory, String rest) {
        static Optional<Split> of(URI uri) {
            URI u = uri.normalize();
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getRawAuthority() == null) {
                return Optional.empty();
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            int slash = path.lastIndexOf('/');
            String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
            return Optional.of(new Split(scheme + "://" + u.getRawAuthority() + path.substring(0, slash + 1),
                    path.substring(slash + 1) + query));
        }
    }

    private static KanalException forbidden(String why) {
        return new KanalException.Forbidden(why);
    }
}
