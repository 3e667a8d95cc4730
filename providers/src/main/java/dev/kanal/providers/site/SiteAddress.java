package dev.kanal.providers.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where a site lives, as configured. The base may carry a path prefix (a reverse proxy or a local
 * mirror such as {@code http://127.0.0.1:9000/aniworld}); site-relative links the site returns
 * ({@code /anime/stream/x}, {@code /redirect/1}, {@code /r?t=…}) are appended to the base instead
 * of being resolved against the page URL, which would drop the prefix. Absolute URLs (sitemap
 * entries, {@code Location} headers, iframes) are used as given.
 */
public record SiteAddress(URI base) {
    public SiteAddress {
        Objects.requireNonNull(base, "base");
        String s = base.toString();
        while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
        base = URI.create(s);
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException("base URL needs a scheme and a host: " + base);
        }
    }

    public static SiteAddress of(String base) {
        return new SiteAddress(URI.create(base));
    }

    /** The absolute URL for a site path ({@code /animes-alphabet}) or a link found on a page. */
    public URI resolve(String href) {
        String h = href.trim();
        if (h.startsWith("//")) return parse(base.getScheme() + ":" + h);
        if (h.regionMatches(true, 0, "http://", 0, 7) || h.regionMatches(true, 0, "https://", 0, 8)) {
            return parse(h);
        }
        return parse(base + (h.startsWith("/") ? "" : "/") + h);
    }

    /** The base as a string without a trailing slash, e.g. for an {@code Origin} header. */
    public String origin() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    /** The base with one trailing slash, the Referer sites and hosters expect. */
    public String referer() {
        return base + "/";
    }

    /** True when {@code url} points at this site's host (and port), whatever its path. */
    public boolean sameHost(URI url) {
        return url.getHost() != null && url.getHost().equalsIgnoreCase(base.getHost())
                && effectivePort(url) == effectivePort(base);
    }

    /**
     * True when {@code url} is on this site: its host and port, and under the base's path prefix.
     * With a base such as {@code http://mirror:9000/aniworld}, {@code http://mirror:9000/aniworld/redirect/1}
     * is the site, while {@code http://mirror:9000/voe/e/abc} (another service behind the same proxy)
     * is not: a link-out landing there reached a hoster.
     */
    public boolean contains(URI url) {
        if (!sameHost(url)) return false;
        String prefix = base.getRawPath() == null ? "" : base.getRawPath();
        if (prefix.isEmpty() || prefix.equals("/")) return true;
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static int effectivePort(URI url) {
        if (url.getPort() >= 0) return url.getPort();
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : "http".equalsIgnoreCase(url.getScheme()) ? 80 : -1;
    }

    private static URI parse(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            // pages sometimes carry spaces or unescaped characters in links
            return URI.create(s.replace(" ", "%20").replace("|", "%7C"));
        }
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
