package dev.kanal.jobs;

/**
 * Told once each time a job finally fails (never for a retry that is still to come), after its state
 * and error are stored. The Sonarr/Radarr hand-back ({@code dev.kanal.arr}) implements it; whatever it
 * does, the job's state does not depend on it.
 */
@FunctionalInterface
public interface FailedJobs {
    /** Does nothing: no arr is connected. */
    FailedJobs NONE = job -> {};

    void failed(Job job);
}
