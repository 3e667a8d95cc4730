package dev.kanal.catalog;

import dev.kanal.config.KanalConfig;
import dev.kanal.providers.ProviderRoutes;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.http.ChallengeSolver;
import dev.kanal.providers.http.FlareSolverr;
import dev.kanal.providers.http.OutboundRoute;
import dev.kanal.providers.http.ProxySpec;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/** Translates the proxy and FlareSolverr settings into the providers library's {@link ProviderRoutes}. */
public final class ProviderRoutesFactory {
    private ProviderRoutesFactory() {}

    public static ProviderRoutes from(KanalConfig.Outbound o) {
        ChallengeSolver solver = o.flaresolverrUrl() == null || o.flaresolverrUrl().isBlank() ? null
                : new FlareSolverr(URI.create(o.flaresolverrUrl()), o.flaresolverrTimeout());
        Map<SiteId, OutboundRoute> sites = new EnumMap<>(SiteId.class);
        sites.put(SiteId.ANIWORLD, route(o.aniworldProxy(), o.proxy(), solver));
        sites.put(SiteId.STO, route(o.stoProxy(), o.proxy(), solver));
        sites.put(SiteId.MEGAKINO, route(o.megakinoProxy(), o.proxy(), solver));
        return new ProviderRoutes(sites, route(o.hostersProxy(), o.proxy(), solver));
    }

    /** The override when set ({@code direct} = none), else the general proxy. */
    static OutboundRoute route(String override, String general, ChallengeSolver solver) {
        String chosen = override == null || override.isBlank() ? general : override;
        ProxySpec proxy = chosen == null || chosen.isBlank() || chosen.equalsIgnoreCase("direct") ? null
                : ProxySpec.parse(chosen);
        return new OutboundRoute(proxy, solver);
    }
}
