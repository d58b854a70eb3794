package io.fleetsim.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The options of every command that simulates a scenario: {@code --seed}, {@code --horizon} and
 * {@code --out}, the same names, types and parsing everywhere. What the help says of each differs
 * by command (which folder is the default, what the seed seeds), so the texts are keyed by command
 * in {@code SimulationOptions.properties}; the descriptions here are only picocli's fallback.
 */
@Command(resourceBundle = "io.fleetsim.cli.SimulationOptions")
final class SimulationOptions {

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "out", description = "Report folder.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", descriptionKey = "seed", description = "Override the scenario's seed.")
    Long seed;

    /** In seconds, or null when not given; a bad value is refused while parsing ({@link DurationConverter}). */
    @Option(names = "--horizon", paramLabel = "DURATION", descriptionKey = "horizon",
            converter = DurationConverter.class, description = "Override the horizon, e.g. 10m, 24h.")
    Double horizonSeconds;

    /** {@code --out}, or {@code fallback} when not given, checked writable ({@link OutputFolder}). */
    Path folder(CommandLine commandLine, Path fallback) {
        return OutputFolder.writable(commandLine, out != null ? out : fallback);
    }
}
