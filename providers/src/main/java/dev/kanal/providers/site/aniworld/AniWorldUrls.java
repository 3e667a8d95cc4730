package dev.kanal.providers.site.aniworld;

import dev.kanal.providers.site.SiteAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AniWorld's URL scheme (research §1.1), always built on the configured base so a path prefix
 * survives. Season 0 is AniWorld's {@code /filme} page, whose entries are {@code film-K}.
 */
public final class AniWorldUrls {
    /** The public site, used when no base URL is configured. */
    public static final URI DEFAULT_BASE = URI.create("https://aniworld.to");

    /** A series link, relative or absolute; the slug stops at the next slash. */
    private static final Pattern SERIES_HREF = Pattern.compile("/anime/stream/(?<slug>[^/?#]+)/?(?:[?#].*)?$");
    /** Any link below a series (season, episode, film). */
    private static final Pattern ANY_HREF = Pattern.compile("/anime/stream/(?<slug>[^/?#]+)");

    private final SiteAddress address;

    public AniWorldUrls(SiteAddress address) {
        this.address = address;
    }

    public SiteAddress address() {
        return address;
    }

    public URI alphabet() {
        return address.resolve("/animes-alphabet");
    }

    /** The list of newly added episodes, one row per episode and language. */
    public URI newEpisodes() {
        return address.resolve("/neue-episoden");
    }

    public URI series(String slug) {
        return address.resolve("/anime/stream/" + slug);
    }

    /** A season page; season 0 is {@code /filme}. */
    public URI season(String slug, int season) {
        return address.resolve("/anime/stream/" + slug + (season == 0 ? "/filme" : "/staffel-" + season));
    }

    /** An episode page; season 0 episodes are films ({@code /filme/film-K}). */
    public URI episode(String slug, int season, int episode) {
        return address.resolve("/anime/stream/" + slug
                + (season == 0 ? "/filme/film-" + episode : "/staffel-" + season + "/episode-" + episode));
    }

    public URI seriesSearch(String keyword) {
        return address.resolve("/ajax/seriesSearch?keyword=" + URLEncoder.encode(keyword, StandardCharsets.UTF_8));
    }

    public URI search() {
        return address.resolve("/ajax/search");
    }

    /** The slug of a link that names exactly a series page ({@code /anime/stream/<slug>}). */
    static Optional<String> seriesSlug(String href) {
        Matcher m = SERIES_HREF.matcher(href == null ? "" : href.trim());
        return m.find() ? Optional.of(m.group("slug")) : Optional.empty();
    }

    /** The slug of any link below a series. */
    static Optional<String> anySlug(String href) {
        Matcher m = ANY_HREF.matcher(href == null ? "" : href);
        return m.find() ? Optional.of(m.group("slug")) : Optional.empty();
    }
}
