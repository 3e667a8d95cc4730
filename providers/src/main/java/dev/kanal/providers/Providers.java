package dev.kanal.providers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entry point the app wires: every enabled site (listed explicitly, no ServiceLoader) and every
 * hoster, built from one {@link ProviderSettings}.
 */
public final class Providers {
    private final List<Site> sites;
    private final HosterRegistry hosters;

    public Providers(List<Site> sites, HosterRegistry hosters) {
        this.sites = List.copyOf(sites);
        this.hosters = hosters;
    }

    /** Builds the standard sites and hosters for the given settings. */
    public static Providers create(ProviderSettings settings) {
        List<Site> sites = new ArrayList<>();
        // filled by the site scrapers: AniWorldSite, StoSite, MegakinoSite for settings.enabledSites()
        return new Providers(sites, HosterRegistry.standard());
    }

    /** The enabled sites. */
    public List<Site> sites() {
        return sites;
    }

    public Optional<Site> site(SiteId id) {
        return sites.stream().filter(s -> s.id() == id).findFirst();
    }

    public HosterRegistry hosters() {
        return hosters;
    }
}
