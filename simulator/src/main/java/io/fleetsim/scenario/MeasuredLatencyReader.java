package io.fleetsim.scenario;

import io.fleetsim.input.DataFile;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.ApiLatency;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates the {@code latency} block of an API pool and reads its file: an LLMPerf
 * individual-responses file, a JSON list with one object per call holding {@code error_code} (null
 * or absent when the call succeeded), {@code ttft_s}, {@code end_to_end_latency_s} and
 * {@code number_output_tokens}; other fields are ignored. Errors about the file's contents name the
 * file, its line and the call ({@code [17].ttft_s}).
 */
final class MeasuredLatencyReader {

    private MeasuredLatencyReader() {
    }

    static ApiLatency.Measured read(SpecNode node) {
        node.allowOnly("file");
        DataFile file = node.required("file").dataFile();
        SpecNode document = SpecDocument.read(file.path(), file.displayName());
        if (document.isObject()) {
            throw document.error("must be a JSON list of calls (an LLMPerf individual_responses file); "
                    + "an LLMPerf summary file holds quantiles only");
        }
        List<SpecNode> calls = document.elements();
        List<ApiLatency.Sample> succeeded = new ArrayList<>();
        for (SpecNode call : calls) {
            if (!call.isObject()) {
                throw call.error("must be a measured call: an object with error_code, ttft_s, end_to_end_latency_s"
                        + " and number_output_tokens");
            }
            if (call.get("error_code").isMissing()) {
                succeeded.add(sample(call));
            }
        }
        if (succeeded.isEmpty()) {
            throw document.error("no successful call (error_code null) among its " + calls.size() + " calls");
        }
        double errorRate = 1 - (double) succeeded.size() / calls.size();
        return new ApiLatency.Measured(succeeded, errorRate, file.displayName());
    }

    /**
     * The speed after the first token is what fleetsim models: (output tokens - 1) over the time
     * from first to last token. LLMPerf's own {@code inter_token_latency_s} counts the TTFT in.
     */
    private static ApiLatency.Sample sample(SpecNode call) {
        double ttft = call.required("ttft_s").positiveNumber();
        SpecNode e2eNode = call.required("end_to_end_latency_s");
        double e2e = e2eNode.number();
        if (!(e2e > ttft)) {
            throw e2eNode.error("must be more than ttft_s (" + ttft + ") (got " + e2e + ")");
        }
        long tokens = call.required("number_output_tokens").integerIn(2, Integer.MAX_VALUE);
        return new ApiLatency.Sample(ttft, (tokens - 1) / (e2e - ttft));
    }
}
