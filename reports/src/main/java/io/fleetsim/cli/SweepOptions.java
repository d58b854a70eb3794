package io.fleetsim.cli;

import io.fleetsim.sweep.Constraint;
import io.fleetsim.sweep.Dimension;
import io.fleetsim.sweep.Grid;
import io.fleetsim.sweep.ScenarioText;
import io.fleetsim.sweep.SweepInputException;
import io.fleetsim.sweep.SweepSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code sweep} and {@code optimize} share: the scenario, what to vary, where to write. */
final class SweepOptions {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (.yaml, .yml or .json).")
    Path scenario;

    @Option(names = "--vary", paramLabel = "PATH=VALUES",
            description = {"A field of the scenario and its values; repeat for a grid (every combination).",
                "PATH: dotted fields, list elements by index or", "name, e.g.", "  pools[0].replicas",
                "  pools[reserved].gpu", "  workload.arrivals.rate_per_s", "  workload.routes[chat].slo.ttft",
                "VALUES: a,b,c and ranges FROM..TO[:STEP],", "e.g. 2..10:2 or 1,2,4..8:2."})
    List<String> vary = new ArrayList<>();

    @Option(names = "--constraint", paramLabel = "METRIC>=VALUE",
            description = "A requirement, judged on the 95%% confidence interval, e.g. slo_attainment>=0.99 or "
                    + "ttft_p99_ms<=2000 (repeatable). Metrics: cost_per_useful_mtok, slo_attainment, ttft_p99_ms, "
                    + "tpot_p99_ms, total_cost_usd, reserved_share.")
    List<String> constraints = new ArrayList<>();

    @CommandLine.Mixin
    ProgressOption progress;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    @CommandLine.Mixin
    SimulationOptions simulation;

    @Option(names = "--threads", paramLabel = "N",
            description = "Simulations run at once (default: one per core).")
    Integer threads;

    /** The sweep these options describe, every configuration validated; bad options are exit code 2. */
    SweepSpec spec(CommandLine commandLine, List<String> defaultConstraints) {
        try {
            List<Dimension> dimensions = new ArrayList<>();
            for (String v : vary) {
                dimensions.add(Dimension.parse(v));
            }
            List<Constraint> parsed = new ArrayList<>();
            for (String c : constraints.isEmpty() ? defaultConstraints : constraints) {
                parsed.add(Constraint.parse(c));
            }
            return SweepSpec.validated(ScenarioText.read(scenario), simulation.horizonSeconds, simulation.seed, new Grid(dimensions), parsed);
        } catch (SweepInputException e) {
            throw new CommandLine.ParameterException(commandLine, SweepInputWords.of(e));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    /** The thread count to use. */
    int threadCount(CommandLine commandLine) {
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(commandLine, "--threads: at least 1 (got " + threads + ")");
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The output folder: {@code --out}, or {@code out/<scenario name>/<command>}. */
    Path folder(String command) {
        return simulation.folder(mixee.commandLine(), Path.of("out", RunCommand.baseName(scenario), command));
    }
}
