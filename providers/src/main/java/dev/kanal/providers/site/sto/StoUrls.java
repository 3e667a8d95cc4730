package dev.kanal.providers.site.sto;

import dev.kanal.providers.site.SiteAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URL scheme of s.to "Version 2" (research §2.2), built on the configured base. Links on the
 * site are mostly relative, some absolute to {@code serienstream.to}; both name the same slug.
 */
public final class StoUrls {
    /** s.to was deactivated in 2026; serienstream.to is canonical again. */
    public static final URI DEFAULT_BASE = URI.create("https://serienstream.to");

    /** Exactly a series page; accepts the v1 {@code /serie/stream/} form too. */
    private static final Pattern SERIES_HREF =
            Pattern.compile("^(?:https?://[^/]+)?/serie/(?:stream/)?(?<slug>[^/?#]+)/?(?:[?#].*)?$");
    /** Any link below a series (season pages on the popular page, episode hits in search). */
    private static final Pattern ANY_HREF = Pattern.compile("^(?:https?://[^/]+)?/serie/(?:stream/)?(?<slug>[^/?#]+)");

    private final SiteAddress address;

    public StoUrls(SiteAddress address) {
        this.address = address;
    }

    public SiteAddress address() {
        return address;
    }

    public URI catalogue() {
        return address.resolve("/serien");
    }

    /** The table of newly added episodes. */
    public URI newEpisodes() {
        return address.resolve("/neue-episoden");
    }

    public URI series(String slug) {
        return address.resolve("/serie/" + slug);
    }

    public URI season(String slug, int season) {
        return address.resolve("/serie/" + slug + "/staffel-" + season);
    }

    public URI episode(String slug, int season, int episode) {
        return address.resolve("/serie/" + slug + "/staffel-" + season + "/episode-" + episode);
    }

    public URI suggest(String term) {
        return address.resolve("/api/search/suggest?term=" + URLEncoder.encode(term, StandardCharsets.UTF_8));
    }

    public URI searchPage(String term) {
        return address.resolve("/suche?term=" + URLEncoder.encode(term, StandardCharsets.UTF_8) + "&tab=shows");
    }

    static Optional<String> seriesSlug(String href) {
        Matcher m = SERIES_HREF.matcher(href == null ? "" : href.trim());
        return m.find() ? Optional.of(m.group("slug")) : Optional.empty();
    }

    static Optional<String> anySlug(String href) {
        Matcher m = ANY_HREF.matcher(href == null ? "" : href.trim());
        return m.find() ? Optional.of(m.group("slug")) : Optional.empty();
    }
}
