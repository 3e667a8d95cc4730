package dev.kanal.providers.testing;

import dev.kanal.providers.Language;
import java.util.List;
import java.util.Set;

/**
 * A small, consistent catalogue the fake sites serve: the same shows appear in the catalogue, on
 * their pages, in search and behind their link-outs, so app tests can walk the whole chain.
 */
public record FakeCatalog(List<Show> shows) {
    public FakeCatalog {
        shows = List.copyOf(shows);
    }

    /** A title. Megakino slugs are {@code <id>-<slug>}; a movie has no seasons. */
    public record Show(String slug, String title, List<String> altTitles, int year, String imdb,
            boolean movie, List<Season> seasons) {
        public Show {
            altTitles = List.copyOf(altTitles);
            seasons = List.copyOf(seasons);
        }

        public Season season(int number) {
            return seasons.stream().filter(s -> s.number() == number).findFirst().orElseThrow();
        }
    }

    /** A season (0 = films/specials on AniWorld). */
    public record Season(int number, List<Episode> episodes) {
        public Season {
            episodes = List.copyOf(episodes);
        }
    }

    /** An episode with the languages it is offered in; every language gets every hoster. */
    public record Episode(int number, String titleDe, String titleEn, Set<Language> languages, List<String> hosters) {
        public Episode {
            languages = Set.copyOf(languages);
            hosters = List.copyOf(hosters);
        }
    }

    public Show show(String slug) {
        return shows.stream().filter(s -> s.slug().equals(slug)).findFirst().orElseThrow();
    }

    /** Two anime: one with two seasons and a film, one with a single season and German subs only. */
    public static FakeCatalog anime() {
        return new FakeCatalog(List.of(
                new Show("kanal-chronicles", "Kanal Chronicles", List.of("Kanaru Kuronikuru", "カナル"), 2019,
                        "tt0000101", false, List.of(
                        new Season(0, List.of(new Episode(1, "", "Kanal Chronicles: The Movie [Movie]",
                                Set.of(Language.GERMAN_SUB), List.of("VOE")))),
                        new Season(1, List.of(
                                new Episode(1, "Der Anfang", "The Beginning",
                                        Set.of(Language.GERMAN_DUB, Language.GERMAN_SUB, Language.ENGLISH_SUB),
                                        List.of("VOE", "Filemoon")),
                                new Episode(2, "Die Reise", "The Journey",
                                        Set.of(Language.GERMAN_DUB, Language.GERMAN_SUB), List.of("VOE")))),
                        new Season(2, List.of(new Episode(1, "Rückkehr", "Return",
                                Set.of(Language.GERMAN_SUB), List.of("Vidmoly")))))),
                new Show("quiet-harbor", "Quiet Harbor", List.of(), 2023, null, false, List.of(
                        new Season(1, List.of(new Episode(1, "Hafen", "Harbor",
                                Set.of(Language.GERMAN_SUB), List.of("VOE")))))))
        );
    }

    /** Two series for s.to, one with a placeholder ("Provider") hoster. */
    public static FakeCatalog series() {
        return new FakeCatalog(List.of(
                new Show("deep-shelter", "Deep Shelter", List.of("Tiefer Bunker"), 2023, "tt0000202", false, List.of(
                        new Season(1, List.of(
                                new Episode(1, "Freiheit", "Freedom",
                                        Set.of(Language.GERMAN_DUB, Language.ENGLISH_DUB), List.of("VOE", "Provider")),
                                new Episode(2, "Die Lüge", "The Lie",
                                        Set.of(Language.GERMAN_DUB), List.of("VOE")))),
                        new Season(2, List.of(new Episode(1, "Neu", "New",
                                Set.of(Language.GERMAN_SUB), List.of("Doodstream")))))),
                new Show("its-fine", "It's Fine", List.of(), 2021, null, false, List.of(
                        new Season(1, List.of(new Episode(1, "Alles gut", "All Good",
                                Set.of(Language.ENGLISH_DUB), List.of("VOE")))))))
        );
    }

    /** A film and a serial season for Megakino. */
    public static FakeCatalog movies() {
        return new FakeCatalog(List.of(
                new Show("5920-example-movie", "Example Movie", List.of("Exemple"), 2024, null, true, List.of()),
                new Show("5881-example-show-2-staffel", "Example Show - 2. Staffel", List.of(), 2022, null, false,
                        List.of(new Season(2, List.of(
                                new Episode(1, "Episode 1", null, Set.of(Language.GERMAN_DUB), List.of("VOE", "GXPlayer")),
                                new Episode(2, "Episode 2", null, Set.of(Language.GERMAN_DUB), List.of("VOE"))))))));
    }
}
