package io.fleetsim.cli;

import io.fleetsim.trace.CsvColumns;
import io.fleetsim.trace.TimestampUnit;
import io.fleetsim.trace.Trace;
import io.fleetsim.trace.TraceFormat;
import io.fleetsim.trace.TraceReader;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The trace file argument and its format options, shared by the {@code trace} subcommands. The
 * format defaults from the file name: {@code .jsonl} is Mooncake, anything else the Azure 2023
 * CSV; {@code --format csv} takes the column options.
 */
final class TraceInput {

    @Parameters(index = "0", paramLabel = "FILE", description = "Trace file.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = {"azure2023, mooncake or csv", "(default: mooncake for .jsonl, else azure2023)."})
    String format;

    @Option(names = "--timestamp-column", paramLabel = "NAME", description = "csv: the arrival time column.")
    String timestampColumn;

    @Option(names = "--timestamp-unit", paramLabel = "UNIT", description = "csv: " + TimestampUnit.ALLOWED + ".")
    String timestampUnit;

    @Option(names = "--prompt-column", paramLabel = "NAME", description = "csv: the prompt length column.")
    String promptColumn;

    @Option(names = "--output-column", paramLabel = "NAME", description = "csv: the output length column.")
    String outputColumn;

    /** Reads the trace; bad options are usage errors, a bad file a scenario error (both exit 2). */
    Trace read(CommandLine cl) {
        return TraceReader.read(file, file.toString(), traceFormat(cl));
    }

    /** The file name without folders and extension, for default output folders. */
    String baseName() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private TraceFormat traceFormat(CommandLine cl) {
        String id = format != null ? format
                : file.toString().toLowerCase(Locale.ROOT).endsWith(".jsonl") ? "mooncake" : "azure2023";
        boolean columnsGiven = timestampColumn != null || timestampUnit != null || promptColumn != null
                || outputColumn != null;
        switch (id) {
            case "azure2023", "mooncake" -> {
                if (columnsGiven) {
                    throw new CommandLine.ParameterException(cl, "--timestamp-column, --timestamp-unit, "
                            + "--prompt-column and --output-column go with --format csv (the format is " + id + ")");
                }
                return id.equals("mooncake") ? new TraceFormat.Mooncake() : TraceFormat.azure2023();
            }
            case "csv" -> {
                if (timestampColumn == null || timestampUnit == null || promptColumn == null || outputColumn == null) {
                    throw new CommandLine.ParameterException(cl, "--format csv needs --timestamp-column, "
                            + "--timestamp-unit, --prompt-column and --output-column");
                }
                TimestampUnit unit;
                try {
                    unit = TimestampUnit.fromId(timestampUnit);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(cl, "--timestamp-unit: must be one of "
                            + TimestampUnit.ALLOWED + " (got \"" + timestampUnit + "\")");
                }
                return new TraceFormat.Csv("csv", new CsvColumns(timestampColumn, unit, promptColumn, outputColumn));
            }
            default -> throw new CommandLine.ParameterException(cl, "--format: must be one of " + TraceFormat.ALLOWED
                    + " (got \"" + id + "\")");
        }
    }
}
