package dev.kanal.config;

import dev.kanal.providers.Hoster;
import dev.kanal.providers.HosterRegistry;
import java.util.HashMap;
import java.util.Map;

/** The hoster names {@code KANAL_HOSTER_ORDER} may hold: every hoster this build extracts, with its aliases. */
final class HosterNames {
    private HosterNames() {}

    /** Canonical name by every spelling that means it. */
    static Map<String, String> all() {
        Map<String, String> names = new HashMap<>();
        for (Hoster h : HosterRegistry.standard().all()) {
            names.put(h.name(), h.name());
            for (String alias : h.aliases()) names.put(alias, h.name());
        }
        return Map.copyOf(names);
    }
}
