import dev.kanal.Application;
import dev.kanal.Wiring;
import dev.kanal.config.ConfigLoader;
import dev.kanal.config.ConfigValues;
import dev.kanal.config.KanalConfig;
import dev.kanal.config.SecretStore;
import dev.kanal.providers.EpisodeAddress;
import dev.kanal.providers.EpisodeRef;
import dev.kanal.providers.ExternalIds;
import dev.kanal.providers.HosterLink;
import dev.kanal.providers.HosterRegistry;
import dev.kanal.providers.Language;
import dev.kanal.providers.Providers;
import dev.kanal.providers.SeasonRef;
import dev.kanal.providers.Site;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleDetail;
import dev.kanal.providers.TitleKind;
import dev.kanal.providers.TitleRef;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Catalog and Torznab benchmark: boots the real Kanal on a generated catalog of 20,000 titles
 * (~400,000 episodes) built by the real crawler from generated sites, then measures p50/p99 of
 * Torznab search, tvsearch season+episode, season-only and absolute queries at 1 and 32 concurrent
 * clients, with GET /health interleaved in the same run as the floor. Prints disk size and heap.
 * BENCH_WARMUP (default 1000) requests of each type warm the JIT first, none of them a measured URL.
 * Run with bench/catalog/run.sh; not a test (no assertions on timing).
 */
public class CatalogBench {
    static final int SEED = 42;
    static final String KEY = "bench-api-key-0123456789";
    static final String[] WORDS = ("shadow blade crimson academy hero dragon moon star night garden city ocean fire "
            + "ice storm wolf spirit quest kingdom legend chronicle tale saga rising fallen silent broken golden silver "
            + "iron hidden lost secret last first eternal wild dark bright little great red blue black white green "
            + "summer winter spring autumn river mountain forest island tower castle school club project code game "
            + "world dream memory heart soul sword magic witch knight prince princess king queen demon angel ghost "
            + "hunter slayer runner rider pilot doctor detective family brothers sisters friends lovers").split(" ");

    record Gen(SiteId site, String slug, String title, int year, TitleKind kind, int[] seasons, Set<Language> langs) {}

    /** A site whose catalogue is generated deterministically; detail pages are instant. */
    static final class GeneratedSite implements Site {
        final SiteId id;
        final List<Gen> titles;
        final Map<String, Gen> bySlug = new HashMap<>();

        GeneratedSite(SiteId id, List<Gen> titles) {
            this.id = id;
            this.titles = titles;
            titles.forEach(t -> bySlug.put(t.slug(), t));
        }

        public SiteId id() { return id; }

        public void titles(Consumer<TitleRef> sink) {
            for (Gen g : titles) sink.accept(ref(g));
        }

        static TitleRef ref(Gen g) {
            List<String> alts = g.site() == SiteId.STO ? List.of(alternative(g), searchText(g)) : List.of(alternative(g));
            return new TitleRef(g.site(), g.slug(), g.title(), alts, g.year(), g.kind(),
                    ExternalIds.NONE, null);
        }

        public TitleDetail detail(String slug) {
            Gen g = bySlug.get(slug);
            List<SeasonRef> seasons = new ArrayList<>();
            for (int s = 0; s < g.seasons().length; s++) {
                List<EpisodeRef> eps = new ArrayList<>();
                for (int e = 1; e <= g.seasons()[s]; e++) eps.add(new EpisodeRef(s + 1, e, "Folge " + e, "Episode " + e, g.langs()));
                seasons.add(new SeasonRef(s + 1, eps));
            }
            return new TitleDetail(ref(g), null, seasons);
        }

        public List<HosterLink> hosterLinks(EpisodeAddress e) { return List.of(); }
        public URI resolveLinkOut(HosterLink l) { return l.linkOut(); }
        public List<TitleRef> search(String q) { return List.of(); }
    }

