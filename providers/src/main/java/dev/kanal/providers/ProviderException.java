package dev.kanal.providers;

import java.util.Objects;

/** Carries a {@link ProviderFailure} out of a site or hoster. Unchecked; catch it at the boundary. */
public final class ProviderException extends RuntimeException {
    private final transient ProviderFailure failure;

    public ProviderException(ProviderFailure failure) {
        this(failure, null);
    }

    public ProviderException(ProviderFailure failure, Throwable cause) {
        super(Objects.requireNonNull(failure, "failure").describe(), cause, false, false);
        this.failure = failure;
    }

    public ProviderFailure failure() {
        return failure;
    }
}
