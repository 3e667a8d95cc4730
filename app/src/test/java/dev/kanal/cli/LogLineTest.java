package dev.kanal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 13: nothing a caller sends can forge a log line, in either log format of the shipped logback.xml. */
class LogLineTest {
    static final String DN = "Show S01E01\r\n2026-12-08T00:00:00.000Z INFO  [main] dev.kanal.Main - forged\u0000\u001b[31m";

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void a_cr_lf_dn_leaves_one_log_line(String format) throws Exception {
        List<String> lines = log(format, "torrents/add refused magnet={} dn=\"{}\"", "magnet:?xt=urn:btih:abc", DN);
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).doesNotContain("\r").doesNotContain("\u0000").doesNotContain("\u001b");
        if (format.equals("text")) {
            assertThat(lines.getFirst()).contains("dn=\"Show S01E01\\r\\n2026-12-08T00:00:00.000Z INFO")
                    .contains("forged\\u0000\\u001b[31m\"");
        }
    }

    @Test
    void plain_text_is_left_as_it_is() {
        assertThat(EscapedMessageConverter.escape("job failed job=3 reason=\"VOE: 404\" ä €"))
                .isEqualTo("job failed job=3 reason=\"VOE: 404\" ä €");
        assertThat(EscapedMessageConverter.escape("a\tb\u2028c\u0085")).isEqualTo("a\\tb\\u2028c\\u0085");
    }

    /** Formats one message with the encoder the shipped logback.xml gives {@code format}, and returns its lines. */
    private static List<String> log(String format, String message, Object... args) throws Exception {
        String previousFormat = System.getProperty("kanal.log.format");
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        try {
            System.setProperty("kanal.log.format", format);
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(ctx);
            configurator.doConfigure(LogLineTest.class.getResource("/logback.xml"));
            Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
            @SuppressWarnings("unchecked")
            var appender = (OutputStreamAppender<ILoggingEvent>) root.getAppender(format);
            assertThat(appender).as("root logs to the " + format + " appender").isNotNull();
            Logger logger = ctx.getLogger("dev.kanal.qbittorrent.QbTorrents");
            var event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, args);
            String out = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
            assertThat(out).endsWith("\n");
            return out.lines().toList();
        } finally {
            ctx.stop();
            if (previousFormat == null) System.clearProperty("kanal.log.format");
            else System.setProperty("kanal.log.format", previousFormat);
        }
    }
}
