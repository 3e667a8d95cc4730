package dev.kanal.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * At most {@code KANAL_HOSTER_CONCURRENCY} downloads from one hoster at a time. A job that finds its
 * hoster full does not wait for it in a worker: it goes back to the queue, and the dispatcher leaves
 * it there until {@link #full} turns false, so other hosters' jobs get the workers meanwhile.
 */
public final class HosterLimits {
    private final int perHoster;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    public HosterLimits(int perHoster) {
        this.perHoster = perHoster;
    }

    /** Takes a slot if one is free now. */
    boolean tryAcquire(String hoster) {
        return permits.computeIfAbsent(key(hoster), k -> new Semaphore(perHoster, true)).tryAcquire();
    }

    /** True when every slot of {@code hoster} is taken (an unknown or null hoster never is). */
    boolean full(String hoster) {
        if (hoster == null) return false;
        Semaphore s = permits.get(key(hoster));
        return s != null && s.availablePermits() == 0;
    }

    void release(String hoster) {
        permits.get(key(hoster)).release();
    }

    private static String key(String hoster) {
        return hoster == null ? "" : hoster.toLowerCase(java.util.Locale.ROOT);
    }
}
