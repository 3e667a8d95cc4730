package dev.kanal.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * What every login-bearing surface shares: who a client is ({@link ClientAddress}), how fast a
 * failing client may try again ({@link LoginThrottle}), and the record of what connected and what
 * was refused ({@link Connections}). Built once in {@code Wiring}.
 */
public record Access(ClientAddress clients, LoginThrottle throttle, Connections connections) {
    /** @param trustedProxies {@code KANAL_TRUSTED_PROXIES} */
    public static Access of(List<String> trustedProxies, Clock clock, MeterRegistry meters) {
        return new Access(new ClientAddress(trustedProxies), new LoginThrottle(clock), new Connections(clock, meters));
    }
}
