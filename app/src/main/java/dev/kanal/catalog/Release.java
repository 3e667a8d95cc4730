package dev.kanal.catalog;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import java.time.Instant;
import java.util.List;

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
 * @param hosters the hosters the site shows for this episode in this language, in site order (empty
 *     when unknown)
 * @param hostersPaired true when they are known to serve this language (an episode page said so),
 *     false when the season table only showed them beside several language flags
 */
public record Release(int titleId, SiteId site, String slug, TitleKind kind, String displayTitle, Integer year,
        Integer tvdb, String imdb, Integer tmdb, int season, int episode, int tvdbSeason, int tvdbEpisode,
        Integer absolute, Language language, Instant firstSeen, Integer height, String codec,
        Integer runtimeMinutes, String episodeTitleDe, String episodeTitleEn, List<String> hosters,
        boolean hostersPaired) {

    public Release {
        hosters = hosters == null ? List.of() : List.copyOf(hosters);
    }

    /** A release whose hosters are not known. */
    public Release(int titleId, SiteId site, String slug, TitleKind kind, String displayTitle, Integer year,
            Integer tvdb, String imdb, Integer tmdb, int season, int episode, int tvdbSeason, int tvdbEpisode,
            Integer absolute, Language language, Instant firstSeen, Integer height, String codec,
            Integer runtimeMinutes, String episodeTitleDe, String episodeTitleEn) {
        this(titleId, site, slug, kind, displayTitle, year, tvdb, imdb, tmdb, season, episode, tvdbSeason, tvdbEpisode,
                absolute, language, firstSeen, height, codec, runtimeMinutes, episodeTitleDe, episodeTitleEn, List.of(),
                false);
    }

    /** The address in the site's own numbering (what the magnet carries). */
    public EpisodeAddress address() {
        return new EpisodeAddress(site, slug, season, episode);
    }

    public boolean isMovie() {
        return kind == TitleKind.MOVIE && episode == 0;
    }
}
