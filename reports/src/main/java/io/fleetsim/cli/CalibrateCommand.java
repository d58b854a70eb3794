package io.fleetsim.cli;

import io.fleetsim.calibration.Calibration;
import io.fleetsim.calibration.CalibrationText;
import io.fleetsim.calibration.HoldOutSplit;
import io.fleetsim.calibration.Measurement;
import io.fleetsim.calibration.MeasurementFile;
import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.scenario.CatalogReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetsim calibrate FILE --gpu NAME}: fit the step-time efficiency factors to a planner's
 * own measured points and print the {@code performance:} block for a scenario with its fit error.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit compute_efficiency, memory_efficiency and iteration_overhead to measured prefill and "
                + "per-token times, and print the performance: block for a pool with the fit error.",
            "",
            "FILE is a CSV with a header row and the columns batch_size, prompt_tokens, output_tokens, prefill_ms "
                + "(the whole batch's prefill), per_token_ms (mean decode iteration), and optionally model and "
                + "tensor_parallel. One in every --hold-out-every configurations is held out of the fit and "
                + "reported separately."})
final class CalibrateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "CSV of measured points.")
    Path file;

    @Option(names = "--gpu", required = true, paramLabel = "NAME", description = "Catalog GPU the points were "
            + "measured on, e.g. H100-SXM-80GB.")
    String gpu;

    @Option(names = "--model", paramLabel = "NAME", description = "Catalog model of every row when FILE has no "
            + "model column; otherwise fit only that model's rows.")
    String model;

    @Option(names = "--tensor-parallel", paramLabel = "N", description = "Tensor-parallel degree of every row "
            + "when FILE has no tensor_parallel column; otherwise fit only rows at N.")
    Integer tensorParallel;

    @Option(names = "--hold-out-every", paramLabel = "K", defaultValue = "" + HoldOutSplit.DEFAULT_EVERY,
            description = "Hold out every K-th distinct configuration (default ${DEFAULT-VALUE}; 0 fits on all).")
    int holdOutEvery;

    @Option(names = "--profile-name", paramLabel = "NAME", description = "Also print an entry for "
            + PerformanceProfiles.RESOURCE + " under this name.")
    String profileName;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        HardwareCatalog catalog = CatalogReader.builtIn();
        Gpu g = catalog.gpu(gpu);
        if (g == null) {
            throw invalid("--gpu: unknown GPU '" + gpu + "'; known: "
                    + String.join(", ", catalog.gpus().stream().map(Gpu::name).toList()));
        }
        if (model != null && catalog.model(model) == null) {
            throw invalid("--model: unknown model '" + model + "'; known: "
                    + String.join(", ", catalog.models().stream().map(LlmModel::name).toList()));
        }
        if (tensorParallel != null && (tensorParallel < 1 || tensorParallel > 64)) {
            throw invalid("--tensor-parallel: must be from 1 to 64 (got " + tensorParallel + ")");
        }
        if (holdOutEvery < 0 || holdOutEvery == 1) {
            throw invalid("--hold-out-every: must be 0 (hold nothing out) or at least 2 (got " + holdOutEvery + ")");
        }
        List<Measurement> points = MeasurementFile.read(file, file.toString(), catalog, Optional.ofNullable(model),
                tensorParallel == null ? OptionalInt.empty() : OptionalInt.of(tensorParallel));
        Calibration c = Calibration.of(points, g, catalog, holdOutEvery);

        PrintWriter out = spec.commandLine().getOut();
        out.print(CalibrationText.summary(c, points, file.toString()));
        out.println();
        out.println("For a pool of a scenario:");
        out.print(CalibrationText.performanceBlock(c.performance()));
        out.println();
        out.print(CalibrationText.errorTable(c));
        for (String limit : c.factorsAtLimits()) {
            out.println("note: " + limit + ": the step-time model fits these points no better within the allowed "
                    + "range");
        }
        if (profileName != null) {
            out.println();
            out.println("Entry for " + PerformanceProfiles.RESOURCE + ":");
            out.print(CalibrationText.profileEntry(c, profileName, points, file.toString(), command()));
        }
        out.flush();
        return 0;
    }

    /** The command that reproduces this fit (without the profile name, which does not change it). */
    private String command() {
        StringBuilder sb = new StringBuilder("./fleetsim calibrate ").append(file).append(" --gpu ").append(gpu);
        if (model != null) {
            sb.append(" --model ").append(model);
        }
        if (tensorParallel != null) {
            sb.append(" --tensor-parallel ").append(tensorParallel);
        }
        if (holdOutEvery != HoldOutSplit.DEFAULT_EVERY) {
            sb.append(" --hold-out-every ").append(holdOutEvery);
        }
        return sb.toString();
    }

    private CommandLine.ParameterException invalid(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
