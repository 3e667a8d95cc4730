package dev.kanal.catalog;

import java.util.List;

/**
 * The part of SkyHook's show resource ({@code /v1/tvdb/shows/en/<tvdbId>}, the same JSON Sonarr
 * reads) that Kanal uses to map a site's numbering onto Sonarr's.
 */
public record SkyHookShow(int tvdbId, String title, String firstAired, Integer runtime, String imdbId,
        Integer tvMazeId, List<AlternateTitle> alternateTitles, List<Episode> episodes) {

    public SkyHookShow {
        alternateTitles = alternateTitles == null ? List.of() : List.copyOf(alternateTitles);
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
    }

    /** One alternative title (SkyHook lists scene and foreign titles). */
    public record AlternateTitle(String title) {}

    /** One TVDB episode in Sonarr's numbering. */
    public record Episode(int seasonNumber, int episodeNumber, Integer absoluteEpisodeNumber, String title) {}

    /** The first-aired year, or null. */
    public Integer year() {
        if (firstAired == null || firstAired.length() < 4) return null;
        try {
            return Integer.parseInt(firstAired.substring(0, 4));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
