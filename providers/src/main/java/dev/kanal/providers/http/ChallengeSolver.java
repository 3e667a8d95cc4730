package dev.kanal.providers.http;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Solves an anti-bot page in a real browser elsewhere (FlareSolverr) and hands back what a client
 * needs to pass it itself: the cookies the browser got and the User-Agent they are bound to.
 */
public interface ChallengeSolver {
    /** The solution for {@code url}, or empty when the solver could not solve it (reason logged). */
    Optional<Clearance> solve(URI url);

    /** A short name for logs and the status page. */
    String name();

    /**
     * What a solved challenge leaves behind.
     *
     * @param cookies {@code name=value} pairs with their domain and path
     * @param userAgent the browser's User-Agent; the cookies only count with it
     */
    record Clearance(List<SolvedCookie> cookies, String userAgent) {
        public Clearance {
            cookies = List.copyOf(cookies);
        }
    }

    /** One cookie from the solver. */
    record SolvedCookie(String name, String value, String domain, String path) {}
}
