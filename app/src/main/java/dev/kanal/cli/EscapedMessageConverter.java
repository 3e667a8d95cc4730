package dev.kanal.cli;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The formatted log message with every control character escaped ({@code \r}, {@code \n}, {@code \t},
 * others as {@code \u001b}), so a value a caller sent (a magnet's {@code dn}, a title, a form field)
 * can never start a line of its own and forge a log entry. Used by the text format as {@code %safemsg};
 * the JSON format escapes on its own.
 */
public final class EscapedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return escape(super.convert(event));
    }

    /** {@code text} with control characters (C0, DEL, C1, line and paragraph separators) written as escapes. */
    public static String escape(String text) {
        if (text == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\r' -> "\\r";
                case '\n' -> "\\n";
                case '\t' -> "\\t";
                default -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029
                        ? String.format("\\u%04x", (int) c) : null;
            };
            if (replacement == null) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(text.length() + 16).append(text, 0, i);
            out.append(replacement);
        }
        return out == null ? text : out.toString();
    }
}
