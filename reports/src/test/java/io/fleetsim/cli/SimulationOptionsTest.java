package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command that mixes in {@link SimulationOptions} has its own help text for each of them, and
 * refuses a bad horizon the same way: exit 2, {@code error: --horizon: ...}.
 */
class SimulationOptionsTest {

    private static final ResourceBundle TEXTS = ResourceBundle.getBundle("io.fleetsim.cli.SimulationOptions");

    private static void mixedIn(CommandLine cl, List<String> missing, List<String> commands) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            if (o.userObject() instanceof Field f && f.getDeclaringClass() == SimulationOptions.class) {
                String key = spec.qualifiedName(".") + "." + o.descriptionKey();
                if (!TEXTS.containsKey(key)) {
                    missing.add(key);
                }
                if (!commands.contains(spec.name())) {
                    commands.add(spec.name());
                }
            }
        }
        cl.getSubcommands().values().forEach(sub -> mixedIn(sub, missing, commands));
    }

    @Test
    void everyCommandWithTheOptionsHasItsHelpTexts() {
        List<String> missing = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        mixedIn(FleetsimCommand.newCommandLine(), missing, commands);
        assertEquals(List.of("run", "compare", "sweep", "optimize", "plan"), commands);
        assertTrue(missing.isEmpty(), "no help text for " + missing);
    }

    @Test
    void helpShowsTheCommandsOwnText() {
        CommandLine root = FleetsimCommand.newCommandLine();
        assertEquals("Report folder (default: out/compare).",
                root.getSubcommands().get("compare").getCommandSpec().findOption("--out").description()[0]);
        assertEquals("Override the horizon, e.g. 30m.",
                root.getSubcommands().get("plan").getCommandSpec().findOption("--horizon").description()[0]);
    }

    @Test
    void everyCommandRefusesABadHorizonNamingTheOption() {
        String scenario = "scenarios/quickstart.yaml";
        String[][] commands = {{"run", scenario}, {"compare", scenario, scenario}, {"sweep", scenario},
            {"optimize", scenario}, {"plan", scenario}};
        for (String[] command : commands) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--horizon", "90"));
            CliRunner.Result r = CliRunner.fleetsim(args.toArray(String[]::new));
            assertEquals(2, r.code(), r.describe());
            assertTrue(r.err().startsWith("error: --horizon: must be a duration with a unit"), r.describe());
            assertTrue(r.err().contains("(got \"90\")"), r.describe());
        }
    }
}
