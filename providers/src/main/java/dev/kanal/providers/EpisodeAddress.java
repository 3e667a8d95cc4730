package dev.kanal.providers;

import java.util.Objects;

/**
 * Names one playable thing on a site: an episode ({@code season ≥ 0, episode ≥ 1}) or a whole
 * movie (Megakino films: {@code season = 0, episode = 0}).
 */
public record EpisodeAddress(SiteId site, String slug, int season, int episode) {
    public EpisodeAddress {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(slug, "slug");
        if (season < 0 || episode < 0) throw new IllegalArgumentException("negative season/episode");
    }

    /** A movie, which carries no season or episode. */
    public static EpisodeAddress movie(SiteId site, String slug) {
        return new EpisodeAddress(site, slug, 0, 0);
    }

    /** True for a whole movie rather than an episode. */
    public boolean isMovie() {
        return episode == 0;
    }
}
