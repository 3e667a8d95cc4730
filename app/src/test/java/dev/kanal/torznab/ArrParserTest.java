package dev.kanal.torznab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kanal.Json;
import dev.kanal.catalog.Release;
import dev.kanal.download.FileNames;
import dev.kanal.download.QualityTags;
import dev.kanal.providers.Language;
import dev.kanal.providers.SiteId;
import dev.kanal.providers.TitleKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs Kanal's release names (every language, with and without a known quality, series, anime and
 * films) and the names of downloaded files through {@code @ctrl/video-filename-parser}, a JavaScript
 * port of Radarr's parser, and checks what Sonarr and Radarr will read: German for German audio or
 * subtitles, never German for English releases, the right numbering, title, year and resolution.
 *
 * <p>Where the port and the C# sources differ, the C# sources decide, and the check says which
 * regex (read in Sonarr's and Radarr's {@code src/NzbDrone.Core/Parser/}):
 * <ul>
 *   <li>Language, {@code LanguageParser.cs} {@code LanguageRegex}, group {@code german}: matches
 *       {@code german\b} case-insensitively anywhere in the title. The port first cuts away what
 *       its movie-title parse took as the title; for the anime form without a resolution
 *       ({@code [KANAL] Show - 04 [WEB-DL][German Sub]}) that parse takes the whole name, so the
 *       port says English where both C# parsers say German. {@link #csharpGerman} is that regex.</li>
 *   <li>{@code GER}: Radarr's {@code CaseSensitiveLanguageRegex} has a {@code german} group
 *       ({@code GER}, {@code DEU}, …) but {@code ParseLanguages} never adds it, so Radarr reads the old
 *       {@code .GER-KANAL} films as English; the port agrees (checked below).</li>
 *   <li>Radarr {@code Parser.cs} {@code HardcodedSubsRegex}: {@code SUBBED}, {@code HC} or a word
 *       ending in {@code SUB}/{@code SUBS} marks hard-coded subtitles, which Radarr rejects by
 *       default; the port has no such check, so {@link #HARDCODED_SUBS} checks it here.</li>
 *   <li>Quality, {@code QualityParser.cs}: a {@code WEB-DL} without a resolution is WEBDL-480p in
 *       both parsers and the port alike, which is why the file is named with the measured height.</li>
 * </ul>
 * Skipped only when node is not installed; {@code scripts/test.sh} installs the parser package.
 */
class ArrParserTest {
    static final Path SCRIPT_DIR = Path.of("src", "test", "node", "arr-parser");
    /** Radarr's and Sonarr's {@code LanguageRegex} {@code german} alternative, as a regex of its own. */
    static final Pattern CSHARP_GERMAN = Pattern.compile("german\\b|videomann|ger[. ]dub", Pattern.CASE_INSENSITIVE);
    /** Radarr {@code Parser.cs} {@code HardcodedSubsRegex}, as a regex of its own. */
    static final Pattern HARDCODED_SUBS = Pattern.compile(
            "\\b((\\w+(?<!SOFT|MULTI|HORRIBLE)SUBS?)|(HC|SUBBED))\\b", Pattern.CASE_INSENSITIVE);

    static final ReleaseNamer NAMER = new ReleaseNamer("KANAL");
    static Path node;

    @BeforeAll
    static void findNode() {
        node = java.util.stream.Stream.of("/usr/bin/node", "/usr/local/bin/node").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(node != null, "node is not installed: the Radarr-style parser check needs it (scripts/test.sh)");
        assertThat(SCRIPT_DIR.resolve("node_modules/@ctrl/video-filename-parser")).as(
                "the parser package is not installed: run `npm ci` in app/src/test/node/arr-parser"
                        + " (scripts/test.sh does it)").exists();
    }

    static boolean csharpGerman(String name) {
        return CSHARP_GERMAN.matcher(name).find();
    }

    private static Release episode(String title, int season, int episode, Integer absolute, Language l, Integer height,
            String codec) {
        return new Release(1, SiteId.ANIWORLD, "x", TitleKind.SERIES, title, 2023, null, null, null, season, episode,
                season, episode, absolute, l, Instant.EPOCH, height, codec, null, null, null);
    }

    private static Release movie(String title, int year, Language l, Integer height) {
        return new Release(2, SiteId.MEGAKINO, "1-x", TitleKind.MOVIE, title, year, null, null, null, 0, 0, 0, 0,
                null, l, Instant.EPOCH, height, height == null ? null : "h264", null, null, null);
    }

    /** What the port read from each name. */
    static Map<String, JsonNode> parse(Map<String, Boolean> namesAndTv) throws IOException, InterruptedException {
        List<Map<String, Object>> in = new ArrayList<>();
        namesAndTv.forEach((n, tv) -> in.add(Map.of("name", n, "tv", tv)));
        Process p = new ProcessBuilder(node.toString(), "parse.mjs").directory(SCRIPT_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var stdin = p.getOutputStream()) {
            stdin.write(Json.mapper().writeValueAsBytes(in));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode r : Json.mapper().readTree(out)) byName.put(r.path("name").asText(), r);
        return byName;
    }

    private static List<String> languages(JsonNode r) {
        List<String> out = new ArrayList<>();
        r.path("languages").forEach(l -> out.add(l.asText()));
        return out;
    }

    @Test
    void series_names_carry_the_language_numbering_and_quality_the_parsers_read() throws Exception {
        Map<String, Release> names = new LinkedHashMap<>();
        for (Language l : Language.values()) {
            for (Integer height : new Integer[] {null, 720, 1080}) {
                Release r = episode("Frieren: Beyond Journey's End", 2, 7, null, l, height, height == null ? null : "hevc");
                names.put(NAMER.standard(r), r);
            }
        }
        Map<String, Boolean> tv = new LinkedHashMap<>();
        names.keySet().forEach(n -> tv.put(n, true));
        Map<String, JsonNode> parsed = parse(tv);
        names.forEach((name, r) -> {
            JsonNode p = parsed.get(name);
            boolean german = r.language() == Language.GERMAN_DUB || r.language() == Language.GERMAN_SUB;
            assertThat(languages(p).contains("German")).as(name + " → " + p).isEqualTo(german);
            assertThat(csharpGerman(name)).as(name).isEqualTo(german);
            if (r.language() == Language.ENGLISH_DUB) assertThat(languages(p)).as(name).containsExactly("English");
            assertThat(HARDCODED_SUBS.matcher(name).find()).as(name + " looks hard-subbed to Radarr").isFalse();
            assertThat(p.path("title").asText()).isEqualTo("Frieren Beyond Journeys End");
            assertThat(p.path("seasons")).extracting(JsonNode::asInt).containsExactly(2);
            assertThat(p.path("episodes")).extracting(JsonNode::asInt).containsExactly(7);
            assertThat(p.path("sources")).extracting(JsonNode::asText).containsExactly("WEBDL");
            assertThat(p.path("group").asText()).isEqualTo("KANAL");
            String expected = r.height() == null ? "480P" : r.height() + "P"; // no resolution: WEBDL-480p
            assertThat(p.path("resolution").asText()).as(name).isEqualTo(expected);
        });
    }

    @Test
    void film_names_are_german_for_radarr_and_the_old_ger_tag_was_not() throws Exception {
        Release dub = movie("Avengers: Endgame", 2019, Language.GERMAN_DUB, null);
        Release sub = movie("Das Boot", 1981, Language.GERMAN_SUB, 2160);
        Release english = movie("Inception", 2010, Language.ENGLISH_DUB, 1080);
        String old = "Avengers.Endgame.2019.WEB-DL.GER-KANAL";
        Map<String, Boolean> in = new LinkedHashMap<>();
        for (Release r : List.of(dub, sub, english)) in.put(NAMER.standard(r), false);
        in.put(old, false);
        Map<String, JsonNode> parsed = parse(in);
        JsonNode d = parsed.get(NAMER.standard(dub));
        assertThat(languages(d)).containsExactly("German");
        assertThat(d.path("title").asText()).isEqualTo("Avengers Endgame");
        assertThat(d.path("year").asText()).isEqualTo("2019");
        JsonNode s = parsed.get(NAMER.standard(sub));
        assertThat(languages(s)).contains("German");
        assertThat(s.path("resolution").asText()).isEqualTo("2160P");
        assertThat(HARDCODED_SUBS.matcher(NAMER.standard(sub)).find()).isFalse();
        assertThat(languages(parsed.get(NAMER.standard(english)))).containsExactly("English");
        // Radarr's CaseSensitiveLanguageRegex matches GER but ParseLanguages never adds it: English
        assertThat(languages(parsed.get(old))).containsExactly("English");
    }

    @Test
    void anime_names_keep_their_absolute_number_and_language() throws Exception {
        Release known = episode("Attack on Titan", 2, 1, 26, Language.GERMAN_SUB, 1080, "h264");
        Release unknown = episode("Attack on Titan", 2, 1, 26, Language.GERMAN_DUB, null, null);
        Map<String, Boolean> in = new LinkedHashMap<>();
        in.put(NAMER.absolute(known), true);
        in.put(NAMER.absolute(unknown), true);
        Map<String, JsonNode> parsed = parse(in);
        JsonNode k = parsed.get(NAMER.absolute(known));
        assertThat(k.path("title").asText()).isEqualTo("Attack on Titan");
        assertThat(k.path("episodes")).extracting(JsonNode::asInt).containsExactly(26);
        assertThat(languages(k)).containsExactly("German");
        assertThat(k.path("resolution").asText()).isEqualTo("1080P");
        JsonNode u = parsed.get(NAMER.absolute(unknown));
        assertThat(u.path("episodes")).extracting(JsonNode::asInt).containsExactly(26);
        // The port cuts its whole-name "title" away before looking for a language and says English;
        // Sonarr's and Radarr's LanguageRegex (german\b, whole title) read German: the C# decides.
        assertThat(languages(u)).containsExactly("English");
        assertThat(csharpGerman(NAMER.absolute(unknown))).isTrue();
    }

    @Test
    void a_downloaded_file_is_named_with_the_measured_quality() throws Exception {
        Release r = episode("Frieren: Beyond Journey's End", 1, 3, null, Language.GERMAN_DUB, null, null);
        String torznab = NAMER.standard(r);
        String file = FileNames.sanitize(QualityTags.measured(torznab, 1080, "h264")) + ".mp4";
        Release learned = episode("Frieren: Beyond Journey's End", 1, 3, null, Language.GERMAN_DUB, 1080, "h264");
        String later = NAMER.standard(learned);
        Map<String, Boolean> in = new LinkedHashMap<>();
        in.put(torznab, true);
        in.put(file, true);
        in.put(later, true);
        Map<String, JsonNode> parsed = parse(in);
        assertThat(parsed.get(torznab).path("resolution").asText()).isEqualTo("480P");
        JsonNode f = parsed.get(file);
        assertThat(f.path("resolution").asText()).isEqualTo("1080P");
        assertThat(f.path("videoCodec").asText()).isEqualTo("h264");
        assertThat(languages(f)).containsExactly("German");
        // the Torznab title that learned the height names the same quality: no "upgrade" to grab
        assertThat(parsed.get(later).path("resolution").asText()).isEqualTo(f.path("resolution").asText());
        assertThat(later + ".mp4").isEqualTo(file);
    }
}
