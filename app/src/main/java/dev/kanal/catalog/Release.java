package dev.kanal.catalog;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import java.time.Instant;

/**
 * One episode (or movie) of one title in one language, as the catalog knows it: the read model
 * Torznab renders. Site numbering addresses the episode; Sonarr's numbering names the release.
 *
 * @param displayTitle the title Sonarr/Radarr know (TVDB's when mapped, else the site's)
 * @param tvdbSeason Sonarr's season number
 * @param tvdbEpisode Sonarr's episode number
 * @param absolute absolute episode number (anime), or null
 * @param firstSeen when the catalog first saw this release (its pubDate)
 * @param height known video height, or null when no download or probe has seen it yet
 * @param codec known video codec (e.g. h264, hevc), or null
 * @param runtimeMinutes episode runtime from TVDB, or null
 * @param episodeTitleDe the site's German episode title, or null
 * @param episodeTitleEn the site's English episode title, or null
 */
public record Release(int titleId, SiteId site, String slug, TitleKind kind, String displayTitle, Integer year,
        Integer tvdb, String imdb, Integer tmdb, int season, int episode, int tvdbSeason, int tvdbEpisode,
        Integer absolute, Language language, Instant firstSeen, Integer height, String codec,
        Integer runtimeMinutes, String episodeTitleDe, String episodeTitleEn) {

    /** The address in the site's own numbering (what the magnet carries). */
    public EpisodeAddress address() {
        return new EpisodeAddress(site, slug, season, episode);
    }

    public boolean isMovie() {
        return kind == TitleKind.MOVIE && episode == 0;
    }
}
