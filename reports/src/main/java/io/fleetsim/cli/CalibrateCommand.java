package io.fleetsim.cli;

import io.fleetsim.calibration.Calibration;
import io.fleetsim.calibration.CalibrationText;
import io.fleetsim.calibration.EndToEndProfile;
import io.fleetsim.calibration.EndToEndProfileText;
import io.fleetsim.calibration.HandoffProfile;
import io.fleetsim.calibration.HandoffProfileText;
import io.fleetsim.calibration.HandoffProfiles;
import io.fleetsim.calibration.HoldOutSplit;
import io.fleetsim.calibration.Measurement;
import io.fleetsim.calibration.MeasurementFile;
import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.hardware.LlmModel;
import io.fleetsim.report.AtomicFiles;
import io.fleetsim.report.CalibrationReport;
import io.fleetsim.report.KneeCapacityReport;
import io.fleetsim.report.ValidationReport;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.validation.BenchmarkJson;
import io.fleetsim.validation.CatalogNames;
import io.fleetsim.validation.Deployment;
import io.fleetsim.validation.DeploymentPlan;
import io.fleetsim.validation.DeploymentPlanner;
import io.fleetsim.validation.DisaggregatedPoint;
import io.fleetsim.validation.ErrorSummary;
import io.fleetsim.validation.HandoffFitting;
import io.fleetsim.validation.HeldOut;
import io.fleetsim.validation.KneeCapacity;
import io.fleetsim.validation.MeasuredPoint;
import io.fleetsim.validation.ParallelSimulator;
import io.fleetsim.validation.PointOutcome;
import io.fleetsim.validation.PointPlan;
import io.fleetsim.validation.PointsFile;
import io.fleetsim.validation.HeldOut;
import io.fleetsim.validation.ProfileFitting;
import io.fleetsim.validation.SimulatedPoint;
import java.io.IOException;
import java.util.ArrayList;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetsim calibrate FILE... }: fit the step-time parameters to a planner's own measured
 * points. Step-time points (prefill and per-token times of batches) print the
 * {@code performance:} block for a scenario with its fit error; end-to-end benchmark points are
 * simulated as measured and give one profile per (GPU, engine, precision), cross-validated by
 * deployment.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit compute_efficiency, memory_efficiency and iteration_overhead to measured prefill and "
                + "per-token times, and print the performance: block for a pool with the fit error.",
            "",
            "FILE is a CSV with a header row and the columns batch_size, prompt_tokens, output_tokens, prefill_ms "
                + "(the whole batch's prefill), per_token_ms (mean decode iteration), and optionally model and "
                + "tensor_parallel. One in every --hold-out-every configurations is held out of the fit and "
                + "reported separately.",
            "",
            "Or FILE... are measured end-to-end benchmark points: CSVs with the columns of AIConfigurator's "
                + "silicon sample (plain or gzipped), or the JSON results of vllm bench serve, GuideLLM or AIPerf "
                + "(with --gpu, --model, --engine and --tensor-parallel saying what was measured). Every point "
                + "is simulated as it was measured; one profile per (GPU, engine, precision) is fitted and "
                + "cross-validated by deployment (each deployment predicted by a fit on the others), and "
                + "profiles.yaml and cross-validation.csv are written in DIR."})
