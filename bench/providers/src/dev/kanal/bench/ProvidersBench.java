package dev.kanal.bench;

import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.site.SiteAddress;
import dev.kanal.providers.site.aniworld.AniWorldSite;
import dev.kanal.providers.site.megakino.MegakinoDomains;
import dev.kanal.providers.site.megakino.MegakinoSite;
import dev.kanal.providers.site.sto.StoSite;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;

/**
 * Parse time per page kind on generated pages, through the sites' public API with an in-memory
 * fetcher. Not a JMH harness: a warm-up, then the mean of timed rounds. Also reports the heap held
 * while streaming a 20,000-entry catalogue next to what a full DOM of the same page holds.
 * Run with bench/providers/run.sh.
 */
public final class ProvidersBench {
    static final int CATALOGUE = 20_000;
    static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        if (args.length > 0) filter = args[0];
        System.out.printf(Locale.ROOT, "machine: %d cores, java %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        InMemoryFetcher f = new InMemoryFetcher();
        SiteAddress ani = SiteAddress.of("https://aniworld.bench");
        SiteAddress sto = SiteAddress.of("https://sto.bench");
        SiteAddress mk = SiteAddress.of("https://megakino.bench");

        String aniCatalogue = Pages.aniworldCatalogue(CATALOGUE);
        f.put(ani.resolve("/animes-alphabet"), aniCatalogue);
        f.put(ani.resolve("/anime/stream/bench-show"), Pages.aniworldSeries(120));
        f.put(ani.resolve("/anime/stream/bench-show/staffel-1/episode-1"), Pages.aniworldEpisode(40));
        String stoCatalogue = Pages.stoCatalogue(CATALOGUE);
        f.put(sto.resolve("/serien"), stoCatalogue);
        f.put(sto.resolve("/serie/bench-show"), Pages.stoSeries(120));
        f.put(sto.resolve("/serie/bench-show/staffel-1/episode-1"), Pages.stoEpisode(40));
        String sitemap = Pages.megakinoSitemap(CATALOGUE);
        f.put(mk.resolve("/sitemap.xml"), sitemap);
        f.put(mk.resolve("/index.php?yg=token"), "ok");
        f.put(mk.resolve("/films/5920-bench-movie.html"), Pages.megakinoFilm(8));
        f.put(mk.resolve("/films/5921-bench-show-1-staffel.html"), "x"); // never asked
        f.put(mk.resolve("/serials/5921-bench-show-1-staffel.html"), Pages.megakinoSerial(40, 6));

        Site aniworld = new AniWorldSite(f, ani);
        Site serienstream = new StoSite(f, sto);
        Site megakino = new MegakinoSite(f, new MegakinoDomains(f, mk.base(), List.of(), Clock.systemUTC(),
                Duration.ofHours(1)), Clock.systemUTC());

        // CPU time of the parsing thread is the figure to read on a shared machine; wall time is noisy
        System.out.printf(Locale.ROOT, "%-42s %10s %10s %10s%n", "page kind", "cpu ms/op", "wall ms/op", "page KB");
        time("aniworld catalogue (20k entries, streamed)", aniCatalogue, 10, () -> count(aniworld));
        time("aniworld series page + 120-episode table", Pages.aniworldSeries(120), 200,
                () -> aniworld.detail("bench-show").seasons().size());
        time("aniworld episode page (40 hosters)", Pages.aniworldEpisode(40), 500,
                () -> aniworld.hosterLinks(new EpisodeAddress(SiteId.ANIWORLD, "bench-show", 1, 1)).size());
        time("s.to catalogue (20k entries, streamed)", stoCatalogue, 10, () -> count(serienstream));
        time("s.to series page + 120-episode table", Pages.stoSeries(120), 200,
                () -> serienstream.detail("bench-show").seasons().size());
        time("s.to episode page (40 buttons)", Pages.stoEpisode(40), 500,
                () -> serienstream.hosterLinks(new EpisodeAddress(SiteId.STO, "bench-show", 1, 1)).size());
        time("megakino sitemap (20k entries, StAX)", sitemap, 10, () -> count(megakino));
        time("megakino film page (8 players)", Pages.megakinoFilm(8), 500,
                () -> megakino.hosterLinks(EpisodeAddress.movie(SiteId.MEGAKINO, "5920-bench-movie")).size());
        time("megakino serial page (40 episodes)", Pages.megakinoSerial(40, 6), 300,
                () -> megakino.hosterLinks(new EpisodeAddress(SiteId.MEGAKINO, "5921-bench-show-1-staffel", 1, 7)).size());

        if ("aniworld catalogue (20k entries, streamed)".contains(filter)) memory(aniworld, aniCatalogue);
    }

    static long count(Site site) {
        AtomicLong n = new AtomicLong();
        site.titles(t -> n.incrementAndGet());
        return n.get();
    }

    interface Work {
        long run();
    }

    /** Only page kinds containing this text run (first program argument), e.g. {@code aniworld}. */
    static String filter = "";

    static void time(String name, String page, int rounds, Work work) {
        if (!name.contains(filter)) return;
        long sink = 0;
        for (int i = 0; i < Math.max(3, rounds / 5); i++) sink += work.run();
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) sink += work.run();
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6 / rounds;
        double ms = (System.nanoTime() - start) / 1e6 / rounds;
        System.out.printf(Locale.ROOT, "%-42s %10.3f %10.3f %10d%s%n", name, cpu, ms, page.length() / 1024,
                sink == 42 ? " " : "");
    }

    /** Heap in use while the catalogue streams (sampled in the sink) versus a full DOM of the page. */
    static void memory(Site site, String page) {
        long base = usedAfterGc();
        AtomicLong peak = new AtomicLong();
        AtomicLong n = new AtomicLong();
        site.titles(t -> {
            if (n.incrementAndGet() % 2000 == 0) peak.accumulateAndGet(usedAfterGc() - base, Math::max);
        });
        long beforeDom = usedAfterGc();
        var dom = Jsoup.parse(page);
        long domHeld = usedAfterGc() - beforeDom;
        System.out.printf(Locale.ROOT, "heap: streaming catalogue holds <= %d KB extra (page itself %d KB in the fetcher);"
                + " a full jsoup DOM of it holds %d KB (%d elements)%n", peak.get() >> 10, page.length() >> 10,
                domHeld >> 10, dom.getAllElements().size());
    }

    static long usedAfterGc() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
