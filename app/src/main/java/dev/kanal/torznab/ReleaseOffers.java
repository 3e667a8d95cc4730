package dev.kanal.torznab;

import dev.kanal.catalog.Release;
import java.util.List;

/**
 * What Kanal offers for a catalog release, named and linked exactly as Torznab renders it: one
 * place builds the release names and magnets for {@code /torznab/api} and for the web page's
 * search, so the page shows what Sonarr gets.
 */
public final class ReleaseOffers {
    private final ItemFactory items;

    public ReleaseOffers(ItemFactory items) {
        this.items = items;
    }

    /**
     * One offer: a Torznab item as a page shows it.
     *
     * @param strm whether grabbing it writes a {@code .strm} file instead of downloading
     */
    public record Offer(String title, String magnet, String infoHash, long size, List<Integer> categories,
            boolean strm) {}

    /** The offers of one release in scene form (download first, then its {@code [STRM]} twin). */
    public List<Offer> of(Release r) {
        return items.items(r, false).stream().map(i -> new Offer(i.title(), i.magnet(), i.infoHash(), i.size(),
                i.categories(), i.title().endsWith(ReleaseNamer.STRM_SUFFIX))).toList();
    }
}
