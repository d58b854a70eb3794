package io.fleetsim.cli;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.scenario.Feasibility;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code fleetsim validate FILE...}: check scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files without running them; exit code 2 if any is invalid.")
final class ValidateCommand extends BaseCommand {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PrintWriter err = err();
        ScenarioLoader loader = new ScenarioLoader();
        int invalid = 0;
        for (Path file : files) {
            try {
                ScenarioSpec s = loader.load(file);
                Feasibility.check(s, file.toString());
                int gpus = s.pools().stream().mapToInt(p -> p.gpus()).sum();
                out.printf("ok: %s (scenario '%s': %d route(s), %d pool(s), %d GPU(s))%n", file, s.name(),
                        s.workload().routes().size(), s.pools().size(), gpus);
            } catch (ScenarioException e) {
                err.println("error: " + e.getMessage());
                invalid++;
            }
        }
        out.flush();
        err.flush();
        return invalid == 0 ? EXIT_OK : EXIT_INVALID_INPUT;
    }
}
