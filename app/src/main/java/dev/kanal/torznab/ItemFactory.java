package dev.kanal.torznab;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.kanal.catalog.Release;
import dev.kanal.magnet.KanalMagnet;
import dev.kanal.magnet.MagnetCodec;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns catalog releases into Torznab items: the release title, the magnet (site numbering, via
 * {@link MagnetCodec}), a stable guid, the size estimate and, with {@code KANAL_STRM_MODE}, the
 * {@code [STRM]} twin whose magnet asks for a {@code .strm} file.
 */
public final class ItemFactory {
    /** How releases are offered. */
    public enum StrmMode {
        OFF,
        BOTH,
        ONLY;

        public static StrmMode of(String setting) {
            return valueOf(setting.trim().toUpperCase(Locale.ROOT));
        }

        int itemsPerRelease() {
            return this == BOTH ? 2 : 1;
        }
    }

    private final MagnetCodec codec;
    private final ReleaseNamer namer;
    private final StrmMode strm;
    /**
     * The items of recently offered releases: a release (all of it, hosters and height included) names
     * and links the same until the catalog changes it, and stored names are read at most every ten
     * minutes ({@link StoredNames}), so items live as long.
     */
    private final Cache<Offered, List<TorznabItem>> offered = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    private record Offered(Release release, boolean absolute) {}

    public ItemFactory(MagnetCodec codec, ReleaseNamer namer, StrmMode strm) {
        this.codec = codec;
        this.namer = namer;
        this.strm = strm;
    }

    int itemsPerRelease() {
        return strm.itemsPerRelease();
    }

    /** The items of one release, download first; {@code absolute} picks the anime-style title. */
    List<TorznabItem> items(Release r, boolean absolute) {
        return offered.get(new Offered(r, absolute), o -> render(o.release(), o.absolute()));
    }

    private List<TorznabItem> render(Release r, boolean absolute) {
        String title = absolute ? namer.absolute(r) : namer.standard(r);
        List<TorznabItem> out = new ArrayList<>(2);
        if (strm != StrmMode.ONLY) out.add(item(r, title, KanalMagnet.Mode.DOWNLOAD));
        if (strm != StrmMode.OFF) out.add(item(r, title + ReleaseNamer.STRM_SUFFIX, KanalMagnet.Mode.STRM));
        return List.copyOf(out);
    }

    private TorznabItem item(Release r, String title, KanalMagnet.Mode mode) {
        KanalMagnet magnet = codec.create(title, r.address(), r.language(), mode);
        Language l = r.language();
        String language = switch (l) {
            case GERMAN_DUB -> "German";
            case ENGLISH_DUB -> "English";
            case GERMAN_SUB, ENGLISH_SUB -> null;
        };
        String subs = switch (l) {
            case GERMAN_SUB -> "German";
            case ENGLISH_SUB -> "English";
            case GERMAN_DUB, ENGLISH_DUB -> null;
        };
        return new TorznabItem(title, "kanal-" + magnet.infoHash(), codec.format(magnet), magnet.infoHash(),
                r.firstSeen(), size(r), Categories.of(r), r.tvdb(), r.imdb(), r.tmdb(), language, subs);
    }

    /** Bytes a download of this release is likely to take, from its height and runtime. */
    static long size(Release r) {
        int minutes = r.runtimeMinutes() != null && r.runtimeMinutes() > 0 ? r.runtimeMinutes()
                : r.isMovie() ? 110 : r.site() == SiteId.ANIWORLD ? 24 : 45;
        Integer h = r.height();
        double mbps = h == null ? 3.0 : h >= 2000 ? 16.0 : h >= 1000 ? 5.0 : h >= 700 ? 2.5 : 1.2;
        return (long) (mbps * 1_000_000 / 8 * minutes * 60);
    }
}
