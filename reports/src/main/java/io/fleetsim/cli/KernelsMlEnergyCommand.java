package io.fleetsim.cli;

import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.KvCacheDtype;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.hardware.Precision;
import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.serving.StepTimeModel;
import io.fleetsim.serving.StepTimeModels;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetsim kernels mlenergy FILE}: the kernel model's decode step time against the median
 * inter-token latency ML.ENERGY measured with vLLM at each batch-size cap.
 */
@Command(name = "mlenergy", mixinStandardHelpOptions = true,
        description = {"Checks against ML.ENERGY v3 (mlenergy_v3_llm_configurations.csv): for every text-task "
                + "row whose model and GPU the catalog knows, the decode step time predicted at its measured "
                + "mean batch against the measured median ITL.",
            "",
            "The KV context of each sequence is taken as half its mean output length (prompts are not in the "
                + "table), so predictions are a lower bound on pure decode; measured ITL also includes prefill "
                + "chunks sharing iterations. Engine overheads are the defaults (not fitted)."})
final class KernelsMlEnergyCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", description = "mlenergy_v3_llm_configurations.csv")
    Path file;

    private static final List<String> TEXT_TASKS = List.of("lm-arena-chat", "gpqa", "sourcegraph-fim");
    private static final Map<String, String> GPUS = Map.of("H100", "H100-SXM-80GB", "B200", "B200-180GB");

    @Override
    public Integer call() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        for (String c : List.of("task", "model_id", "weight_precision", "gpu_model", "tensor_parallel",
                "expert_parallel", "max_num_seqs", "avg_batch_size", "avg_output_len", "median_itl_ms")) {
            if (!header.contains(c)) {
                throw new CommandLine.ParameterException(commandLine(), file + ": missing column " + c);
            }
        }
        HardwareCatalog catalog = CatalogReader.builtIn();
        Map<String, List<double[]>> byGroup = new TreeMap<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            java.util.function.Function<String, String> col = c -> f[header.indexOf(c)];
            if (!TEXT_TASKS.contains(col.apply("task"))) {
                skipped.merge("multimodal task", 1, Integer::sum);
                continue;
            }
            LlmModel model = catalog.model(catalogName(col.apply("model_id")));
            String gpu = GPUS.get(col.apply("gpu_model"));
            if (model == null || gpu == null) {
                skipped.merge("model not in the catalog", 1, Integer::sum);
                continue;
            }
            int tp = Integer.parseInt(col.apply("tensor_parallel"));
            int ep = Integer.parseInt(col.apply("expert_parallel"));
            if (ep > 1 && ep != tp) {
                skipped.merge("data-parallel attention with expert parallelism (expert_parallel != "
                        + "tensor_parallel): not modelled", 1, Integer::sum);
                continue;
            }
            Precision precision = precision(col.apply("weight_precision"), model.name());
            ReplicaMemory memory = new ReplicaMemory(catalog.gpu(gpu), model, tp, precision, 0.9,
                    KvCacheDtype.defaultFor(Precision.BF16));
            int cap = Integer.parseInt(col.apply("max_num_seqs"));
            // what a scenario pool of this GPU, degree, engine and precision gets
            PerformanceSpec performance = PerformanceProfiles.builtIn().poolDefault(gpu, tp, precision,
                    StepTimeModels.defaultEngine(gpu));
            ServerSpec.Llm llm = new ServerSpec.Llm(memory, model.contextLength(),
                    new BatchingSpec(Math.max(cap, 1), Math.max(8192, cap + 1)), performance,
                    StepTimeModels.defaultEngine(gpu), ep > 1 && model.moe() != null ? ep : 1);
            StepTimeModel steps = StepTimeModels.of(llm);
            int batch = Math.max(1, (int) Math.round(Double.parseDouble(col.apply("avg_batch_size"))));
            double kvPerSeq = Double.parseDouble(col.apply("avg_output_len")) / 2;
            double predictedMs = steps.decodeIterationSeconds(batch, batch * kvPerSeq, 0) * 1e3;
            double measuredMs = Double.parseDouble(col.apply("median_itl_ms"));
            String group = String.format(Locale.ROOT, "%s %s %s tp%d%s (%s)", model.name(), col.apply("gpu_model"),
                    precision.id(), tp, ep > 1 ? " ep" + ep : "", steps.provenance().fit().id());
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(new double[]{predictedMs, measuredMs});
        }
        PrintWriter w = out();
        w.printf(Locale.ROOT, "%-58s %5s %10s %10s %9s%n", "model GPU precision layout (profile fit)", "rows",
                "pred/meas", "median APE", "p90 APE");
        List<double[]> all = new ArrayList<>();
        byGroup.forEach((g, rows) -> {
            all.addAll(rows);
            print(w, g, rows);
        });
        print(w, "all", all);
        skipped.forEach((why, n) -> w.println("skipped " + n + " rows: " + why));
        w.flush();
        return EXIT_OK;
    }

    private static void print(PrintWriter w, String group, List<double[]> rows) {
        double[] ratio = rows.stream().mapToDouble(r -> r[0] / r[1]).sorted().toArray();
        double[] ape = rows.stream().mapToDouble(r -> 100 * Math.abs(r[0] - r[1]) / r[1]).sorted().toArray();
        w.printf(Locale.ROOT, "%-58s %5d %10.2f %10.1f %9.1f%n", group, rows.size(), quantile(ratio, 0.5),
                quantile(ape, 0.5), quantile(ape, 0.9));
    }

    private static double quantile(double[] v, double q) {
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    /** {@code Qwen/Qwen3-235B-A22B-Instruct-2507-FP8} to {@code qwen3-235b-a22b}. */
    static String catalogName(String modelId) {
        String n = modelId.substring(modelId.indexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (String suffix : List.of("-fp8", "-2507", "-0528", "-instruct", "-thinking", "-it")) {
            if (n.endsWith(suffix)) {
                n = n.substring(0, n.length() - suffix.length());
            }
        }
        for (String suffix : List.of("-2507", "-instruct", "-thinking")) {
            if (n.endsWith(suffix)) {
                n = n.substring(0, n.length() - suffix.length());
            }
        }
        return n;
    }

    /** fp8 checkpoints of Qwen3 and DeepSeek use 128 x 128 block scales; Llama's per-tensor/channel. */
    static Precision precision(String weights, String model) {
        return switch (weights) {
            case "fp8" -> model.startsWith("qwen3") || model.startsWith("deepseek") ? Precision.FP8_BLOCK
                    : Precision.FP8;
            case "mxfp4" -> Precision.MXFP4;
            default -> Precision.BF16;
        };
    }
}
