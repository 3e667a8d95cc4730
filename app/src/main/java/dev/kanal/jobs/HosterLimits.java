package dev.kanal.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** At most {@code KANAL_HOSTER_CONCURRENCY} downloads from one hoster at a time. */
final class HosterLimits {
    private final int perHoster;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    HosterLimits(int perHoster) {
        this.perHoster = perHoster;
    }

    /** Waits for a slot; false when {@code giveUp} turned true first. */
    boolean acquire(String hoster, BooleanSupplier giveUp) throws InterruptedException {
        Semaphore s = permits.computeIfAbsent(key(hoster), k -> new Semaphore(perHoster, true));
        while (!giveUp.getAsBoolean()) {
            if (s.tryAcquire(250, TimeUnit.MILLISECONDS)) return true;
        }
        return false;
    }

    void release(String hoster) {
        permits.get(key(hoster)).release();
    }

    private static String key(String hoster) {
        return hoster == null ? "" : hoster.toLowerCase(java.util.Locale.ROOT);
    }
}