    public static void main(String[] args) throws Exception {
        int requestsPerType = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1; // 3: 60,000 titles, ~1.2 M episodes
        Random rnd = new Random(SEED);
        Map<SiteId, List<Gen>> gen = generate(rnd, scale);
        long episodes = gen.values().stream().flatMap(List::stream)
                .mapToLong(g -> g.kind() == TitleKind.MOVIE ? 1 : Arrays.stream(g.seasons()).sum()).sum();
        System.out.printf("generated titles=%d episodes=%d%n", gen.values().stream().mapToInt(List::size).sum(), episodes);

        Path dir = Files.createTempDirectory("kanal-bench");
        Map<String, String> env = new HashMap<>(Map.of("KANAL_PORT", "0", "KANAL_HOST", "127.0.0.1",
                "KANAL_DATA_DIR", dir.resolve("data").toString(), "KANAL_DOWNLOAD_DIR", dir.resolve("dl").toString(),
                "KANAL_API_KEY", KEY, "KANAL_QBIT_PASSWORD", "bench", "KANAL_SKYHOOK_URL", "http://127.0.0.1:9",
                "KANAL_CATALOG_CONCURRENCY", "16", "KANAL_LOG_LEVEL", "warn"));
        ConfigValues values = new ConfigLoader(env).load(Optional.empty());
        new SecretStore(dir.resolve("data")).fill(values);
        List<Site> sites = new ArrayList<>();
        gen.forEach((id, list) -> sites.add(new GeneratedSite(id, list)));
        long t0 = System.nanoTime();
        try (Application app = Wiring.start(KanalConfig.from(values),
                Wiring.Overrides.none().withProviders(new Providers(sites, new HosterRegistry(List.of()))))) {
            HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            String base = "http://127.0.0.1:" + app.port();
            while (!get(http, base + "/health/catalog").contains("\"ready\":true")) Thread.sleep(500);
            System.out.printf("bootstrap (titles + details of every site) took %.1f s%n", (System.nanoTime() - t0) / 1e9);
            // measure a quiet catalog: wait for the mapping stage (SkyHook is unreachable here) to finish too
            while (get(http, base + "/health/catalog").contains("\"state\":\"running\"")) Thread.sleep(500);
            System.out.printf("every stage settled after %.1f s%n", (System.nanoTime() - t0) / 1e9);

            if (requestsPerType == 0) { // the size run: bootstrap, disk and memory only
                report(dir);
                return;
            }
            Map<String, List<String>> queries = queries(gen, rnd, base);
            for (String q : List.of("search", "tvsearch_season_ep", "tvsearch_season", "alt_search", "search_text", "absolute")) {
                String body = get(http, queries.get(q).getFirst());
                int items = body.split("<item>", -1).length - 1;
                System.out.printf("sample %-20s items=%d%n", q, items);
            }
            for (String q : List.of("search", "alt_search", "search_text")) {
                List<String> urls = queries.get(q);
                int empty = 0;
                int wrong = 0;
                for (int i = 0; i < 200; i++) {
                    String body = get(http, urls.get(i));
                    if (!body.contains("<item>")) empty++;
                    else if (!body.contains("kanal_slug=" + EXPECTED.get(urls.get(i)) + "&")) wrong++;
                }
                System.out.printf("%-20s %d of 200 find nothing, %d find only other titles%n", q, empty, wrong);
            }
            for (int clients : new int[] {1, 32}) run(http, queries, clients, requestsPerType);
            report(dir);
        }
    }

