package io.fleetsim.validation;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.input.SpecNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the results benchmark clients save, as measured points of one deployment (which the file
 * does not describe: the caller gives it). Each format as its tool documents it:
 *
 * <ul>
 *   <li><b>{@code vllm bench serve --save-result}</b> (also {@code benchmark_serving.py}): one
 *       object with {@code completed}, {@code total_input_tokens}, {@code total_output_tokens},
 *       {@code max_concurrency}, {@code mean_ttft_ms} and {@code mean_tpot_ms} (TPOT excluding the
 *       first token, as fleetsim defines it);</li>
 *   <li><b>GuideLLM</b> ({@code benchmarks.json}): {@code benchmarks[]}, each with its strategy
 *       ({@code config.strategy} or, in older files, {@code args.strategy}: {@code synchronous} is
 *       concurrency 1, {@code concurrent} has {@code streams}) and
 *       {@code metrics.<name>.successful.mean} for {@code prompt_token_count},
 *       {@code output_token_count}, {@code time_to_first_token_ms} and
 *       {@code inter_token_latency_ms} (the mean gap after the first token, which is fleetsim's
 *       TPOT; GuideLLM's own {@code time_per_output_token_ms} divides by every output token);</li>
 *   <li><b>AIPerf</b> ({@code profile_export_aiperf.json}): {@code <metric>.avg} for
 *       {@code input_sequence_length}, {@code output_sequence_length}, {@code time_to_first_token}
 *       and {@code inter_token_latency} (fleetsim's TPOT), and the concurrency in
 *       {@code input_config.loadgen.concurrency}.</li>
 * </ul>
 *
 * Prompt and output lengths are the run's means, rounded. A run is a closed loop at its
 * concurrency ({@code max_concurrency} with {@code request_rate} {@code inf}; GuideLLM's
 * {@code synchronous} and {@code concurrent}; AIPerf's {@code concurrency}) or an open loop at its
 * request rate (vLLM's {@code request_rate} with {@code burstiness} 1, a Poisson process;
 * GuideLLM's {@code poisson} and {@code constant}; AIPerf's {@code request_rate}). A rate with a
 * concurrency cap is refused. A missing or bad field is a {@link ScenarioException} naming the
 * file, its line and the field path.
 */
public final class BenchmarkJson {

    /** The formats read. */
    public enum Format {
        /** vLLM's {@code bench serve} / {@code benchmark_serving.py} result. */
        VLLM,
        /** GuideLLM's benchmarks report. */
        GUIDELLM,
        /** AIPerf's aggregated profile export. */
        AIPERF
    }

    private static final double MAX_MS = 1e9;
    private static final double MAX_TOKENS = 1e7;

    private BenchmarkJson() {
    }

    /** Whether {@code file} looks like JSON (its first non-blank character is a brace). */
    public static boolean looksLikeJson(Path file) {
        try {
            String text = Files.readString(file).stripLeading();
            return text.startsWith("{");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The points of {@code file}, each of deployment {@code deployment}; ids are the file name,
     * with {@code #n} for the n-th benchmark of a GuideLLM report.
     */
    public static List<MeasuredPoint> read(Path file, Deployment deployment) {
        String display = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(display, 0, "", "no such file");
        } catch (IOException e) {
            throw new ScenarioException(display, 0, "", "cannot read: " + e.getMessage());
        }
        SpecNode root = SpecDocument.parse(text, display, true);
        if (!root.isObject()) {
            throw root.error("expected a JSON object (a vllm bench serve, GuideLLM or AIPerf result)");
        }
        String id = file.getFileName().toString();
        return switch (format(root)) {
            case VLLM -> List.of(vllm(root, id, deployment));
            case GUIDELLM -> guidellm(root, id, deployment);
            case AIPERF -> List.of(aiperf(root, id, deployment));
        };
    }

    /** Which tool wrote {@code root}. */
    static Format format(SpecNode root) {
        if (!root.get("mean_ttft_ms").isMissing()) {
            return Format.VLLM;
        }
        if (!root.get("benchmarks").isMissing()) {
            return Format.GUIDELLM;
        }
        if (!root.get("time_to_first_token").isMissing()) {
            return Format.AIPERF;
        }
        throw root.error("not a benchmark result fleetsim reads: expected mean_ttft_ms (vllm bench serve), "
                + "benchmarks (GuideLLM) or time_to_first_token (AIPerf)");
    }

    private static MeasuredPoint vllm(SpecNode root, String id, Deployment d) {
        SpecNode concurrency = root.get("max_concurrency");
        SpecNode rate = root.get("request_rate");
        // vLLM writes an infinite rate as the text "inf".
        boolean atRate = !rate.isMissing() && rate.copyTree().isNumber();
        if (concurrency.isMissing() == !atRate) {
            throw (atRate ? rate : root).error(atRate
                    ? "a run at a request rate with a concurrency cap is not simulated yet; give one or the other"
                    : "neither max_concurrency nor a request_rate: all requests at once is not simulated");
        }
        double completed = root.required("completed").numberIn(1, Double.MAX_VALUE);
        int isl = tokens(root.required("total_input_tokens"), root.required("total_input_tokens").number() / completed);
        int osl = tokens(root.required("total_output_tokens"),
                root.required("total_output_tokens").number() / completed);
        double ttft = millis(root.required("mean_ttft_ms"));
        double tpot = millis(root.required("mean_tpot_ms"));
        if (atRate) {
            SpecNode burstiness = root.get("burstiness");
            if (!burstiness.isMissing() && burstiness.number() != 1) {
                throw burstiness.error("only burstiness 1 (a Poisson process) is simulated (got "
                        + burstiness.number() + ")");
            }
            return new MeasuredPoint(id, 1, d, isl, osl, 0, ttft, tpot,
                    new MeasuredPoint.RequestRate(rate.numberIn(1e-6, 1e9), true));
        }
        if (!rate.isMissing() && !rate.text().equalsIgnoreCase("inf")) {
            throw rate.error("must be a number of requests per second or \"inf\" (got \"" + rate.text() + "\")");
        }
        return new MeasuredPoint(id, 1, d, isl, osl, (int) concurrency.integerIn(1, 10_000_000), ttft, tpot);
    }

    private static List<MeasuredPoint> guidellm(SpecNode root, String id, Deployment d) {
        List<MeasuredPoint> out = new ArrayList<>();
        List<SpecNode> benchmarks = root.required("benchmarks").elements();
        if (benchmarks.isEmpty()) {
            throw root.get("benchmarks").error("no benchmarks");
        }
        for (int i = 0; i < benchmarks.size(); i++) {
            SpecNode b = benchmarks.get(i);
            SpecNode holder = b.get("config").isMissing() ? b.required("args") : b.get("config");
            SpecNode strategy = holder.required("strategy");
            String type = strategy.required("type_").text();
            int concurrency = 0;
            MeasuredPoint.RequestRate rate = null;
            switch (type) {
                case "synchronous" -> concurrency = 1;
                case "concurrent" -> concurrency = (int) strategy.required("streams").integerIn(1, 10_000_000);
                case "poisson", "constant" -> rate = new MeasuredPoint.RequestRate(
                        strategy.required("rate").numberIn(1e-6, 1e9), type.equals("poisson"));
                default -> throw strategy.get("type_").error("a " + type + " run is not simulated; fleetsim "
                        + "simulates synchronous, concurrent, constant and poisson runs");
            }
            SpecNode m = b.required("metrics");
            int isl = tokens(mean(m, "prompt_token_count"), mean(m, "prompt_token_count").number());
            int osl = tokens(mean(m, "output_token_count"), mean(m, "output_token_count").number());
            out.add(new MeasuredPoint(id + "#" + i, 1, d, isl, osl, concurrency,
                    millis(mean(m, "time_to_first_token_ms")), millis(mean(m, "inter_token_latency_ms")), rate));
        }
        return out;
    }

    private static SpecNode mean(SpecNode metrics, String name) {
        return metrics.required(name).required("successful").required("mean");
    }

    private static MeasuredPoint aiperf(SpecNode root, String id, Deployment d) {
        SpecNode loadgen = root.required("input_config").required("loadgen");
        SpecNode concurrency = loadgen.get("concurrency");
        SpecNode rate = loadgen.get("request_rate");
        if (concurrency.isMissing() == rate.isMissing()) {
            throw loadgen.error(rate.isMissing() ? "neither concurrency nor request_rate"
                    : "a request rate with a concurrency cap is not simulated yet; give one or the other");
        }
        MeasuredPoint.RequestRate arrivals = rate.isMissing() ? null : new MeasuredPoint.RequestRate(
                rate.numberIn(1e-6, 1e9), !loadgen.get("request_rate_mode").text("poisson").equals("constant"));
        int isl = tokens(root.required("input_sequence_length").required("avg"),
                root.required("input_sequence_length").required("avg").number());
        int osl = tokens(root.required("output_sequence_length").required("avg"),
                root.required("output_sequence_length").required("avg").number());
        return new MeasuredPoint(id, 1, d, isl, osl, arrivals != null ? 0 : (int) concurrency.integerIn(1, 10_000_000),
                millis(root.required("time_to_first_token").required("avg")),
                millis(root.required("inter_token_latency").required("avg")), arrivals);
    }

    private static double millis(SpecNode n) {
        double v = n.numberIn(0, MAX_MS);
        if (!(v > 0)) {
            throw n.error("must be > 0 (got " + v + ")");
        }
        return v;
    }

    /** A mean token count, rounded; at least 1. */
    private static int tokens(SpecNode at, double mean) {
        if (!(mean >= 0.5) || mean > MAX_TOKENS) {
            throw at.error("a mean of " + mean + " tokens per request is not from 1 to " + (long) MAX_TOKENS);
        }
        return (int) Math.round(mean);
    }
}
