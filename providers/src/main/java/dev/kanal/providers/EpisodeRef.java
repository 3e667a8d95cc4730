package dev.kanal.providers;

import java.util.Objects;
import java.util.Set;

/**
 * One episode in the site's own numbering. AniWorld films and specials are season 0.
 *
 * @param season site-native season number (0 for films/specials)
 * @param episode site-native episode number (≥ 1)
 * @param titleDe German title, or null
 * @param titleEn English title, or null
 * @param languages languages the site offers for this episode (may be empty when unknown)
 * @param hosters the hosters the page shows for this episode, per language ({@link HosterHints#NONE}
 *     when it shows none)
 */
public record EpisodeRef(int season, int episode, String titleDe, String titleEn, Set<Language> languages,
        HosterHints hosters) {
    public EpisodeRef {
        if (season < 0) throw new IllegalArgumentException("season < 0: " + season);
        if (episode < 1) throw new IllegalArgumentException("episode < 1: " + episode);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        hosters = hosters == null ? HosterHints.NONE : hosters;
    }

    /** An episode whose page shows no hosters. */
    public EpisodeRef(int season, int episode, String titleDe, String titleEn, Set<Language> languages) {
        this(season, episode, titleDe, titleEn, languages, HosterHints.NONE);
    }

    /** The best title to show: German, else English, else null. */
    public String anyTitle() {
        return Objects.requireNonNullElse(titleDe, titleEn);
    }
}
