package dev.kanal.providers.testing.hoster;

import dev.kanal.providers.ProviderException;
import dev.kanal.providers.ProviderFailure;

/** Runs a call that must fail with a {@link ProviderException} and hands back its typed failure. */
public final class Failures {
    private Failures() {}

    /** The failure {@code call} threw; an {@link AssertionError} when it returned or threw something else. */
    public static ProviderFailure failureOf(Runnable call) {
        try {
            call.run();
        } catch (ProviderException e) {
            return e.failure();
        }
        throw new AssertionError("expected a ProviderException, but the call returned normally");
    }
}