    static void report(Path dir) throws Exception {
        Path db = dir.resolve("data").resolve("kanal.sqlite");
        long wal = sizeOr0(db.resolveSibling("kanal.sqlite-wal"));
        long size = Files.size(db) + wal;
        System.gc();
        Thread.sleep(500);
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf("catalog disk size: %.1f MB = %.1f MiB (sqlite + wal; the wal alone %.1f MiB)%n", size / 1e6,
                size / 1048576.0, wal / 1048576.0);
        System.out.printf("heap used after GC: %.1f MB, max heap %.0f MB (whole process: Kanal + benchmark client)%n",
                heap.getUsed() / 1e6, heap.getMax() / 1e6);
        Path status = Path.of("/proc/self/status");
        if (Files.exists(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) System.out.println(line.replaceAll("\\s+", " "));
            }
        }
    }

    static long sizeOr0(Path p) throws Exception {
        return Files.exists(p) ? Files.size(p) : 0;
    }

    static Map<SiteId, List<Gen>> generate(Random rnd, int scale) {
        Map<SiteId, List<Gen>> out = new LinkedHashMap<>();
        Map<String, Boolean> used = new HashMap<>();
        int[][] plan = {{7000, 0}, {8000, 0}, {5000, 1}}; // aniworld series, sto series, megakino films
        SiteId[] ids = {SiteId.ANIWORLD, SiteId.STO, SiteId.MEGAKINO};
        for (int i = 0; i < ids.length; i++) {
            List<Gen> list = new ArrayList<>();
            for (int n = 0; n < plan[i][0] * scale; n++) {
                String title;
                do {
                    int words = 2 + rnd.nextInt(3);
                    StringBuilder sb = new StringBuilder();
                    for (int w = 0; w < words; w++) {
                        String word = WORDS[rnd.nextInt(WORDS.length)];
                        sb.append(w == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                    }
                    title = sb.toString();
                } while (used.putIfAbsent(title.toLowerCase(Locale.ROOT), true) != null);
                String slug = (ids[i] == SiteId.MEGAKINO ? (1000 + n) + "-" : "") + title.toLowerCase(Locale.ROOT).replace(' ', '-');
                int year = 1980 + rnd.nextInt(45);
                if (plan[i][1] == 1) {
                    list.add(new Gen(ids[i], slug, title, year, TitleKind.MOVIE, new int[0], Set.of(Language.GERMAN_DUB)));
                } else {
                    int seasonCount = 1 + rnd.nextInt(3);
                    int[] seasons = new int[seasonCount];
                    for (int s = 0; s < seasonCount; s++) seasons[s] = 6 + rnd.nextInt(15);
                    Set<Language> langs = ids[i] == SiteId.ANIWORLD && rnd.nextBoolean()
                            ? EnumSet.of(Language.GERMAN_SUB, Language.GERMAN_DUB) : EnumSet.of(Language.GERMAN_DUB);
                    list.add(new Gen(ids[i], slug, title, year, TitleKind.SERIES, seasons, langs));
                }
            }
            out.put(ids[i], list);
        }
        return out;
    }

    /** A German-style alternative title in upper case, as s.to's search text carries them ("DIE NACHT DES DRACHEN"). */
    static String alternative(Gen g) {
        String[] words = g.title().split(" ");
        StringBuilder sb = new StringBuilder("Die");
        for (int i = words.length - 1; i >= 0; i--) sb.append(' ').append(words[i]);
        return sb.append(" Chroniken").toString().toUpperCase(Locale.ROOT);
    }

    /** Another name found only inside s.to's search text, as English names of German titles are. */
    static String englishName(Gen g) {
        String[] words = g.title().split(" ");
        StringBuilder sb = new StringBuilder("The");
        for (int i = 1; i < words.length; i++) sb.append(' ').append(words[i]);
        return sb.append(' ').append(words[0]).append(" Saga").toString();
    }

    /** s.to's data-search: the title and its alternatives as one lower-case run. */
    static String searchText(Gen g) {
        return (g.title() + " " + englishName(g) + " " + alternative(g)).toLowerCase(Locale.ROOT);
    }

    /** The slug each text-search URL is meant to find. */
    static final Map<String, String> EXPECTED = new HashMap<>();

    static String expect(String url, Gen g) {
        EXPECTED.put(url, g.slug());
        return url;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Map<String, List<String>> queries(Map<SiteId, List<Gen>> gen, Random rnd, String base) {
        String api = base + "/torznab/api?apikey=" + KEY + "&extended=1&";
        List<Gen> series = new ArrayList<>(gen.get(SiteId.ANIWORLD));
        series.addAll(gen.get(SiteId.STO));
        List<Gen> anime = gen.get(SiteId.ANIWORLD);
        List<Gen> all = new ArrayList<>(series);
        all.addAll(gen.get(SiteId.MEGAKINO));
        Map<String, List<String>> q = new LinkedHashMap<>();
        List<String> alt = new ArrayList<>();
        List<String> inSearchText = new ArrayList<>();
        List<Gen> sto = gen.get(SiteId.STO);
        List<String> search = new ArrayList<>(), se = new ArrayList<>(), season = new ArrayList<>(), abs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Gen g = all.get(rnd.nextInt(all.size()));
            search.add(expect(api + "t=search&q=" + enc(g.kind() == TitleKind.MOVIE ? g.title() + " " + g.year() : g.title()), g));
            Gen a1 = all.get(rnd.nextInt(all.size()));
            alt.add(expect(api + "t=search&q=" + enc(alternative(a1)), a1));
            Gen st = sto.get(rnd.nextInt(sto.size()));
            inSearchText.add(expect(api + "t=search&q=" + enc(englishName(st)), st));
            Gen s = series.get(rnd.nextInt(series.size()));
            int sn = 1 + rnd.nextInt(s.seasons().length);
            se.add(api + "t=tvsearch&cat=5000,5070&q=" + enc(s.title()) + "&season=" + sn + "&ep=" + (1 + rnd.nextInt(s.seasons()[sn - 1])));
            season.add(api + "t=tvsearch&cat=5000,5070&q=" + enc(s.title()) + "&season=" + sn);
            Gen a = anime.get(rnd.nextInt(anime.size()));
            int total = Arrays.stream(a.seasons()).sum();
            abs.add(api + "t=search&cat=5070&q=" + enc(a.title() + " " + String.format("%02d", 1 + rnd.nextInt(total))));
        }
        q.put("search", search);
        q.put("tvsearch_season_ep", se);
        q.put("tvsearch_season", season);
        q.put("alt_search", alt);
        q.put("search_text", inSearchText);
        q.put("absolute", abs);
        q.put("health", List.of(base + "/health"));
        return q;
    }

    /** Every URL requested so far: a measured request is "first" when its URL was never asked before. */
    static final Set<String> ASKED = ConcurrentHashMap.newKeySet();

    static String get(HttpClient http, String url) throws Exception {
        ASKED.add(url);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + url);
        return r.body();
    }

    static void run(HttpClient http, Map<String, List<String>> queries, int clients, int perType) throws Exception {
        List<String> types = new ArrayList<>(queries.keySet());
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, List<Long>> firsts = new ConcurrentHashMap<>(); // requests whose URL was never asked before
        types.forEach(t -> latencies.put(t, new CopyOnWriteArrayList<>()));
        types.forEach(t -> firsts.put(t, new CopyOnWriteArrayList<>()));
        int total = perType * types.size();
        var counter = new java.util.concurrent.atomic.AtomicInteger();
        // warm-up: enough requests for the JIT to compile the request path before anything is measured, taken
        // from the end of each list so that the measured requests (from its start) stay first-time questions
        int warmup = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "1000"));
        for (int i = 0; i < warmup; i++) {
            for (String t : types) {
                List<String> list = queries.get(t);
                get(http, list.get(list.size() - 1 - (i % list.size())));
            }
        }
        long started = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    int n;
                    while ((n = counter.getAndIncrement()) < total) {
                        String type = types.get(n % types.size()); // interleaved: /health in the same stream
                        List<String> list = queries.get(type);
                        String url = list.get((n / types.size()) % list.size());
                        boolean first = !ASKED.contains(url);
                        long t = System.nanoTime();
                        get(http, url);
                        long took = System.nanoTime() - t;
                        latencies.get(type).add(took);
                        if (first) firsts.get(type).add(took);
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%n== %d concurrent client(s): %d requests in %.1f s (%.0f req/s)%n", clients, total, seconds, total / seconds);
        System.out.printf("%-20s %8s %8s %8s   %s%n", "type", "p50 ms", "p99 ms", "n",
                "(of these, never asked before: p50 p99 n)");
        for (String t : types) {
            long[] sorted = latencies.get(t).stream().mapToLong(Long::longValue).sorted().toArray();
            long[] first = firsts.get(t).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%-20s %8.2f %8.2f %8d   %8.2f %8.2f %8d%n", t, pct(sorted, 0.50), pct(sorted, 0.99),
                    sorted.length, pct(first, 0.50), pct(first, 0.99), first.length);
        }
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
