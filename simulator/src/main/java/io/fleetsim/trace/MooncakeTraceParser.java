package io.fleetsim.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetsim.input.ScenarioException;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads a Mooncake JSON-lines trace: one object per line with {@code timestamp} (milliseconds),
 * {@code input_length}, {@code output_length} and optionally {@code hash_ids} (the prompt's
 * 512-token prefix blocks). Other fields are ignored; blank lines are skipped. Errors name the
 * file, the line (which is the row: there is no header) and the field.
 */
final class MooncakeTraceParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MooncakeTraceParser() {
    }

    static Trace parse(BufferedReader in, String source, TraceFormat.Mooncake format) throws IOException {
        TraceBuilder trace = new TraceBuilder(source, format, false, true);
        int row = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            row++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new ScenarioException(source, row, "", "row " + row + ": not valid JSON: "
                        + e.getOriginalMessage().split("\n")[0]);
            }
            if (node == null || !node.isObject()) {
                throw new ScenarioException(source, row, "", "row " + row + ": must be a JSON object");
            }
            trace.add(timestampNanos(node.get("timestamp"), source, row),
                    tokens(node.get("input_length"), source, row, "input_length"),
                    tokens(node.get("output_length"), source, row, "output_length"),
                    blocks(node.get("hash_ids"), source, row));
        }
        return trace.build();
    }

    private static long timestampNanos(JsonNode v, String source, int row) {
        if (v == null || !v.isNumber()) {
            throw rowError(source, row, "timestamp", "must be a number of milliseconds (got " + shown(v) + ")");
        }
        if (v.canConvertToLong() && v.isIntegralNumber()) {
            return Math.multiplyExact(v.longValue(), 1_000_000L);
        }
        return v.decimalValue().multiply(BigDecimal.valueOf(1_000_000L)).setScale(0, RoundingMode.HALF_EVEN)
                .longValue();
    }

    private static int tokens(JsonNode v, String source, int row, String field) {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
            throw rowError(source, row, field, "must be a whole number of tokens >= 0 (got " + shown(v) + ")");
        }
        return v.intValue();
    }

    private static int[] blocks(JsonNode v, String source, int row) {
        if (v == null || v.isNull()) {
            return new int[0];
        }
        if (!v.isArray()) {
            throw rowError(source, row, "hash_ids", "must be a list of block ids (got " + shown(v) + ")");
        }
        int[] ids = new int[v.size()];
        for (int j = 0; j < ids.length; j++) {
            JsonNode id = v.get(j);
            if (!id.isIntegralNumber() || !id.canConvertToInt()) {
                throw rowError(source, row, "hash_ids[" + j + "]", "must be a whole number (got " + shown(id) + ")");
            }
            ids[j] = id.intValue();
        }
        return ids;
    }

    private static ScenarioException rowError(String source, int row, String field, String problem) {
        return new ScenarioException(source, row, "", "row " + row + ", field " + field + ": " + problem);
    }

    private static String shown(JsonNode v) {
        return v == null ? "nothing" : v.toString();
    }
}
