package io.fleetsim.spark;

import io.fleetsim.run.ProgressListener;
import io.fleetsim.sweep.BatchProgress;
import io.fleetsim.sweep.ClusterSettings;
import io.fleetsim.sweep.ExecutorUnavailableException;
import io.fleetsim.sweep.PointResult;
import io.fleetsim.sweep.ResultsLog;
import io.fleetsim.sweep.SweepJson;
import io.fleetsim.sweep.UnitExecutor;
import io.fleetsim.sweep.UnitFailedException;
import io.fleetsim.sweep.WorkUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Runs each batch of units as one Spark job, one task per unit, each task mapping the unit's JSON
 * ({@link io.fleetsim.sweep.SweepJson}) to its result's. Results reach the driver as tasks finish
 * and are appended to the {@link ResultsLog} there and then, so a killed driver resumes like the
 * local executor; they are handed back in the units' order, so reports are byte-identical to a
 * local run. A failing task is retried by Spark ({@code spark.task.maxFailures}, or F in
 * {@code local[N,F]}); a unit that fails every attempt is a {@link UnitFailedException}.
 */
public final class SparkUnitExecutor implements UnitExecutor {

    private static final Pattern LOCAL = Pattern.compile("local\\[(\\*|\\d+)(?:,(\\d+))?]");
    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final JavaSparkContext spark;
    private final ResultsLog log;
    private final UnitTask task;
    private int simulated;
    private int resumed;

    private SparkUnitExecutor(JavaSparkContext spark, ResultsLog log, UnitTask task) {
        this.spark = spark;
        this.log = log;
        this.task = task;
    }

