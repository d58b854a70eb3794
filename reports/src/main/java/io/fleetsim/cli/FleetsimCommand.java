package io.fleetsim.cli;

import io.fleetsim.input.NearestName;
import io.fleetsim.input.ScenarioException;
import io.fleetsim.sweep.SweepInputException;
import io.fleetsim.sweep.UnitFailedException;
import io.fleetsim.sweep.VariantException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code fleetsim} command line: one class per subcommand. */
@Command(name = "fleetsim", mixinStandardHelpOptions = true, version = "fleetsim 0.1",
        description = "Capacity-planning simulator for LLM inference fleets.",
        subcommands = {RunCommand.class, CompareCommand.class, ValidateCommand.class, SweepCommand.class,
                OptimizeCommand.class, PlanCommand.class, CatalogCommand.class, CalibrateCommand.class,
                TraceCommand.class, BenchCommand.class, KernelsCommand.class, ValidateModelCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:unexpected failure", "2:invalid input (scenario file or arguments)"})
public final class FleetsimCommand extends BaseCommand {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean debug;

    @Override
    public Integer call() {
        commandLine().usage(out());
        return EXIT_OK;
    }

    /** A command line ready to execute, with fleetsim's error handling. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new FleetsimCommand());
        cl.setExecutionExceptionHandler(FleetsimCommand::handleError);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + message(ex));
            Optional<String> near = nearest(ex);
            if (near.isPresent()) {
                err.println("Did you mean '" + near.get() + "'?");
            } else {
                CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            }
            err.flush();
            return EXIT_INVALID_INPUT;
        });
        return cl;
    }

    /** What was wrong: a value fleetsim's converter refused reads {@code --option: what is allowed}. */
    private static String message(CommandLine.ParameterException ex) {
        if (ex.getCause() instanceof OptionValueException refused
                && ex.getArgSpec() instanceof CommandLine.Model.OptionSpec option) {
            return option.longestName() + ": " + refused.getMessage();
        }
        return ex.getMessage();
    }

    /**
     * The command or option a mistyped argument most likely meant. picocli's own suggestions
     * compare letter pairs, so they miss a swap ({@code rnu} shares no pair with {@code run}).
     */
    private static Optional<String> nearest(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        CommandLine.Model.CommandSpec spec = ex.getCommandLine().getCommandSpec();
        String typed = u.getUnmatched().get(0);
        String name = typed.contains("=") && typed.startsWith("-") ? typed.substring(0, typed.indexOf('=')) : typed;
        Set<String> candidates = new TreeSet<>();
        if (name.startsWith("-")) {
            spec.options().forEach(o -> candidates.addAll(List.of(o.names())));
        } else {
            candidates.addAll(spec.subcommands().keySet());
        }
        return NearestName.of(name, candidates);
    }

    /** What to say when the heap ran out: one line with the remedies. */
    static final String OUT_OF_MEMORY = "error: out of memory: give Java a bigger heap (e.g. FLEETSIM_JAVA_OPTS=-Xmx8g "
            + "./fleetsim ...), or shorten the horizon, lower the traffic or set max_queue on the pools";

    /** True when {@code t} or one of its causes is an {@link OutOfMemoryError}. */
    static boolean outOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static int handleError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (debugRequested(parsed)) {
            e.printStackTrace(err);
        }
        if (outOfMemory(e)) {
            err.println(OUT_OF_MEMORY);
            err.flush();
            return EXIT_FAILURE;
        }
        if (e instanceof VariantException variant) {
            err.println("error: " + SweepInputWords.of(variant));
            err.flush();
            return EXIT_INVALID_INPUT;
        }
        if (e instanceof ScenarioException) {
            err.println("error: " + e.getMessage());
            err.flush();
            return EXIT_INVALID_INPUT;
        }
        if (e instanceof SweepInputException refused) {
            // a sweep input refused outside a command's own check: still worded as the user typed it
            err.println("error: " + SweepInputWords.of(refused));
            err.flush();
            return EXIT_INVALID_INPUT;
        }
        if (e instanceof UnitFailedException) {
            // a simulation that keeps failing: say which, so it can be rerun alone
            err.println("error: " + e.getMessage());
            err.flush();
            return EXIT_FAILURE;
        }
        err.println("error: " + e + (debugRequested(parsed) ? "" : " (run with --debug for details)"));
        err.flush();
        return EXIT_FAILURE;
    }

    private static boolean debugRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** Entry point of the jar. */
    public static void main(String[] args) {
        int code;
        try {
            code = newCommandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // thrown on the command's own thread, past picocli's handler of exceptions
            System.err.println(OUT_OF_MEMORY);
            code = EXIT_FAILURE;
        }
        System.exit(code);
    }
}
