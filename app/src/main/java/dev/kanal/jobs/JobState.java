package dev.kanal.jobs;

/** Where a job is. Stored by name; a restart never changes a state to FAILED. */
public enum JobState {
    /** Waiting for a worker (or for its retry time, {@code notBefore}). */
    QUEUED,
    /** A worker is resolving or downloading it. */
    RUNNING,
    /** The file (or .strm) is in place. */
    COMPLETED,
    /** Every hoster failed; {@code error} names each. */
    FAILED,
    /** A person cancelled it through the jobs API; partial files were removed. */
    CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
