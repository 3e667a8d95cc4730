package dev.kanal.providers;

import dev.kanal.providers.http.OutboundRoute;
import java.util.EnumMap;
import java.util.Map;

/**
 * How each site's requests and the hosters' requests leave the machine (issue 14: a route out
 * for blocked users). Site traffic can go through a VPN container's proxy while hoster pages go
 * direct, or the other way round; media downloads are not covered here.
 *
 * @param sites the route per site; a site missing here goes direct
 * @param hosters the route of hoster embed pages and APIs
 */
public record ProviderRoutes(Map<SiteId, OutboundRoute> sites, OutboundRoute hosters) {
    /** Everything direct, no challenge solver. */
    public static final ProviderRoutes DIRECT = new ProviderRoutes(Map.of(), OutboundRoute.DIRECT);

    public ProviderRoutes {
        sites = sites.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(sites));
        hosters = hosters == null ? OutboundRoute.DIRECT : hosters;
    }

    /** The route of one site. */
    public OutboundRoute site(SiteId id) {
        return sites.getOrDefault(id, OutboundRoute.DIRECT);
    }
}
