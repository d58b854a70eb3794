package io.fleetsim.scenario;

import io.fleetsim.input.DataFile;
import io.fleetsim.input.DurationText;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.input.SpecNode;
import java.util.List;

/**
 * Validates the {@code trace} block of a spot pool's {@code spot} block and reads its file, a
 * SkyPilot spot trace: {@code {"metadata": {"gap_seconds": 32}, "data": [0, 1, ...]}}, one value a
 * tick, 1 when no spot instance could be had; or several such traces keyed by zone,
 * {@code {"us-west-2b": {...}, "us-east-1c": {...}}}, of which {@code zone} picks one. Errors
 * about the file's contents name the file, its line and the JSON path.
 */
final class SpotTraceReader {


    private SpotTraceReader() {
    }

    /** The trace {@code node} names, replayed as it says; {@code noticeSeconds} is the pool's notice. */
    static SpotReplay read(SpecNode node, double noticeSeconds) {
        node.allowOnly("file", "zone", "start", "time_scale");
        DataFile file = node.required("file").dataFile();
        SpecNode document = SpecDocument.read(file.path(), file.displayName());
        if (!document.isObject()) {
            throw document.error("must be a JSON object: a trace {\"metadata\": {\"gap_seconds\": N}, \"data\": [...]}"
                    + " or traces keyed by zone");
        }
        SpotTrace trace = trace(document, node, file);
        double start = node.get("start").durationSeconds(0);
        if (start >= trace.spanSeconds()) {
            throw node.get("start").error("must be before the end of the trace (" + trace.name() + " covers "
                    + DurationText.format(trace.spanSeconds()) + ")");
        }
        return trace.replay(start, TraceReplayReader.scale(node.get("time_scale")), noticeSeconds);
    }

    private static SpotTrace trace(SpecNode document, SpecNode block, DataFile file) {
        SpecNode zone = block.get("zone");
        if (!document.get("data").isMissing()) {
            if (!zone.isMissing()) {
                throw zone.error(file.displayName() + " holds a single trace, not traces keyed by zone; remove zone");
            }
            return ticks(document, file.displayName());
        }
        List<String> zones = document.fieldNames();
        if (zones.isEmpty()) {
            throw document.error("holds no trace: expected \"metadata\" and \"data\", or traces keyed by zone");
        }
        if (zone.isMissing()) {
            throw block.error("missing required field 'zone': " + file.displayName()
                    + " holds traces of several zones: " + String.join(", ", zones));
        }
        String name = zone.text();
        if (!zones.contains(name)) {
            throw zone.error("no zone '" + name + "' in " + file.displayName() + "; its zones are: "
                    + String.join(", ", zones));
        }
        return ticks(document.get(name), file.displayName() + " zone " + name);
    }

    /** One trace object; fields other than metadata and data (prices, provenance) are ignored. */
    private static SpotTrace ticks(SpecNode trace, String name) {
        if (!trace.isObject()) {
            throw trace.error("must be a trace: {\"metadata\": {\"gap_seconds\": N}, \"data\": [...]}");
        }
        double tick = trace.required("metadata").required("gap_seconds").positiveNumber();
        List<SpecNode> data = trace.required("data").elements();
        if (data.isEmpty()) {
            throw trace.get("data").error("has no ticks");
        }
        boolean[] unavailable = new boolean[data.size()];
        for (int i = 0; i < unavailable.length; i++) {
            double value = data.get(i).number();
            // Multi-node traces count launched instances instead (higher is better): another meaning.
            if (value != 0 && value != 1) {
                throw data.get(i).error("must be 0 (spot available) or 1 (preempted or unavailable) (got "
                        + (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value))
                        + "); traces that count instances of a multi-node group are not supported");
            }
            unavailable[i] = value == 1;
        }
        return new SpotTrace(name, tick, unavailable);
    }
}
