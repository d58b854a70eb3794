package io.fleetsim.cli;

import io.fleetsim.calibration.EndToEndProfileReader;
import io.fleetsim.calibration.HandoffProfileReader;
import io.fleetsim.calibration.HandoffProfiles;
import io.fleetsim.calibration.PerformanceProfile;
import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.report.AtomicFiles;
import io.fleetsim.report.KneeCapacityReport;
import io.fleetsim.report.ValidationReport;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.validation.DeploymentPlanner;
import io.fleetsim.validation.ErrorSummary;
import io.fleetsim.validation.KneeCapacity;
import io.fleetsim.validation.MeasuredPoint;
import io.fleetsim.validation.ModelValidation;
import io.fleetsim.validation.ParameterSource;
import io.fleetsim.validation.PointOutcome;
import io.fleetsim.validation.PointsFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetsim validate-model POINTS.csv}: simulate every measured end-to-end point as it was
 * measured and report how far the predicted mean TTFT and TPOT are from the measured ones.
 */
@Command(name = "validate-model", mixinStandardHelpOptions = true,
        description = {"Simulate measured end-to-end benchmark points (closed loop at the stated concurrency, "
                + "fixed isl/osl, the row's GPU, model, precision, parallel layout and engine) and compare the "
                + "predicted mean TTFT and TPOT with the measured ones.",
            "",
            "POINTS is a CSV (or gzipped CSV) with the columns of AIConfigurator's silicon sample, as shipped in "
                + "the calibration folder. Writes validation.csv (one row per point; skipped points keep their id "
                + "and the reason) and validation.json in DIR, and prints the median and p90 absolute percentage "
                + "error by (system, backend, model) and overall."})
final class ValidateModelCommand extends BaseCommand {

    @Parameters(paramLabel = "POINTS", description = "CSV of measured points (plain or gzipped).")
    Path points;

    @Option(names = "--profile", paramLabel = "NAME", description = "Performance profile every replica uses "
            + "(rows on another GPU are skipped); default: the profile a scenario pool of the row's GPU, degree "
            + "and precision gets.")
    String profile;

    @Option(names = "--profiles", paramLabel = "FILE", description = "End-to-end profiles as calibrate writes "
            + "them (the shipped ones are in the simulator's resources, profiles folder): each row uses the "
            + "profile of its GPU, engine and precision; rows without one are skipped.")
    Path profilesFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/validate-model).")
    Path out;

    @Option(names = "--mode", paramLabel = "agg|disagg", description = "Only the rows of this mode: aggregated "
            + "or disaggregated prefill/decode deployments (default: every row).")
    String mode;

    @Option(names = "--handoffs", paramLabel = "FILE", description = "Handoff profiles of disaggregated deployments "
            + "as calibrate --mode disagg writes them; default: the shipped ones (in the simulator's resources, "
            + "profiles folder); none for no handoff.")
    String handoffsFile;

    @Option(names = "--threads", paramLabel = "N", description = "Simulations run at once (default: one per core).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = commandLine();
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(cl, "--threads: at least 1 (got " + threads + ")");
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        PerformanceProfiles profiles = PerformanceProfiles.builtIn();
        Optional<PerformanceProfile> chosen = Optional.empty();
        if (profile != null) {
            chosen = profiles.named(profile);
            if (chosen.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "--profile: unknown profile '" + profile + "'; known: "
                        + String.join(", ", profiles.all().stream().map(PerformanceProfile::name).toList()));
            }
        }
        if (profile != null && profilesFile != null) {
            throw new CommandLine.ParameterException(cl, "--profile and --profiles: give one or the other");
        }
        ParameterSource source = chosen.<ParameterSource>map(ParameterSource.Named::new)
                .orElse(new ParameterSource.PoolDefaults(profiles));
        if (profilesFile != null) {
            source = new ParameterSource.EndToEnd(EndToEndProfileReader.read(profilesFile), profilesFile.toString());
        }
        Path folder = OutputFolder.writable(cl, out != null ? out : Path.of("out", "validate-model"));
        HardwareCatalog catalog = CatalogReader.builtIn();
        if (mode != null && !mode.equals("agg") && !mode.equals("disagg")) {
            throw new CommandLine.ParameterException(cl, "--mode: agg or disagg (got '" + mode + "')");
        }
        List<MeasuredPoint> all = PointsFile.read(points, points.toString(), catalog);
        List<MeasuredPoint> measured = all.stream()
                .filter(m -> mode == null || m.deployment().mode().equals(mode)).toList();
        long start = System.nanoTime();
        HandoffProfiles handoffs = handoffsFile == null ? HandoffProfiles.builtIn()
                : handoffsFile.equals("none") ? HandoffProfiles.NONE
                : new HandoffProfiles(HandoffProfileReader.read(Path.of(handoffsFile)));
        DeploymentPlanner planner = new DeploymentPlanner(catalog, source, handoffs).withListingsOf(all);
        List<PointOutcome> outcomes = ModelValidation.run(measured, planner,
                threadCount, done -> { });
        double wall = (System.nanoTime() - start) / 1e9;
        ErrorSummary summary = ErrorSummary.of(outcomes);

        AtomicFiles.writeString(folder.resolve("validation.csv"), ValidationReport.csv(outcomes));
        AtomicFiles.writeString(folder.resolve("validation.json"), ValidationReport.json(summary, points.toString(),
                profile != null ? profile : profilesFile != null ? "per row from " + profilesFile : "default per pool",
                command()));
        KneeCapacity knees = KneeCapacity.of(outcomes, KneeCapacity.DEFAULT_SLO_FACTOR);
        AtomicFiles.writeString(folder.resolve("knee-capacity.csv"), KneeCapacityReport.csv(knees));
        PrintWriter o = out();
        o.print(ValidationReport.text(summary));
        o.println();
        o.print(KneeCapacityReport.text(knees));
        o.printf("%nSimulated on %d threads in %.1f s wall time.%nWrote %s, %s and %s%n", threadCount, wall,
                folder.resolve("validation.csv"), folder.resolve("validation.json"), folder.resolve("knee-capacity.csv"));
        o.flush();
        return EXIT_OK;
    }

    private String command() {
        return "./fleetsim validate-model " + points + (profile == null ? "" : " --profile " + profile)
                + (profilesFile == null ? "" : " --profiles " + profilesFile) + (mode == null ? "" : " --mode " + mode)
                + (handoffsFile == null ? "" : " --handoffs " + handoffsFile);
    }
}
