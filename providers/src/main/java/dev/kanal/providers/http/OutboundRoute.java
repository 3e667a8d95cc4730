package dev.kanal.providers.http;

/**
 * How one group of upstream requests (a site's, or the hosters') leaves the machine: directly or
 * through a proxy, and whether anti-bot pages are handed to a solver.
 *
 * @param proxy the proxy, or null for a direct connection
 * @param solver the challenge solver, or null for none
 */
public record OutboundRoute(ProxySpec proxy, ChallengeSolver solver) {
    /** Direct, no solver. */
    public static final OutboundRoute DIRECT = new OutboundRoute(null, null);

    /** For logs and the status page: {@code direct} or the proxy URL without credentials. */
    public String describe() {
        return (proxy == null ? "direct" : "via " + proxy.describe()) + (solver == null ? "" : ", " + solver.name());
    }
}
