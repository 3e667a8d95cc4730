package dev.kanal.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * Everything the catalog knows about one title, for {@code GET /api/catalog/{site}/{slug}}: what a
 * user checks when Sonarr does not find an episode (is the title there, are its details fetched,
 * how did it map, which languages and hosters does each episode have).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TitleReport(String site, String slug, String title, String kind, Integer year, Ids ids,
        List<String> names, Instant firstSeen, Stage details, Stage mapping, String mappedTitle, Work work,
        List<Episode> episodes) {

    /**
     * The work the title is tied to (null before stage 3 found one).
     *
     * @param season the TVDB season the title's first site season is, or null for the same numbering
     * @param method {@code page-id}, {@code skyhook-name} or {@code skyhook-sequel}
     * @param used false for an unsure tie (confidence below {@link dev.kanal.catalog.WorkTie#SURE}):
     *     searches ignore it
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Work(int tvdb, Integer season, String method, double confidence, boolean used, String evidence) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Ids(Integer tvdb, String imdb, Integer tmdb, Integer tvmaze) {}

    /** A stage's state for this title; {@code at} is its last success. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Stage(String state, Instant at, String error) {}

    /**
     * One episode in the site's numbering with Sonarr's beside it; movies are season 0, episode 0.
     *
     * @param awaitingMapping true while a new episode of a renumbered series waits for stage 3:
     *     searches leave it out until then
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Episode(int season, int episode, int tvdbSeason, int tvdbEpisode, Integer absolute,
            boolean awaitingMapping, String titleDe, String titleEn, List<Offer> languages) {}

    /**
     * One language of an episode: a Torznab release.
     *
     * @param hosters the hoster names the site shows, in site order
     * @param hostersPaired true when an episode page (or a single-language row) said they serve this
     *     language; false when a season table only showed them beside several flags
     * @param hostersAt when the hosters were last learned (a detail fetch or an episode page), or null
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Offer(String language, Instant firstSeen, Integer height, String codec, List<String> hosters,
            boolean hostersPaired, Instant hostersAt) {}
}
