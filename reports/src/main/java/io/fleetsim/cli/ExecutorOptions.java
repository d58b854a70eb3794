package io.fleetsim.cli;

import io.fleetsim.sweep.ClusterSettings;
import io.fleetsim.sweep.ExecutorUnavailableException;
import io.fleetsim.sweep.PointExecutor;
import io.fleetsim.sweep.ResultsLog;
import io.fleetsim.sweep.UnitExecutor;
import io.fleetsim.sweep.UnitExecutorProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where {@code sweep}, {@code optimize} and {@code plan} run their simulations: the local thread
 * pool, or a cluster engine found on the class path ({@link UnitExecutorProvider}). The
 * command-line jar carries no engine; the Spark one is the jar {@code reports/spark} builds.
 */
final class ExecutorOptions {

    /** What {@code --executor spark} needs when the Spark module is not on the class path. */
    static final String SPARK_HINT = "the Spark executor is not in this jar: build it with "
            + "'mvn -B -pl reports/spark -am package -DskipTests' and run "
            + "'spark-submit --class io.fleetsim.cli.FleetsimCommand reports/spark/target/fleetsim-spark.jar ...'";

    @Option(names = "--executor", paramLabel = "local|spark", defaultValue = "local",
            description = {"Where simulations run: local (a thread", "pool, the default) or spark (one Spark job",
                "per batch; needs the fleetsim-spark jar,", "see the README)."})
    String executor;

    @Option(names = "--master", paramLabel = "URL",
            description = {"Spark master for --executor spark:", "  local[*] (default, unless spark-submit",
                "    set one),", "  local[N], local[N,ATTEMPTS],", "  spark://host:7077, yarn, k8s://..."})
    String master;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
            description = {"A Spark setting passed through to", "--executor spark (repeatable), e.g.",
                "  spark.task.maxFailures=4"})
    List<String> sparkConf = new ArrayList<>();

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    /** The executor chosen, on {@code threads} threads if local; a bad choice is exit code 2. */
    UnitExecutor open(int threads, ResultsLog log) {
        CommandLine cl = mixee.commandLine();
        if (executor.equals("local")) {
            if (master != null || !sparkConf.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "--master and --spark-conf need --executor spark");
            }
            return new PointExecutor(threads, log);
        }
        if (!executor.equals("spark")) {
            throw new CommandLine.ParameterException(cl,
                    "--executor: local or spark (got \"" + executor + "\")");
        }
        Map<String, String> conf = new LinkedHashMap<>();
        for (String kv : sparkConf) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cl,
                        "--spark-conf: KEY=VALUE, e.g. spark.task.maxFailures=4 (got \"" + kv + "\")");
            }
            conf.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        UnitExecutorProvider provider = provider(executor);
        if (provider == null) {
            throw new CommandLine.ParameterException(cl, "--executor spark: " + SPARK_HINT);
        }
        try {
            return provider.open(new ClusterSettings(master, conf, "fleetsim " + mixee.name()), log);
        } catch (ExecutorUnavailableException e) {
            throw new CommandLine.ParameterException(cl, "--executor spark: " + e.getMessage());
        }
    }

    private static UnitExecutorProvider provider(String name) {
        for (UnitExecutorProvider p : ServiceLoader.load(UnitExecutorProvider.class)) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }
}
