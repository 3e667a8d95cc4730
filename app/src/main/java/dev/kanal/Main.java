package dev.kanal;

import dev.kanal.cli.KanalCommand;
import dev.kanal.demo.DemoCommand;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point: the command line, whose serving command starts Kanal through {@link Wiring#start},
 * the one place that builds the components. Nothing imports this class back.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** {@code kanal} with its subcommands; serving starts Kanal through {@link Wiring#start(dev.kanal.config.KanalConfig)}. */
    public static CommandLine commandLine(Map<String, String> env) {
        return new CommandLine(new KanalCommand(env, Wiring::start)).addSubcommand(new DemoCommand());
    }
}