    /**
     * Starts a Spark context for {@code settings} (a master spark-submit set wins over none given;
     * {@code local[*]} when neither), running units with {@code runner}.
     *
     * @throws ExecutorUnavailableException if the master cannot be reached or Spark cannot start
     */
    static SparkUnitExecutor open(ClusterSettings settings, ResultsLog log, UnitTask.Runner runner) {
        String master = settings.master() != null ? settings.master()
                : settings.conf().getOrDefault("spark.master", System.getProperty("spark.master", "local[*]"));
        // before any Spark class loads: Spark logs warnings about this host's address as it starts
        checkReachable(master);
        SparkConf conf = new SparkConf(true);
        settings.conf().forEach(conf::set);
        conf.setMaster(master);
        if (!conf.contains("spark.app.name")) {
            conf.setAppName(settings.appName());
        }
        if (master.startsWith("local") && !conf.contains("spark.driver.host")
                && !conf.contains("spark.driver.bindAddress")) {
            // everything runs in this process: nothing needs to reach the driver from another machine
            conf.set("spark.driver.host", "127.0.0.1");
            conf.set("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!master.startsWith("local") && !conf.contains("spark.jars")) {
            // started without spark-submit (java -cp): executors on other machines need this jar too
            conf.setJars(JavaSparkContext.jarOfClass(SparkUnitExecutor.class));
        }
        int attempts = maxAttempts(master, conf);
        try {
            return new SparkUnitExecutor(new JavaSparkContext(conf), log, new UnitTask(runner, attempts));
        } catch (RuntimeException e) {
            throw new ExecutorUnavailableException("cannot start Spark on " + master + ": " + oneLine(e), e);
        }
    }

    /** Attempts Spark gives a task: F of {@code local[N,F]}, 1 for other local masters, else the setting. */
    static int maxAttempts(String master, SparkConf conf) {
        Matcher m = LOCAL.matcher(master);
        if (m.matches()) {
            return m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        }
        if (master.equals("local")) {
            return 1;
        }
        return conf.getInt("spark.task.maxFailures", 4);
    }

    /** A standalone master that does not answer would make Spark wait and retry for a minute: fail at once. */
    private static void checkReachable(String master) {
        if (!master.startsWith("spark://")) {
            return;
        }
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            URI uri;
            try {
                uri = URI.create("spark://" + hostPort);
            } catch (IllegalArgumentException e) {
                throw new ExecutorUnavailableException("not a Spark master URL: " + master);
            }
            if (uri.getHost() == null) {
                throw new ExecutorUnavailableException("not a Spark master URL: " + master);
            }
            int port = uri.getPort() < 0 ? 7077 : uri.getPort();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MS);
                return;
            } catch (IOException e) {
                if (!master.contains(",")) {
                    throw new ExecutorUnavailableException("cannot reach the Spark master " + master + ": "
                            + e.getMessage());
                }
            }
        }
        throw new ExecutorUnavailableException("cannot reach any Spark master of " + master);
    }

    @Override
    public List<PointResult> run(List<WorkUnit> units, BatchProgress batch) throws InterruptedException {
        try {
            return run(units, batch.start(units.size()));
        } finally {
            batch.finish();
        }
    }

    private List<PointResult> run(List<WorkUnit> units, IntFunction<ProgressListener> progress)
            throws InterruptedException {
        List<PointResult> done = new ArrayList<>();
        List<Integer> pendingIndex = new ArrayList<>();
        List<String> pendingJson = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            PointResult previous = log.find(units.get(i).key());
            done.add(previous);
            if (previous != null) {
                resumed++;
                progress.apply(i).progress(1, 1);
            } else {
                pendingIndex.add(i);
                pendingJson.add(write(units.get(i)));
            }
        }
        if (pendingJson.isEmpty()) {
            return done;
        }
        Arrivals arrivals = new Arrivals(units, pendingIndex, done, progress);
        JavaRDD<String> rdd = spark.parallelize(pendingJson, pendingJson.size());
        spark.setJobDescription("fleetsim: " + pendingJson.size() + " units");
        try {
            spark.sc().runJob(rdd.rdd(), task, arrivals, ClassTag$.MODULE$.apply(String.class));
        } catch (RuntimeException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("Spark job cancelled");
            }
            if (arrivals.error != null) {
                throw arrivals.error;
            }
            throw new ExecutorUnavailableException("the Spark job failed: " + oneLine(e), e);
        }
        if (arrivals.error != null) {
            throw arrivals.error;
        }
        if (arrivals.failed != null) {
            throw arrivals.failed;
        }
        return done;
    }

    /** What the driver does with each task's outcome as it arrives (on Spark's scheduler thread). */
    private final class Arrivals extends AbstractFunction2<Object, String, BoxedUnit> {
        private final List<WorkUnit> units;
        private final List<Integer> pendingIndex;
        private final List<PointResult> done;
        private final IntFunction<ProgressListener> progress;
        private RuntimeException error;
        private UnitFailedException failed;
        private int failedIndex = Integer.MAX_VALUE;

        Arrivals(List<WorkUnit> units, List<Integer> pendingIndex, List<PointResult> done,
                 IntFunction<ProgressListener> progress) {
            this.units = units;
            this.pendingIndex = pendingIndex;
            this.done = done;
            this.progress = progress;
        }

        @Override
        public BoxedUnit apply(Object partition, String sent) {
            int i = pendingIndex.get((Integer) partition);
            WorkUnit unit = units.get(i);
            try {
                TaskOutcome outcome = TaskOutcome.parse(sent);
                if (outcome.resultJson() == null) {
                    if (i < failedIndex) {
                        failedIndex = i;
                        failed = new UnitFailedException(unit, outcome.attempts(), outcome.failure());
                    }
                    return BoxedUnit.UNIT;
                }
                PointResult r = SweepJson.read(outcome.resultJson(), PointResult.class);
                if (!r.key().equals(unit.key())) {
                    throw new IllegalStateException("the executor computed configuration " + r.key().configuration()
                            + " replication " + r.key().replication() + " from other data (scenario hash "
                            + r.key().scenarioHash() + ", here " + unit.key().scenarioHash()
                            + "): data files must be the same on every worker");
                }
                log.append(r);
                done.set(i, r);
                simulated++;
                progress.apply(i).progress(1, 1);
            } catch (IOException e) {
                error = error != null ? error : new UncheckedIOException("cannot append to " + log.file(), e);
            } catch (RuntimeException e) {
                error = error != null ? error : e;
            }
            return BoxedUnit.UNIT;
        }
    }

    private static String write(WorkUnit unit) {
        return SweepJson.write(unit);
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public int simulated() {
        return simulated;
    }

    @Override
    public int resumed() {
        return resumed;
    }

    @Override
    public String describe() {
        return "Spark " + spark.master();
    }

    @Override
    public void close() {
        spark.stop();
    }
}
