package dev.kanal.cli;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into an orderly stop that exits 0 (the JVM's default handling would run
 * shutdown hooks and exit 143, which Docker and systemd report as a failure).
 */
final class ShutdownSignals {
    private ShutdownSignals() {}

    static void install(Runnable stop) {
        Runnable once = new Runnable() {
            private boolean ran;

            @Override
            public synchronized void run() {
                if (ran) return;
                ran = true;
                stop.run();
            }
        };
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), sig -> Thread.ofPlatform().name("kanal-stop").start(once));
            } catch (IllegalArgumentException e) {
                // the signal is not available on this platform; the JVM default applies
            }
        }
    }
}
