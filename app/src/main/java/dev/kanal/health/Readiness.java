package dev.kanal.health;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether start-up is done. Components that must finish before Kanal serves traffic register a
 * condition; {@code GET /ready} answers 503 until every one is met.
 */
public final class Readiness {
    private final List<String> waitingFor = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Supplier<java.util.Optional<String>>> conditions = new CopyOnWriteArrayList<>();

    /**
     * A condition checked on every ask: while it names a reason (say, every site unreachable),
     * Kanal is not ready and {@link #waitingFor()} lists the reason.
     */
    public void require(java.util.function.Supplier<java.util.Optional<String>> blocker) {
        conditions.add(blocker);
    }

    /** Registers something start-up waits for. */
    public void waitFor(String what) {
        waitingFor.add(what);
    }

    /** Marks one condition met. */
    public void done(String what) {
        waitingFor.remove(what);
    }

    public boolean ready() {
        return waitingFor().isEmpty();
    }

    public List<String> waitingFor() {
        List<String> all = new java.util.ArrayList<>(waitingFor);
        for (var c : conditions) c.get().ifPresent(all::add);
        return List.copyOf(all);
    }
}
