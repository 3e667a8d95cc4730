package dev.kanal.sources;

/**
 * One hoster tried while resolving an episode.
 *
 * @param hoster the hoster's name as the site shows it
 * @param failure why it failed, one line; null when this attempt worked
 * @param transientFailure true when the failure may go away by itself (retry later)
 */
public record SourceAttempt(String hoster, String failure, boolean transientFailure) {
    public boolean succeeded() {
        return failure == null;
    }
}
