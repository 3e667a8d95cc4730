package dev.kanal.sources;

import dev.kanal.providers.StreamSource;
import java.util.List;
import java.util.stream.Collectors;

/** What {@link EpisodeSources#resolve} found: a source, or the reasons every hoster failed. */
public sealed interface SourceResult {
    /** Every hoster tried, in order, including the one that worked. */
    List<SourceAttempt> attempts();

    /** A playable source from {@code hoster} (the name as the site shows it). */
    record Found(StreamSource source, String hoster, List<SourceAttempt> attempts) implements SourceResult {
        public Found {
            attempts = List.copyOf(attempts);
        }
    }

    /** No hoster worked. */
    record NotFound(List<SourceAttempt> attempts) implements SourceResult {
        public NotFound {
            attempts = List.copyOf(attempts);
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
