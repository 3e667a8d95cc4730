package dev.kanal.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/**
 * Applies the configured log format and level. Runs after the configuration is read and before
 * anything else logs; {@code logback.xml} picks the appender from these properties.
 */
final class Logging {
    private Logging() {}

    static void configure(String format, String level) {
        System.setProperty("kanal.log.format", format);
        System.setProperty("kanal.log.level", level.toUpperCase(java.util.Locale.ROOT));
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.reset();
            try {
                new ContextInitializer(ctx).autoConfig();
            } catch (JoranException e) {
                System.err.println("warning: logging configuration failed: " + e.getMessage());
            }
        }
    }
}
