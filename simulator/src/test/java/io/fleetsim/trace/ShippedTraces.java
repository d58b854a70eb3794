package io.fleetsim.trace;

import java.nio.file.Files;
import java.nio.file.Path;

/** The traces shipped in {@code scenarios/traces/}, found from the module or the repository root. */
public final class ShippedTraces {

    private ShippedTraces() {
    }

    /** The folder {@code scenarios/traces} of the repository. */
    public static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scenarios/traces");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no scenarios/traces above " + Path.of("").toAbsolutePath());
    }

    /** The Azure 2023 conversation trace (19,366 requests). */
    public static Path azureConv() {
        return folder().resolve("azure-llm-2023/AzureLLMInferenceTrace_conv.csv");
    }

    /** The Azure 2023 code trace (8,819 requests). */
    public static Path azureCode() {
        return folder().resolve("azure-llm-2023/AzureLLMInferenceTrace_code.csv");
    }

    /** The first 5 minutes of the Mooncake conversation trace (918 requests). */
    public static Path mooncake() {
        return folder().resolve("mooncake-fast25/conversation_trace_first5min.jsonl");
    }

    /** Reads a shipped trace, naming it by its file name. */
    public static Trace read(Path file, TraceFormat format) {
        return TraceReader.read(file, file.getFileName().toString(), format);
    }
}
