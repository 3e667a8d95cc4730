package dev.kanal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.config.KanalConfig;
import dev.kanal.providers.ProviderRoutes;
import dev.kanal.providers.SiteId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** KANAL_PROXY with per-site and hoster overrides ('direct' = none) and FlareSolverr on every route. */
class ProviderRoutesFactoryTest {
    @Test
    void sites_through_the_vpn_hosters_direct() {
        ProviderRoutes routes = ProviderRoutesFactory.from(new KanalConfig.Outbound("socks5://gluetun:1080", "",
                "http://vpn:8888", "", "direct", "http://flaresolverr:8191", Duration.ofSeconds(30)));

        assertThat(routes.site(SiteId.ANIWORLD).describe()).isEqualTo("via socks5://gluetun:1080, FlareSolverr");
        assertThat(routes.site(SiteId.STO).describe()).isEqualTo("via http://vpn:8888, FlareSolverr");
        assertThat(routes.site(SiteId.MEGAKINO).proxy().host()).isEqualTo("gluetun");
        assertThat(routes.hosters().proxy()).isNull();
        assertThat(routes.hosters().describe()).isEqualTo("direct, FlareSolverr");
    }

    @Test
    void nothing_configured_is_all_direct() {
        ProviderRoutes routes = ProviderRoutesFactory.from(KanalConfig.Outbound.DIRECT);
        assertThat(routes.site(SiteId.STO).describe()).isEqualTo("direct");
        assertThat(routes.hosters().solver()).isNull();
    }
}
