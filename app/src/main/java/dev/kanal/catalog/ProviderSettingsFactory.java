package dev.kanal.catalog;

import dev.kanal.config.KanalConfig;
import dev.kanal.providers.ProviderSettings;
import dev.kanal.providers.SiteId;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Translates Kanal's site and HTTP settings into the providers library's {@link ProviderSettings}. */
public final class ProviderSettingsFactory {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private ProviderSettingsFactory() {}

    public static ProviderSettings from(KanalConfig.Sites sites, KanalConfig.Http http) {
        Map<SiteId, URI> urls = new EnumMap<>(SiteId.class);
        urls.put(SiteId.ANIWORLD, sites.aniworldUrl());
        urls.put(SiteId.STO, sites.stoUrl());
        if (sites.megakinoUrl() != null && !sites.megakinoUrl().isBlank()) {
            urls.put(SiteId.MEGAKINO, URI.create(sites.megakinoUrl()));
        }
        return new ProviderSettings(urls, siteIds(sites.enabled()), http.rateLimit(), http.allowPrivateUpstreams(),
                CONNECT_TIMEOUT, http.timeout(), http.retries(), http.userAgent(), http.privateUpstreams());
    }

    /** The configured ids as {@link SiteId}s, in order (the settings already rejected unknown ids). */
    public static List<SiteId> order(List<String> ids) {
        return ids.stream().map(id -> SiteId.fromId(id).orElseThrow()).toList();
    }

    private static Set<SiteId> siteIds(List<String> ids) {
        Set<SiteId> out = EnumSet.noneOf(SiteId.class);
        out.addAll(order(ids));
        return out;
    }
}
