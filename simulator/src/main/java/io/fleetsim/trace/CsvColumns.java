package io.fleetsim.trace;

/**
 * Which columns of a CSV trace hold what, by header name.
 *
 * @param timestamp     arrival time column
 * @param timestampUnit how that column is written
 * @param promptTokens  prompt (input) length column
 * @param outputTokens  output (generated) length column
 */
public record CsvColumns(String timestamp, TimestampUnit timestampUnit, String promptTokens, String outputTokens) {

    /** The columns of the Azure LLM inference trace 2023 (Splitwise). */
    public static final CsvColumns AZURE2023 =
            new CsvColumns("TIMESTAMP", TimestampUnit.DATETIME, "ContextTokens", "GeneratedTokens");
}
