package dev.kanal.jobs;

import dev.kanal.download.ProcessTree;

/**
 * The handle of one running job: why it should stop, and the downloader process to kill. Stopping
 * kills the whole process tree at once; the runner notices at its next safe point.
 */
final class JobControl {
    /** Why a running job is stopped from outside. */
    enum Stop {
        /** torrents/stop: back to the queue, stopped; the partial file stays. */
        PAUSE,
        /** Kanal shuts down: back to the queue; the partial file stays. */
        SHUTDOWN,
        /** torrents/delete: the torrent is gone. */
        DELETE,
        /** jobs API cancel: CANCELLED, partial files removed. */
        CANCEL
    }

    private volatile Stop stop;
    private volatile ProcessHandle process;
    private volatile Thread thread;

    Stop stop() {
        return stop;
    }

    boolean stopping() {
        return stop != null;
    }

    void thread(Thread t) {
        this.thread = t;
    }

    void process(ProcessHandle p) {
        this.process = p;
        if (stop != null && p != null) ProcessTree.kill(p);
    }

    void requestStop(Stop reason) {
        if (stop == null) stop = reason;
        ProcessHandle p = process;
        if (p != null) ProcessTree.kill(p);
    }

    /** Waits for the runner to reach its safe point. */
    boolean await(long millis) throws InterruptedException {
        Thread t = thread;
        return t == null || t.join(java.time.Duration.ofMillis(millis));
    }
}
