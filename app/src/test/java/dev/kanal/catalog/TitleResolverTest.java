package dev.kanal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The resolver against a labelled set of queries shaped like Sonarr's scene titles, Radarr's
 * "Title Year", Prowlarr's text searches and sequel spellings ({@code resolver-cases.tsv}) over a
 * catalog of real titles on all three sites ({@code resolver-titles.psv}).
 */
class TitleResolverTest {
    static final Set<SiteId> ALL = EnumSet.allOf(SiteId.class);
    static List<String[]> titles;
    static TitleResolver resolver;

    @BeforeAll
    static void load() throws Exception {
        titles = lines("/catalog/resolver-titles.psv", "\\|");
        List<WorkNames.Name> names = new ArrayList<>();
        for (int id = 0; id < titles.size(); id++) {
            String[] t = titles.get(id);
            SiteId site = SiteId.fromId(t[0]).orElseThrow();
            TitleKind kind = TitleKind.valueOf(t[2].toUpperCase(Locale.ROOT));
            Integer year = Integer.valueOf(t[3]);
            Integer tvdb = t.length > 6 && !t[6].isBlank() ? Integer.valueOf(t[6]) : null;
            Integer season = t.length > 7 && !t[7].isBlank() ? Integer.valueOf(t[7]) : null;
            List<String> all = new ArrayList<>(List.of(t[4]));
            if (t.length > 5) all.addAll(List.of(t[5].split(";")));
            if (t.length > 8) all.addAll(List.of(t[8].split(";"))); // what stage 3 stores from SkyHook
            for (String name : all) {
                if (!name.isBlank()) names.add(WorkNames.Name.of(id, site, kind, year, name, t[4], tvdb, season));
            }
        }
        List<TitleIndex.Entry> entries = WorkNames.entries(names);
        resolver = new TitleResolver(() -> entries, List.of(SiteId.ANIWORLD, SiteId.STO, SiteId.MEGAKINO));
        resolver.rebuild();
    }

