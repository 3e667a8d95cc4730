package dev.kanal.providers;

import dev.kanal.providers.http.Fetcher;
import dev.kanal.providers.http.Page;
import java.net.URI;
import java.util.Set;

/**
 * One video hoster: turns an embed URL into a direct {@link StreamSource}. Follow-up requests are
 * derived from the embed URL's own origin, never from a hard-coded public domain.
 */
public interface Hoster {
    /** Canonical name, e.g. {@code VOE}; matched case-insensitively against the site's label. */
    String name();

    /** Other names sites use for this hoster (e.g. {@code Dood} for Doodstream). */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * Host names (or parent domains) of embed URLs this hoster serves, used when the site's name is
     * missing. An entry without a dot is a brand label matched under any TLD ({@code vidmoly}).
     */
    Set<String> hosts();

    /**
     * True when an already fetched embed page is unmistakably this hoster's. Used only for links
     * whose label is a placeholder and whose host is unknown, such as VOE's rotating vanity
     * domains behind s.to's {@code Provider} buttons. Most hosters cannot tell and answer false.
     */
    default boolean recognises(Page embedPage) {
        return false;
    }

    /** Resolves an embed page to the media URL. Throws {@link ProviderException} on failure. */
    StreamSource resolve(URI embedUrl, Fetcher fetcher);
}
