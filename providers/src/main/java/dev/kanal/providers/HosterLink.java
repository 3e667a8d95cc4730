package dev.kanal.providers;

import java.net.URI;
import java.util.Objects;

/**
 * One hoster offer on an episode page.
 *
 * @param hoster the hoster's name as the site shows it (e.g. {@code VOE}); may be a placeholder
 *     such as s.to's {@code Provider}
 * @param language the language of this offer
 * @param linkOut the site's link-out URL ({@code /redirect/<id>}, {@code /r?t=…}) or, where the
 *     site embeds directly, the embed URL itself
 */
public record HosterLink(String hoster, Language language, URI linkOut) {
    public HosterLink {
        Objects.requireNonNull(hoster, "hoster");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(linkOut, "linkOut");
    }
}
