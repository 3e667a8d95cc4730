package dev.kanal.providers;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * One streaming site. Implementations fetch through a {@link dev.kanal.providers.http.Fetcher} and
 * keep their parsing in a separate, stateless {@code XxxPages} class. Every method throws
 * {@link ProviderException} with a typed {@link ProviderFailure} when it cannot answer.
 */
public interface Site {
    SiteId id();

    /**
     * Streams the site's full catalogue into {@code sink}, one title at a time, without holding the
     * whole list in memory.
     */
    void titles(Consumer<TitleRef> sink);

    /** One title's detail page(s): fields, every season, every episode with its languages. */
    TitleDetail detail(String slug);

    /** The hoster offers for one episode (or a movie, see {@link EpisodeAddress#movie}). */
    List<HosterLink> hosterLinks(EpisodeAddress episode);

    /**
     * Turns a link-out into the hoster's embed URL, without downloading the hoster page where the
     * site answers with a redirect.
     */
    URI resolveLinkOut(HosterLink link);

    /** The site's own search, used as a fallback when the catalogue lacks a title. */
    List<TitleRef> search(String query);

    /**
     * The titles the site links to an IMDb id ({@code tt…}), for exact matches where the site's
     * search accepts ids (Megakino); empty where it does not.
     */
    default List<TitleRef> searchByImdb(String imdbId) {
        return List.of();
    }

    /**
     * The episodes the site announces as newly added, newest first, from one cheap page; empty
     * where the site has no such page (Megakino's sitemap carries {@code lastmod} instead).
     */
    default List<RecentEpisode> recentEpisodes() {
        return List.of();
    }

    /**
     * The {@code Referer} a browser sends when this site's page loads a hoster's embed: the site's
     * origin with a slash (browsers send only the origin across sites). Some hosters refuse their
     * embed page without it. Empty when the site does not say.
     */
    default java.util.Optional<String> embedReferer() {
        return java.util.Optional.empty();
    }
}
