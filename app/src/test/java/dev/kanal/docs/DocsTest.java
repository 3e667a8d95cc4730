package dev.kanal.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kanal.Main;
import dev.kanal.config.Setting;
import dev.kanal.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The guides promise settings, commands and scripts; this keeps the promise. Every {@code KANAL_*}
 * name in {@code README.md} and {@code docs/*.md} must be a setting, every
 * {@code java -jar kanal.jar …} and {@code scripts/…} command must name a real subcommand, real
 * options and a script that exists.
 */
class DocsTest {
    private static final Pattern SETTING = Pattern.compile("\\bKANAL_[A-Z0-9_]*[A-Z0-9]\\b");
    /** Read by the loader itself or by the launcher scripts rather than being a setting. */
    private static final Set<String> NOT_SETTINGS = Set.of("KANAL_CONFIG", "KANAL_JAVA_OPTS");
    private static final Pattern JAR_COMMAND = Pattern.compile("java\\s+(?:-\\S+\\s+)*-jar\\s+\\S*kanal\\.jar([^\\n`|;&]*)");
    private static final Pattern SCRIPT_COMMAND = Pattern.compile("(?<![\\w/])(?:\\./)?(scripts/[\\w./-]+)([^\\n`|;&]*)");

    @Test
    void every_kanal_setting_named_in_the_docs_exists() throws IOException {
        Set<String> known = Settings.ALL.stream().map(Setting::env).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher m = SETTING.matcher(Files.readString(doc));
            while (m.find()) {
                if (!known.contains(m.group()) && !NOT_SETTINGS.contains(m.group())
                        && !dev.kanal.config.EnvironmentNames.serviceLink(m.group(), "")) {
                    unknown.add(where(doc) + m.group()); // Kubernetes' service links are named, not settings
                }
            }
        }
        assertThat(unknown).as("settings named in the docs but missing from Settings.ALL").isEmpty();
    }

    @Test
    void every_jar_command_in_the_docs_names_a_real_subcommand_and_options() throws IOException {
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (Path doc : docs()) {
            Matcher m = JAR_COMMAND.matcher(Files.readString(doc));
            while (m.find()) {
                seen++;
                check(m.group(1), problems, where(doc) + m.group().strip());
            }
        }
        assertThat(seen).as("the guides show at least one java -jar command").isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void every_script_in_the_docs_exists_and_gets_real_arguments() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher m = SCRIPT_COMMAND.matcher(Files.readString(doc));
            while (m.find()) {
                String script = m.group(1).replaceAll("[.,:)]+$", "");
                if (!Files.isRegularFile(root().resolve(script))) {
                    problems.add(where(doc) + script + " does not exist");
                } else if (script.equals("scripts/run.sh")) {
                    // run.sh passes its arguments to the jar
                    check(m.group(2), problems, where(doc) + m.group().strip());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The subcommand (if any) and each {@code --option} must exist in picocli's model. */
    private static void check(String arguments, List<String> problems, String where) {
        CommandLine command = Main.commandLine(Map.of());
        List<String> words = Arrays.stream(arguments.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        CommandLine target = command;
        for (String word : words) {
            if (word.startsWith("#")) break;
            if (word.startsWith("--")) {
                String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
                boolean known = target.getCommandSpec().findOption(name) != null
                        || command.getCommandSpec().findOption(name) != null;
                if (!known) problems.add(where + ": unknown option " + name);
            } else if (target == command && word.matches("[a-z][a-z-]*")) {
                CommandLine sub = command.getSubcommands().get(word);
                if (sub == null) problems.add(where + ": unknown subcommand " + word);
                else target = sub;
            }
        }
    }

    private static List<Path> docs() throws IOException {
        List<Path> all = new ArrayList<>(List.of(root().resolve("README.md")));
        try (Stream<Path> s = Files.list(root().resolve("docs"))) {
            all.addAll(s.filter(p -> p.toString().endsWith(".md")).sorted().toList());
        }
        return all;
    }

    private static String where(Path doc) {
        return root().relativize(doc) + ": ";
    }

    /** The repository root: the first parent of the working directory with README.md and docs/. */
    private static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs")))) {
            p = p.getParent();
        }
        if (p == null) throw new IllegalStateException("repository root not found");
        return p;
    }

    @Test
    void every_relative_link_in_the_docs_points_at_a_file() throws IOException {
        Pattern link = Pattern.compile("\\]\\((?!https?:|mailto:|#)([^)#\\s]+)(?:#[^)]*)?\\)");
        List<String> broken = new ArrayList<>();
        for (Path doc : docs()) {
            Matcher m = link.matcher(Files.readString(doc));
            while (m.find()) {
                if (!Files.exists(doc.getParent().resolve(m.group(1)).normalize())) broken.add(where(doc) + m.group(1));
            }
        }
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    @Test
    void the_docs_index_and_readme_link_every_guide() throws IOException {
        Set<String> guides = new TreeSet<>(List.of("demo.md", "setup-prowlarr.md", "setup-sonarr-radarr.md",
                "setup-media-servers.md", "troubleshooting.md", "api.md"));
        String index = Files.readString(root().resolve("docs/index.md"));
        String readme = Files.readString(root().resolve("README.md"));
        for (String g : guides) {
            assertThat(root().resolve("docs").resolve(g)).as(g).isRegularFile();
            assertThat(index).as("docs/index.md links " + g).contains("(" + g + ")");
            assertThat(readme).as("README links " + g).contains("(docs/" + g + ")");
        }
    }
}
