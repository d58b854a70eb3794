package io.fleetsim.trace;

/** How a trace file is laid out. */
public sealed interface TraceFormat permits TraceFormat.Csv, TraceFormat.Mooncake {

    /** What the error messages say is allowed. */
    String ALLOWED = "azure2023, mooncake, csv";

    /** The name used in scenario files and on the command line. */
    String id();

    /** The Azure LLM inference trace 2023: a CSV with TIMESTAMP, ContextTokens, GeneratedTokens. */
    static TraceFormat azure2023() {
        return new Csv("azure2023", CsvColumns.AZURE2023);
    }

    /**
     * Comma-separated values with a header row.
     *
     * @param id      {@code azure2023} for the Azure preset, {@code csv} for a mapping given by the user
     * @param columns which columns hold the timestamp and the lengths
     */
    record Csv(String id, CsvColumns columns) implements TraceFormat {
    }

    /**
     * Mooncake (FAST'25) JSON lines: {@code timestamp} in ms, {@code input_length},
     * {@code output_length} and {@code hash_ids}, the ids of the request's 512-token prefix blocks.
     */
    record Mooncake() implements TraceFormat {
        @Override
        public String id() {
            return "mooncake";
        }
    }
}