    static List<String[]> lines(String resource, String separator) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                TitleResolverTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(line.split(separator, -1));
            }
        }
        return out;
    }

    private static String resolve(String query, String kind) {
        TitleKind k = switch (kind) {
            case "series" -> TitleKind.SERIES;
            case "movie" -> TitleKind.MOVIE;
            default -> null;
        };
        return resolver.best(query, ALL, k).map(m -> {
            String[] t = titles.get(m.titleId());
            return t[0] + ":" + t[1];
        }).orElse("-");
    }

    @Test
    void top_1_accuracy_is_at_least_97_percent_and_false_positives_at_most_2_percent() throws Exception {
        List<String[]> cases = lines("/catalog/resolver-cases.tsv", "\t");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(500);
        List<String> wrong = new ArrayList<>();
        int falsePositives = 0;
        int negatives = 0;
        for (String[] c : cases) {
            String got = resolve(c[0], c[2]);
            if (c[1].equals("-")) negatives++;
            if (got.equals(c[1])) continue;
            wrong.add("'" + c[0] + "' (" + c[3] + "): expected " + c[1] + " got " + got);
            if (!got.equals("-")) falsePositives++; // a title answered that is not the one asked for
        }
        double accuracy = 1.0 - (double) wrong.size() / cases.size();
        double falsePositiveRate = (double) falsePositives / cases.size();
        System.out.printf(Locale.ROOT,
                "resolver top-1 accuracy: %.2f%% over %d cases (%d must not match); false positives %.2f%%; misses: %s%n",
                accuracy * 100, cases.size(), negatives, falsePositiveRate * 100, wrong);
        assertThat(accuracy).as("misses: %s", wrong).isGreaterThanOrEqualTo(0.97);
        assertThat(falsePositiveRate).as("misses: %s", wrong).isLessThanOrEqualTo(0.02);
    }

    @Test
    void closest_is_resolve_cut_to_the_same_title_for_every_labelled_query() throws Exception {
        // Torznab asks for the closest titles only, skipping names that cannot be among them: same answer
        for (String[] c : lines("/catalog/resolver-cases.tsv", "\t")) {
            for (TitleKind kind : new TitleKind[] {null, TitleKind.SERIES, TitleKind.MOVIE}) {
                var all = resolver.resolve(c[0], ALL, kind);
                var cut = all.isEmpty() ? all : all.stream()
                        .filter(m -> m.score() >= all.getFirst().score() - TitleResolver.SAME_TITLE).toList();
                assertThat(resolver.closest(c[0], ALL, kind)).as(c[0] + " " + kind).isEqualTo(cut);
                // with a floor: the same, among the matches scoring at least that much
                double floor = all.isEmpty() ? 0.9 : all.getFirst().score();
                var above = all.stream().filter(m -> m.score() >= floor).toList();
                var aboveCut = above.isEmpty() ? above : above.stream()
                        .filter(m -> m.score() >= above.getFirst().score() - TitleResolver.SAME_TITLE).toList();
                assertThat(resolver.closest(c[0], ALL, kind, floor)).as(c[0] + " " + kind + " >= " + floor)
                        .isEqualTo(aboveCut);
                assertThat(resolver.closest(c[0], ALL, kind, floor + 1e-6)).as(c[0] + " above its best").isEmpty();
            }
        }
    }

    @Test
    void ties_across_sites_follow_the_site_order() {
        var matches = resolver.resolve("Death Note", ALL, null);
        assertThat(matches).hasSize(2);
        assertThat(matches.get(0).site()).isEqualTo(SiteId.ANIWORLD);
        assertThat(matches.get(1).site()).isEqualTo(SiteId.STO);
        var stoFirst = new TitleResolver(() -> List.of(
                new TitleIndex.Entry(1, SiteId.ANIWORLD, TitleKind.SERIES, 2006, "death note"),
                new TitleIndex.Entry(2, SiteId.STO, TitleKind.SERIES, 2006, "death note")),
                List.of(SiteId.STO, SiteId.ANIWORLD));
        stoFirst.rebuild();
        assertThat(stoFirst.best("Death Note", ALL, null).orElseThrow().site()).isEqualTo(SiteId.STO);
    }

    @Test
    void a_query_made_only_of_common_words_still_finds_the_name_holding_them() {
        // in a large catalog every word of "The Dawn Last Saga" stands in thousands of names: those
        // holding all of them are still scored, so s.to's search text that carries the run is found
        List<TitleIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 4_500; i++) {
            entries.add(new TitleIndex.Entry(i, SiteId.ANIWORLD, TitleKind.SERIES, 2000, "last dawn saga " + word(i)));
        }
        int target = 10_000;
        entries.add(new TitleIndex.Entry(target, SiteId.STO, TitleKind.SERIES, 2010, "kingdom quest"));
        entries.add(new TitleIndex.Entry(target, SiteId.STO, TitleKind.SERIES, 2010,
                "kingdom quest dawn last saga kingdom of dawn", true, null));
        var large = new TitleResolver(() -> entries, List.of(SiteId.ANIWORLD, SiteId.STO, SiteId.MEGAKINO));
        large.rebuild();
        assertThat(large.best("The Dawn Last Saga", ALL, null).orElseThrow().titleId()).isEqualTo(target);
    }

    private static String word(int i) {
        StringBuilder sb = new StringBuilder();
        for (int n = i + 1; n > 0; n /= 26) sb.append((char) ('a' + n % 26));
        return sb.append("x").toString();
    }

    @Test
    void only_the_given_sites_are_searched() {
        assertThat(resolver.best("Death Note", EnumSet.of(SiteId.STO), null).orElseThrow().site()).isEqualTo(SiteId.STO);
        assertThat(resolver.best("Inception", EnumSet.of(SiteId.ANIWORLD), null)).isEmpty();
    }

    @Test
    void queries_are_taken_apart_into_year_and_sequel() {
        TitleQuery q = TitleQuery.parse("Attack on Titan Season 2");
        assertThat(q.season()).isEqualTo(2);
        assertThat(q.variants()).containsExactly("attack on titan season 2", "attack on titan");
        assertThat(TitleQuery.parse("Overlord III").season()).isEqualTo(3);
        assertThat(TitleQuery.parse("My Hero Academia 2nd Season").season()).isEqualTo(2);
        assertThat(TitleQuery.parse("Dune (2021)").year()).isEqualTo(2021);
        assertThat(TitleNormalizer.key("The Rising of the Shield Hero")).isEqualTo("rising of the shield hero");
        assertThat(TitleNormalizer.key("Law & Order: SVU")).isEqualTo("law and order svu");
        assertThat(TitleNormalizer.key("Fack ju Göhte")).isEqualTo("fack ju goehte");
        assertThat(TitleNormalizer.key("Grey's Anatomy")).isEqualTo("greys anatomy");
    }
}
