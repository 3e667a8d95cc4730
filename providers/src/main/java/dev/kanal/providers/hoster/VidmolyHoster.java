package dev.kanal.providers.hoster;

import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.StreamSource;
import dev.kanal.providers.hoster.js.PackedScript;
import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Vidmoly (its TLD moves: .to → .net → .biz → .me). An HLS master in a plain JWPlayer setup; the
 * playlist and its segments need the page's Referer and Origin. Since late 2026 {@code vidmoly.to}
 * no longer answers: links on a retired domain go to the current one ({@code vidmoly.biz} unless
 * configured), and every link form ({@code /w/<id>}, {@code /<id>.html}, {@code /embed-<id>.html})
 * is rebuilt as {@code /embed-<id>.html}. The setup may quote its keys and values with single
 * quotes; they are read as double quotes.
 */
public final class VidmolyHoster extends EmbedHoster {
    /** XFS removed-file pages. */
    private static final List<String> GONE_MARKERS = List.of(
            "File Not Found", "file was removed", "file was deleted", "/notice.php");

    /** Where links on a retired domain go unless configured otherwise. */
    public static final URI CURRENT_ORIGIN = URI.create("https://vidmoly.biz");
    /** Domains that no longer answer. */
    public static final Set<String> RETIRED_HOSTS = Set.of("vidmoly.to");

    /** The id in every link form: {@code /embed-<id>.html}, {@code /w/<id>}, {@code /e/<id>}, {@code /<id>.html}. */
    private static final Pattern ID = Pattern.compile(
            "^/(?:embed-|w/|e/|v/)?(?<id>[A-Za-z0-9]{6,})(?:\\.html)?/?$");

    private final URI currentOrigin;
    private final Set<String> retiredHosts;

    /** Vidmoly with Kanal's default browser User-Agent. */
    public VidmolyHoster() {
        this(ProviderSettings.DEFAULT_USER_AGENT);
    }

    /** @param userAgent sent on the page request and returned for the stream */
    public VidmolyHoster(String userAgent) {
        this(userAgent, CURRENT_ORIGIN, RETIRED_HOSTS);
    }

    /**
     * @param currentOrigin where links on a retired host are sent ({@code scheme://host[:port]})
     * @param retiredHosts hosts (and their subdomains) that no longer serve Vidmoly
     */
    public VidmolyHoster(String userAgent, URI currentOrigin, Set<String> retiredHosts) {
        super("Vidmoly", Set.of(), Set.of("vidmoly"), GONE_MARKERS, userAgent);
        this.currentOrigin = EmbedPages.origin(currentOrigin);
        this.retiredHosts = retiredHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** The embed page for any Vidmoly link: {@code <origin>/embed-<id>.html}, on the current domain when the link's is retired. */
    URI embedUrl(URI link) {
        String host = link.getHost() == null ? "" : link.getHost().toLowerCase(Locale.ROOT);
        boolean retired = retiredHosts.stream().anyMatch(r -> host.equals(r) || host.endsWith("." + r));
        URI origin = retired ? currentOrigin : EmbedPages.origin(link);
        Matcher m = ID.matcher(link.getRawPath() == null ? "" : link.getRawPath());
        if (!m.find()) return retired ? origin.resolve(link.getRawPath()) : link;
        return origin.resolve("/embed-" + m.group("id") + ".html");
    }

    @Override
    public StreamSource resolve(URI embedUrl, Fetcher fetcher) {
        URI embed = embedUrl(embedUrl);
        Page page = page(fetcher, embed, embedUrl);
        URI pageUrl = page.url();
        String body = page.body();
        List<String> scripts = new ArrayList<>();
        try {
            scripts.addAll(PackedScript.unpackAll(body));
        } catch (IllegalArgumentException e) {
            // an unreadable packed script: the plain setup may still be there
        }
        scripts.add(body);
        scripts.replaceAll(script -> script.replace('\'', '"'));
        String src = found(PlayerSetup.mediaUrl(scripts), pageUrl, body, "Vidmoly player source",
                "PlayerSetup sources/file");
        return stream(EmbedPages.resolve(pageUrl, src, "Vidmoly player source"), mediaHeadersWithOrigin(pageUrl));
    }
}
