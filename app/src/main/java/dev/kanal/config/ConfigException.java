package dev.kanal.config;

/**
 * A configuration problem the user must fix. The message is one line naming the setting, the value
 * and what is expected; start-up prints it and exits with code 2.
 */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message, null, false, false);
    }

    /** The standard message for a value that does not parse. */
    public static ConfigException invalid(Setting<?> setting, String source, String raw) {
        return new ConfigException("invalid " + setting.env() + (source.isEmpty() ? "" : " (" + source + ")")
                + ": '" + printable(setting, raw) + "' — expected " + setting.type().expected());
    }

    /** A list holding an unknown name: says which, and the name it is likely a typo of. */
    public static ConfigException unknownItem(Setting<?> setting, String source, String raw, ValueType.UnknownItem e) {
        String hint = e.meant().map(m -> "did you mean " + m + "?").orElse("expected " + setting.type().expected());
        return new ConfigException("invalid " + setting.env() + (source.isEmpty() ? "" : " (" + source + ")")
                + ": '" + printable(setting, raw) + "' — unknown '" + e.item() + "'; " + hint);
    }

    private static String printable(Setting<?> setting, String raw) {
        if (setting.secret()) return "<redacted>";
        String s = raw.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
