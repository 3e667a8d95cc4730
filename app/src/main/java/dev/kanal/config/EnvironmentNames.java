package dev.kanal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Looks at every {@code KANAL_*} variable of the environment before any is used. The known names
 * come from {@link Settings#ALL} (plus {@code KANAL_CONFIG}), so a setting added there is known here
 * at once. A name a letter or two from a known one is a typo and stops start-up ("did you mean");
 * another unknown name is one warning. Kubernetes' service links for a Service called {@code kanal}
 * ({@code KANAL_PORT=tcp://10.0.0.1:8080}, {@code KANAL_SERVICE_HOST}, {@code KANAL_PORT_8080_TCP_ADDR}, …)
 * are recognised and ignored with a note.
 */
public final class EnvironmentNames {
    /** Environment variables that are no {@link Setting}: the config file, and the JVM options scripts/run.sh reads. */
    static final Set<String> OTHER_KNOWN = Set.of("KANAL_CONFIG", "KANAL_JAVA_OPTS");

    /** {@code KANAL[_X]_SERVICE_HOST}, {@code KANAL[_X]_SERVICE_PORT[_NAME]}, {@code KANAL[_X]_PORT_8080_TCP[_PROTO|_PORT|_ADDR]}. */
    private static final Pattern SERVICE_LINK_NAME = Pattern.compile(
            "KANAL(_[A-Z0-9_]+?)?_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT_\\d+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)");
    /** The value Kubernetes gives {@code <SERVICE>_PORT}: {@code tcp://10.0.0.1:8080}. */
    private static final Pattern SERVICE_LINK_VALUE = Pattern.compile("(?i)(tcp|udp|sctp)://[^\\s/]+:\\d+");

    private EnvironmentNames() {}

    /** Every name Kanal knows, for "did you mean". */
    public static Set<String> known() {
        return Stream.concat(Settings.ALL.stream().map(Setting::env), OTHER_KNOWN.stream())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** True when {@code name=value} is a Kubernetes service link rather than a setting. */
    public static boolean serviceLink(String name, String value) {
        if (SERVICE_LINK_NAME.matcher(name).matches()) return true;
        return name.endsWith("_PORT") && value != null && SERVICE_LINK_VALUE.matcher(value.trim()).matches();
    }

    /**
     * Checks the names; returns the notes to log (unknown names, ignored service links) and throws
     * a {@link ConfigException} naming the first typo.
     */
    public static List<String> check(Map<String, String> env) {
        Set<String> known = known();
        List<String> notes = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (var e : new TreeMap<>(env).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("KANAL_")) continue;
            if (serviceLink(name, e.getValue())) {
                links.add(name);
                continue;
            }
            if (known.contains(name)) continue;
            Optional<String> meant = Spelling.closest(name, known);
            if (meant.isPresent()) {
                throw new ConfigException("unknown setting " + name + " — did you mean " + meant.get()
                        + "? (see docs/configuration.md)");
            }
            notes.add("unknown setting " + name + " is ignored (not a Kanal setting; see docs/configuration.md)");
        }
        if (!links.isEmpty()) {
            notes.add("ignoring Kubernetes service links " + String.join(", ", links)
                    + " (set by a Service named like Kanal; they are no Kanal settings)");
        }
        return notes;
    }
}
