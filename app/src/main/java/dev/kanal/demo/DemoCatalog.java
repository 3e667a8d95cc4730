package dev.kanal.demo;

import dev.kanal.providers.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the demo site offers: a handful of invented, copyright-free anime series with seasons,
 * films and several languages, plus one film for the Megakino side. Every hoster link gets a
 * stable number, used for {@code /redirect/<id>} and the hoster embed codes.
 */
public final class DemoCatalog {
    /** The demo's hosters: VOE serves the HLS rendition, Streamtape the MP4 file. */
    public enum DemoHoster {
        VOE("VOE"), STREAMTAPE("Streamtape");

        private final String label;

        DemoHoster(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One episode; season 0 episodes are the series' films ({@code /filme/film-N}). */
    public record Episode(int season, int number, String titleDe, String titleEn, Set<Language> languages) {}

    /** One series with its TVDB id as the demo's SkyHook knows it. */
    public record Series(String slug, String title, List<String> alternatives, int year, int tvdbId,
            String description, List<Episode> episodes) {
        /** Season numbers in order, 0 (films) first when present. */
        public List<Integer> seasons() {
            return episodes.stream().map(Episode::season).distinct().sorted().toList();
        }

        public List<Episode> season(int number) {
            return episodes.stream().filter(e -> e.season() == number).toList();
        }
    }

    /** One hoster link of one episode (or of the film when {@code series} is null). */
    public record Link(int id, Series series, Episode episode, Language language, DemoHoster hoster) {
        /** The embed code; its prefix names the hoster so the embed route knows which page to serve. */
        public String code() {
            return (hoster == DemoHoster.VOE ? "voe" : "st") + id;
        }

        public boolean movie() {
            return series == null;
        }
    }

    /** The Megakino film. */
    public record Film(String slug, String title, String originalTitle, int year, String description) {}

    private static final Set<Language> ALL = Set.of(Language.GERMAN_DUB, Language.GERMAN_SUB, Language.ENGLISH_SUB);
    private static final Set<Language> DUB_AND_SUB = Set.of(Language.GERMAN_DUB, Language.GERMAN_SUB);
    private static final Set<Language> SUBS = Set.of(Language.GERMAN_SUB, Language.ENGLISH_SUB);
    private static final Set<Language> DUB = Set.of(Language.GERMAN_DUB);

    private final List<Series> series;
    private final Film film;
    private final List<Link> links;

    private DemoCatalog(List<Series> series, Film film) {
        this.series = List.copyOf(series);
        this.film = film;
        List<Link> all = new ArrayList<>();
        for (Series s : series) {
            for (Episode e : s.episodes()) {
                for (Language l : order(e.languages())) {
                    for (DemoHoster h : hostersFor(l)) all.add(new Link(all.size() + 1, s, e, l, h));
                }
            }
        }
        for (DemoHoster h : DemoHoster.values()) {
            all.add(new Link(all.size() + 1, null, null, Language.GERMAN_DUB, h));
        }
        this.links = List.copyOf(all);
    }

    /**
     * German Dub is offered by both hosters (VOE first, as on the real site), German Sub only by VOE
     * and English Sub only by Streamtape, so each hoster kind is reachable on its own.
     */
    static List<DemoHoster> hostersFor(Language language) {
        return switch (language) {
            case GERMAN_DUB -> List.of(DemoHoster.VOE, DemoHoster.STREAMTAPE);
            case GERMAN_SUB -> List.of(DemoHoster.VOE);
            case ENGLISH_SUB, ENGLISH_DUB -> List.of(DemoHoster.STREAMTAPE);
        };
    }

    private static List<Language> order(Set<Language> languages) {
        return List.of(Language.values()).stream().filter(languages::contains).toList();
    }

    /** The fixed demo catalog. */
    public static DemoCatalog standard() {
        List<Series> series = List.of(
                new Series("sternenfaenger-akademie", "Sternenfänger Akademie", List.of("Star Catcher Academy"),
                        2019, 9_100_001, "Eine Schule für junge Astronomen, die Sternschnuppen einfangen.",
                        List.of(
                                new Episode(0, 1, "Der Kometenfilm", "The Comet Movie", ALL),
                                new Episode(1, 1, "Der erste Schultag", "The First Day", ALL),
                                new Episode(1, 2, "Das Teleskop", "The Telescope", ALL),
                                new Episode(1, 3, "Nachtwache", "Night Watch", ALL),
                                new Episode(2, 1, "Neue Sterne", "New Stars", ALL),
                                new Episode(2, 2, "Die Sonnenfinsternis", "The Eclipse", DUB_AND_SUB))),
                new Series("die-laternenwaechter", "Die Laternenwächter", List.of("The Lantern Keepers"),
                        2021, 9_100_002, "Zwei Geschwister hüten die Laternen einer Hafenstadt.",
                        List.of(
                                new Episode(1, 1, "Das erste Licht", "The First Light", DUB_AND_SUB),
                                new Episode(1, 2, "Nebel im Hafen", "Fog in the Harbour", DUB_AND_SUB),
                                new Episode(1, 3, "Der Leuchtturm", "The Lighthouse", DUB_AND_SUB),
                                new Episode(1, 4, "Sturmnacht", "Storm Night", DUB_AND_SUB))),
                new Series("pixel-ronin", "Pixel Ronin", List.of("Pikseru Ronin"), 2022, 9_100_003,
                        "Ein wandernder Schwertkämpfer in einer Welt aus acht Bit.",
                        List.of(
                                new Episode(1, 1, "Level Eins", "Level One", SUBS),
                                new Episode(1, 2, "Der Endgegner", "The Boss", SUBS),
                                new Episode(1, 3, "Neues Spiel", "New Game", SUBS))),
                new Series("kleiner-drache-mochi", "Kleiner Drache Mochi", List.of("Little Dragon Mochi"), 2018,
                        9_100_004, "Ein Drache, der lieber backt als Feuer speit.",
                        List.of(
                                new Episode(1, 1, "Das Ei", "The Egg", DUB),
                                new Episode(1, 2, "Der erste Flug", "First Flight", DUB),
                                new Episode(2, 1, "Die Backstube", "The Bakery", DUB),
                                new Episode(2, 2, "Das Fest", "The Festival", DUB))),
                new Series("orbit-baeckerei", "Orbit Bäckerei", List.of("Orbit Bakery"), 2023, 9_100_005,
                        "Eine Bäckerei auf einer Raumstation.",
                        List.of(
                                new Episode(1, 1, "Schwereloser Teig", "Weightless Dough", ALL),
                                new Episode(1, 2, "Lieferung zum Mond", "Delivery to the Moon", ALL))));
        Film film = new Film("1001-big-buck-bunny", "Big Buck Bunny", "Big Buck Bunny", 2008,
                "Ein großes Kaninchen und drei freche Nager (Blender Foundation, CC BY 3.0).");
        return new DemoCatalog(series, film);
    }

    public List<Series> series() {
        return series;
    }

    public Optional<Series> series(String slug) {
        return series.stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    public Film film() {
        return film;
    }

    public List<Link> links() {
        return links;
    }

    public Optional<Link> link(int id) {
        return id >= 1 && id <= links.size() ? Optional.of(links.get(id - 1)) : Optional.empty();
    }

    /** A link by its embed code ({@code voe7}, {@code st8}). */
    public Optional<Link> byCode(String code) {
        return links.stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** The links of one episode, in site order. */
    public List<Link> linksOf(Series s, Episode e) {
        return links.stream().filter(l -> l.series() == s && l.episode() == e).toList();
    }

    public List<Link> filmLinks() {
        return links.stream().filter(Link::movie).toList();
    }
}
