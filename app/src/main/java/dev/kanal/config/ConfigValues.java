package dev.kanal.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parsed value of every setting and where it came from (default, file or environment). Values
 * are typed by their {@link Setting}; the map is complete once the loader is done.
 */
public final class ConfigValues {
    /** Where a value came from, for the start-up log. */
    public enum Source { DEFAULT, FILE, ENV, GENERATED, STORED }

    private record Entry(Object value, Source source) {}

    private final Map<Setting<?>, Entry> values = new LinkedHashMap<>();
    private final java.util.List<String> notes = new java.util.ArrayList<>();

    <T> void put(Setting<T> setting, T value, Source source) {
        values.put(setting, new Entry(value, source));
    }

    /** The typed value of a setting. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        Entry e = values.get(setting);
        if (e == null) throw new IllegalStateException("setting not loaded: " + setting.env());
        return (T) e.value();
    }

    void note(String note) {
        notes.add(note);
    }

    /** What the loader noticed but let pass (unknown names, ignored service links), to log at start. */
    public java.util.List<String> notes() {
        return java.util.List.copyOf(notes);
    }

    public Source source(Setting<?> setting) {
        Entry e = values.get(setting);
        return e == null ? Source.DEFAULT : e.source();
    }

    /** One line per setting for the start-up log, secrets redacted. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Setting<?> s : Settings.ALL) {
            Entry e = values.get(s);
            if (e == null) continue;
            String shown = s.secret() ? (e.value() == null || e.value().toString().isEmpty() ? "(unset)" : "<redacted>")
                    : String.valueOf(e.value());
            shown = shown.replaceAll("(://)[^/@\\s]+@", "$1***@"); // a proxy URL's password
            sb.append("\n  ").append(s.env()).append('=').append(shown)
                    .append("  [").append(e.source().name().toLowerCase(java.util.Locale.ROOT)).append(']');
        }
        return sb.toString();
    }
}
