package dev.kanal.sources;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import java.util.List;

/**
 * Where else the same episode lives: the same work's episode, in the same language, on the other
 * enabled sites, in {@code KANAL_SITE_ORDER}. Today {@link CatalogOtherSites} answers from titles
 * that share a TVDB or IMDb id; the catalog's work layer can take its place behind this interface.
 */
@FunctionalInterface
public interface OtherSites {
    /** Knows no other site. */
    OtherSites NONE = (episode, language) -> List.of();

    /** The same episode on other sites (never {@code episode}'s own site), best first; empty when none is known. */
    List<EpisodeAddress> of(EpisodeAddress episode, Language language);
}
