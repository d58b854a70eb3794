package io.fleetsim.scenario;

import io.fleetsim.input.DataFile;
import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.trace.CsvColumns;
import io.fleetsim.trace.TimestampUnit;
import io.fleetsim.trace.Trace;
import io.fleetsim.trace.TraceFormat;
import io.fleetsim.trace.TraceReader;
import java.util.Arrays;

/**
 * Validates {@code arrivals} with {@code process: trace}: which file, in which format, and how
 * to scale and repeat it. The trace itself is read here, so a scenario that validates can run.
 */
final class TraceReplayReader {

    private static final double MAX_SCALE = 1000;

    private TraceReplayReader() {
    }

    static ArrivalSpec.TraceReplay read(SpecNode node) {
        for (String field : ArrivalReader.SYNTHETIC_FIELDS) {
            if (!node.get(field).isMissing()) {
                throw node.get(field).error("not allowed with process: trace (the trace gives the arrivals); "
                        + "allowed: process, file, format, columns, time_scale, rate_scale, loop");
            }
        }
        String formatId = node.required("format").choice("azure2023", "mooncake", "csv");
        if (formatId.equals("csv")) {
            node.allowOnly("process", "file", "format", "columns", "time_scale", "rate_scale", "loop");
        } else {
            node.allowOnly("process", "file", "format", "time_scale", "rate_scale", "loop");
        }
        TraceFormat format = switch (formatId) {
            case "azure2023" -> TraceFormat.azure2023();
            case "mooncake" -> new TraceFormat.Mooncake();
            default -> new TraceFormat.Csv("csv", columns(node.required("columns")));
        };
        double timeScale = scale(node.get("time_scale"));
        double rateScale = scale(node.get("rate_scale"));
        boolean loop = node.get("loop").flag(false);
        DataFile file = node.required("file").dataFile();
        Trace trace = TraceReader.read(file.path(), file.displayName(), format);
        if (loop && !(trace.spanSeconds() > 0)) {
            throw node.get("loop").error("cannot loop " + trace.fileName() + ": its " + trace.size()
                    + " request(s) all arrive at the same time");
        }
        return new ArrivalSpec.TraceReplay(trace, timeScale, rateScale, loop);
    }

    private static CsvColumns columns(SpecNode node) {
        node.allowOnly("timestamp", "timestamp_unit", "prompt_tokens", "output_tokens");
        String[] units = Arrays.stream(TimestampUnit.values()).map(TimestampUnit::id).toArray(String[]::new);
        String unit = node.required("timestamp_unit").choice(units);
        return new CsvColumns(node.required("timestamp").text(), TimestampUnit.fromId(unit),
                node.required("prompt_tokens").text(), node.required("output_tokens").text());
    }

    /** A positive scale factor up to 1000, 1 when absent (shared with spot trace replay). */
    static double scale(SpecNode node) {
        if (node.isMissing()) {
            return 1;
        }
        double v = node.positiveNumber();
        if (v > MAX_SCALE) {
            throw node.error("must be at most " + (long) MAX_SCALE + " (got " + v + ")");
        }
        return v;
    }
}
