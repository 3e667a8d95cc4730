package dev.kanal.health;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether start-up is done. Components that must finish before Kanal serves traffic register a
 * condition; {@code GET /ready} answers 503 until every one is met.
 */
public final class Readiness {
    private final List<String> waitingFor = new CopyOnWriteArrayList<>();

    /** Registers something start-up waits for. */
    public void waitFor(String what) {
        waitingFor.add(what);
    }

    /** Marks one condition met. */
    public void done(String what) {
        waitingFor.remove(what);
    }

    public boolean ready() {
        return waitingFor.isEmpty();
    }

    public List<String> waitingFor() {
        return List.copyOf(waitingFor);
    }
}