final class CalibrateCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Measured points: one step-time CSV, or "
            + "end-to-end points (silicon-sample CSVs, or JSON results of vllm bench serve, GuideLLM or AIPerf).")
    List<Path> files;

    /** The first (for step-time points, the only) file. */
    Path file;

    @Option(names = "--engine-version", paramLabel = "TEXT", description = "Benchmark JSON: the engine's version.")
    String engineVersion;

    @Option(names = "--precision", paramLabel = "NAME", description = "Benchmark JSON: weight precision of the "
            + "deployment (bf16, fp8, fp4; default bf16).")
    String precision;

    @Option(names = "--gpu", paramLabel = "NAME", description = "Catalog GPU the points were measured on, e.g. "
            + "H100-SXM-80GB (required for step-time points; for end-to-end points, fit only that GPU's rows).")
    String gpu;

    @Option(names = "--engine", paramLabel = "NAME", description = "End-to-end points: fit only this engine's rows "
            + "(vllm, sglang, trtllm).")
    String engine;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "End-to-end points: folds of "
            + "the cross-validation by deployment (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--cross-validate-by", paramLabel = "deployment|model", defaultValue = "deployment",
            converter = HeldOutConverter.class, description = "End-to-end points (agg): what each fold of the "
            + "cross-validation holds out whole: a deployment (default), or a model, to see how a profile does on "
            + "a model it never saw.")
    HeldOut crossValidateBy;

    @Option(names = "--name-prefix", paramLabel = "TEXT", defaultValue = "fitted", description = "End-to-end "
            + "points: start of each profile's name, followed by system, engine, precision and, for a "
            + "profile pinned to one engine version, the version (default ${DEFAULT-VALUE}).")
    String namePrefix;

    @Option(names = "--mode", paramLabel = "agg|disagg", defaultValue = "agg", description = "End-to-end "
            + "points: agg fits one profile of step-time parameters per (GPU, engine, precision) to the aggregated "
            + "rows, and beside it one per engine version with 10 or more rows over 2 or more deployments; "
            + "disagg fits the handoff latency of disaggregated deployments per (system, engine) to the "
            + "disaggregated rows, written to disaggregated.yaml (default ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--out", paramLabel = "DIR", description = "End-to-end points: where profiles.yaml and "
            + "cross-validation.csv go (default out/calibrate).")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "End-to-end points: simulations run at once "
            + "(default: one per core).")
    Integer threads;

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

    @Override
    public Integer call() throws IOException {
        HardwareCatalog catalog = CatalogReader.builtIn();
        file = files.get(0);
        if (files.stream().allMatch(f -> PointsFile.looksLikePoints(f) || BenchmarkJson.looksLikeJson(f))) {
            return endToEnd(catalog);
        }
        if (files.size() > 1) {
            throw invalid("step-time points come in one CSV file (got " + files.size() + " files)");
        }
        if (gpu == null) {
            throw invalid("--gpu: required for step-time points (batch_size, prompt_tokens, ... columns)");
        }
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

        PrintWriter out = out();
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
        return EXIT_OK;
    }

    /** Fits end-to-end points: one profile per (system, engine, precision), cross-validated by deployment. */
    private int endToEnd(HardwareCatalog catalog) throws IOException {
        if (files.stream().anyMatch(BenchmarkJson::looksLikeJson) && (gpu == null || model == null || engine == null)) {
            jsonDeployment(catalog);
        }
        if (folds < 2) {
            throw invalid("--folds: at least 2 (got " + folds + ")");
        }
        if (crossValidateBy != HeldOut.DEPLOYMENT && mode.equals("disagg")) {
            throw invalid("--cross-validate-by model: for --mode agg only (disagg cross-validates by deployment)");
        }
        if (threads != null && threads < 1) {
            throw invalid("--threads: at least 1 (got " + threads + ")");
        }
        if (gpu != null && catalog.gpu(gpu) == null) {
            throw invalid("--gpu: unknown GPU '" + gpu + "'; known: "
                    + String.join(", ", catalog.gpus().stream().map(Gpu::name).toList()));
        }
        if (engine != null && CatalogNames.engine(engine).isEmpty()) {
            throw invalid("--engine: unknown engine '" + engine + "'; known: " + String.join(", ", CatalogNames.ENGINES));
        }
        if (model != null && catalog.model(model) == null) {
            throw invalid("--model: unknown model '" + model + "'; known: "
                    + String.join(", ", catalog.models().stream().map(LlmModel::name).toList()));
        }
        Path folder = OutputFolder.writable(commandLine(), out != null ? out : Path.of("out", "calibrate"));
        List<MeasuredPoint> measured = new ArrayList<>();
        for (Path f : files) {
            measured.addAll(BenchmarkJson.looksLikeJson(f) ? BenchmarkJson.read(f, jsonDeployment(catalog))
                    : PointsFile.read(f, f.toString(), catalog));
        }
        if (!mode.equals("agg") && !mode.equals("disagg")) {
            throw invalid("--mode: agg or disagg (got '" + mode + "')");
        }
        if (mode.equals("disagg")) {
            return disaggregated(catalog, folder, measured);
        }
        DeploymentPlanner planner = new DeploymentPlanner(catalog, PerformanceProfiles.builtIn(), Optional.empty())
                .withListingsOf(measured);
        List<SimulatedPoint> points = new ArrayList<>();
        int skipped = 0;
        List<MeasuredPoint> chosen = measured.stream().filter(m -> selected(m)).toList();
        List<PointPlan> plans = planner.planAll(chosen, threadCount());
        for (int i = 0; i < chosen.size(); i++) {
            if (plans.get(i) instanceof PointPlan.Simulate s && selected(s.plan())) {
                points.add(new SimulatedPoint(chosen.get(i), s.plan()));
            } else {
                skipped++;
            }
        }
        PrintWriter o = out();
        if (points.isEmpty()) {
            throw invalid(file + ": no row selected can be simulated (" + skipped + " selected rows skipped; "
                    + "./fleetsim validate-model says why)");
        }
        int threadCount = threadCount();
        long start = System.nanoTime();
        List<ProfileFitting.GroupFit> fits;
        try (ParallelSimulator simulator = new ParallelSimulator(threadCount)) {
            fits = ProfileFitting.fit(points, namePrefix, folds, crossValidateBy, simulator, file.toString(),
                    command(), name -> { });
        }
        double wall = (System.nanoTime() - start) / 1e9;
        List<PointOutcome> crossValidated = ProfileFitting.crossValidated(fits);
        List<EndToEndProfile> profiles = fits.stream().map(ProfileFitting.GroupFit::profile).toList();
        AtomicFiles.writeString(folder.resolve("profiles.yaml"), EndToEndProfileText.file(profiles,
                "Profiles fitted end to end by " + command() + "\nto " + file + " (" + points.size() + " rows that "
                        + "can be simulated; " + skipped + " selected rows skipped)."));
        o.printf("%s: %d rows selected, %d can be simulated, %d skipped (./fleetsim validate-model says why).%n%n",
                files.size() == 1 ? file : files.size() + " files", points.size() + skipped, points.size(), skipped);
        o.print(CalibrationReport.text(fits));
        if (!crossValidated.isEmpty()) {
            AtomicFiles.writeString(folder.resolve("cross-validation.csv"), ValidationReport.csv(crossValidated));
            o.println();
            String unit = crossValidateBy.label();
            o.println("Cross-validated by " + unit + " (each row predicted by a fit that never saw its " + unit
                    + ": the fit pinned to the row's engine version where there is one, else its GPU, engine and "
                    + "precision's):");
            o.print(ValidationReport.text(ErrorSummary.of(crossValidated)));
            KneeCapacity knees = KneeCapacity.of(crossValidated, KneeCapacity.DEFAULT_SLO_FACTOR);
            AtomicFiles.writeString(folder.resolve("knee-capacity.csv"), KneeCapacityReport.csv(knees));
            o.println();
            o.print(KneeCapacityReport.text(knees));
        }
        o.printf("%nFitted on %d threads in %.1f s wall time.%nWrote %s%s%n", threadCount, wall,
                folder.resolve("profiles.yaml"), crossValidated.isEmpty() ? ""
                        : ", " + folder.resolve("cross-validation.csv") + " and " + folder.resolve("knee-capacity.csv"));
        o.flush();
        return EXIT_OK;
    }

    /**
     * Fits the handoff latency of disaggregated deployments per (system, engine) to the selected
     * disaggregated rows, cross-validated by deployment.
     */
    private int disaggregated(HardwareCatalog catalog, Path folder, List<MeasuredPoint> measured) throws IOException {
        // No shipped handoff: the fit starts from the deployments as the aggregated profiles leave them.
        DeploymentPlanner planner = new DeploymentPlanner(catalog, PerformanceProfiles.builtIn(), Optional.empty())
                .withHandoffs(HandoffProfiles.NONE).withListingsOf(measured);
        List<DisaggregatedPoint> points = new ArrayList<>();
        int skipped = 0;
        List<MeasuredPoint> chosen = measured.stream().filter(m -> selected(m) && m.deployment().disaggregated())
                .toList();
        List<PointPlan> plans = planner.planAll(chosen, threadCount());
        for (int i = 0; i < chosen.size(); i++) {
            if (plans.get(i) instanceof PointPlan.SimulateDisaggregated s
                    && (model == null || s.plan().server().prefill().memory().model().name().equals(model))) {
                points.add(new DisaggregatedPoint(chosen.get(i), s.plan()));
            } else {
                skipped++;
            }
        }
        if (points.isEmpty()) {
            throw invalid(file + ": no disaggregated row selected can be simulated (" + skipped + " selected rows "
                    + "skipped; ./fleetsim validate-model --mode disagg says why)");
        }
        int threadCount = threadCount();
        long start = System.nanoTime();
        List<HandoffFitting.GroupFit> fits;
        try (ParallelSimulator simulator = new ParallelSimulator(threadCount)) {
            fits = HandoffFitting.fit(points, namePrefix, folds, simulator, file.toString(), command(),
                    step -> {
                        err().println("calibrate: simulating " + step);
                        err().flush();
                    });
        }
        double wall = (System.nanoTime() - start) / 1e9;
        List<PointOutcome> crossValidated = new ArrayList<>();
        List<HandoffProfile> profiles = new ArrayList<>();
        for (HandoffFitting.GroupFit f : fits) {
            profiles.add(f.profile());
            crossValidated.addAll(f.crossValidated());
        }
        AtomicFiles.writeString(folder.resolve("disaggregated.yaml"), HandoffProfileText.file(profiles,
                "Handoff latencies of disaggregated deployments, fitted end to end by " + command() + "\nto " + file
                        + " (" + points.size() + " disaggregated rows that can be simulated; " + skipped
                        + " selected rows skipped)."));
        PrintWriter o = out();
        o.printf("%s: %d disaggregated rows selected, %d can be simulated, %d skipped (./fleetsim validate-model "
                + "--mode disagg says why).%n%n", files.size() == 1 ? file : files.size() + " files",
                points.size() + skipped, points.size(), skipped);
        o.print(CalibrationReport.handoffText(profiles));
        if (!crossValidated.isEmpty()) {
            AtomicFiles.writeString(folder.resolve("cross-validation.csv"), ValidationReport.csv(crossValidated));
            o.println();
            o.println("Cross-validated by deployment (each row predicted by a fit that never saw its deployment):");
            o.print(ValidationReport.text(ErrorSummary.of(crossValidated)));
        }
        o.printf("%nFitted on %d threads in %.1f s wall time.%nWrote %s%s%n", threadCount, wall,
                folder.resolve("disaggregated.yaml"), crossValidated.isEmpty() ? ""
                        : " and " + folder.resolve("cross-validation.csv"));
        o.flush();
        return EXIT_OK;
    }

    /** The deployment a benchmark JSON file measured, from the options (the file does not say). */
    private Deployment jsonDeployment(HardwareCatalog catalog) {
        if (gpu == null || model == null || engine == null) {
            throw invalid("benchmark JSON results do not say what was measured: give --gpu, --model and --engine "
                    + "(and --tensor-parallel, --precision, --engine-version if not 1, bf16, unstated)");
        }
        String p = precision == null ? "bf16" : precision;
        String quant = switch (p) {
            case "bf16" -> "";
            case "fp8" -> "fp8";
            case "fp4" -> "nvfp4";
            default -> throw invalid("--precision: must be bf16, fp8 or fp4 (got " + p + ")");
        };
        int tp = tensorParallel == null ? 1 : tensorParallel;
        return new Deployment(gpu, CatalogNames.engine(engine).orElseThrow(), engineVersion == null ? "" : engineVersion,
                model, p, quant, quant, "agg", new Deployment.ParallelLayout(tp, 1, 1, 1, 1));
    }

    /** The simulations (and plans) run at once: {@code --threads}, else one per processor. */
    private int threadCount() {
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    private boolean selected(MeasuredPoint m) {
        return (gpu == null || CatalogNames.gpuOf(m.deployment().system()).equals(gpu))
                && (engine == null || CatalogNames.engine(m.deployment().backend()).equals(CatalogNames.engine(engine)));
    }

    private boolean selected(DeploymentPlan p) {
        return (model == null || p.server().memory().model().name().equals(model))
                && (tensorParallel == null || p.server().memory().tensorParallel() == tensorParallel);
    }

    /** The command that reproduces this fit (without the profile name, which does not change it). */
    private String command() {
        StringBuilder sb = new StringBuilder("./fleetsim calibrate ").append(String.join(" ",
                files.stream().map(Path::toString).toList()));
        if (gpu != null) {
            sb.append(" --gpu ").append(gpu);
        }
        if (engine != null) {
            sb.append(" --engine ").append(engine);
        }
        if (model != null) {
            sb.append(" --model ").append(model);
        }
        if (tensorParallel != null) {
            sb.append(" --tensor-parallel ").append(tensorParallel);
        }
        if (precision != null) {
            sb.append(" --precision ").append(precision);
        }
        if (engineVersion != null) {
            sb.append(" --engine-version ").append(engineVersion);
        }
        if (holdOutEvery != HoldOutSplit.DEFAULT_EVERY && !PointsFile.looksLikePoints(file)) {
            sb.append(" --hold-out-every ").append(holdOutEvery);
        }
        if (PointsFile.looksLikePoints(file)) {
            if (mode.equals("disagg")) {
                sb.append(" --mode disagg");
            }
            sb.append(" --folds ").append(folds).append(" --name-prefix ").append(namePrefix);
            if (crossValidateBy != HeldOut.DEPLOYMENT) {
                sb.append(" --cross-validate-by ").append(crossValidateBy.label());
            }
        }
        return sb.toString();
    }

    /** {@code deployment} or {@code model}, any other value an error naming both. */
    static final class HeldOutConverter implements CommandLine.ITypeConverter<HeldOut> {
        @Override
        public HeldOut convert(String value) {
            for (HeldOut h : HeldOut.values()) {
                if (h.label().equals(value)) {
                    return h;
                }
            }
            throw new CommandLine.TypeConversionException("must be deployment or model (got '" + value + "')");
        }
    }

    private CommandLine.ParameterException invalid(String message) {
        return new CommandLine.ParameterException(commandLine(), message);
    }
}
