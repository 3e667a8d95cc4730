package dev.kanal.sources;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.StreamSource;
import java.util.List;
import java.util.stream.Collectors;

/** What {@link EpisodeSources#resolve} found: a source, or the reasons every hoster failed. */
public sealed interface SourceResult {
    /** Every hoster tried, in order, including the one that worked. */
    List<SourceAttempt> attempts();

    /**
     * A playable source from {@code hoster} (the name as the site shows it; {@code <site>:<hoster>}
     * when another site than the grabbed one served it).
     *
     * @param servedBy the episode that served it when another site did; null: the grabbed episode
     */
    record Found(StreamSource source, String hoster, List<SourceAttempt> attempts, EpisodeAddress servedBy)
            implements SourceResult {
        public Found {
            attempts = List.copyOf(attempts);
        }

        public Found(StreamSource source, String hoster, List<SourceAttempt> attempts) {
            this(source, hoster, attempts, null);
        }
    }

    /**
     * No hoster worked.
     *
     * @param offered the languages the episode page offered (empty when unknown or the page could not be read)
     */
    record NotFound(List<SourceAttempt> attempts, java.util.Set<dev.kanal.providers.Language> offered)
            implements SourceResult {
        public NotFound {
            attempts = List.copyOf(attempts);
            offered = offered == null ? java.util.Set.of() : java.util.Set.copyOf(offered);
        }

        public NotFound(List<SourceAttempt> attempts) {
            this(attempts, java.util.Set.of());
        }

        /** True when every failure may go away by itself (network, 429, 5xx): worth retrying later. */
        public boolean onlyTransient() {
            return !attempts.isEmpty() && attempts.stream().allMatch(SourceAttempt::transientFailure);
        }

        /** One line naming each hoster tried and why it failed, for users and job errors. */
        public String describe() {
            if (attempts.isEmpty()) return "no hoster offers this episode in this language";
            return attempts.stream().map(a -> a.hoster() + ": " + a.failure()).collect(Collectors.joining("; "));
        }
    }
}
