package io.fleetsim.spark;

import io.fleetsim.run.ProgressListener;
import io.fleetsim.sweep.PointResult;
import io.fleetsim.sweep.ScenarioText;
import io.fleetsim.sweep.ScenarioVariant;
import io.fleetsim.sweep.SweepJson;
import io.fleetsim.sweep.WorkUnit;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The function a Spark task runs on an executor: the JSON of one work unit to the JSON of its
 * result. A failing attempt is thrown again, so Spark retries the task on another attempt (and
 * executor); the last allowed attempt instead returns a {@link TaskOutcome} naming the failure, so
 * the driver can report which configuration and replication kept failing.
 */
final class UnitTask extends AbstractFunction1<Iterator<String>, String> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How a unit's JSON becomes its result's JSON on an executor; replaceable to test retries. */
    @FunctionalInterface
    interface Runner extends Serializable {
        /** The result of {@code unitJson}, as JSON; {@code attempt} counts from 0. */
        String run(String unitJson, int attempt) throws Exception;
    }

    /** Parses each scenario once per executor process: parsing reads the catalog. */
    private static final Map<ScenarioText, ScenarioVariant> PARSED = new ConcurrentHashMap<>();

    /** The real work: parse the unit and simulate it. */
    static final Runner SIMULATE = (unitJson, attempt) -> {
        WorkUnit unit = SweepJson.read(unitJson, WorkUnit.class);
        if (PARSED.size() > 64) {
            PARSED.clear();
        }
        ScenarioVariant variant = PARSED.computeIfAbsent(unit.scenario(), ScenarioVariant::of);
        PointResult result = unit.run(variant, ProgressListener.NONE);
        return SweepJson.write(result);
    };

    private final Runner runner;
    private final int maxAttempts;

    UnitTask(Runner runner, int maxAttempts) {
        this.runner = runner;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public String apply(Iterator<String> partition) {
        String unitJson = partition.next();
        int attempt = TaskContext.get() == null ? 0 : TaskContext.get().attemptNumber();
        try {
            return TaskOutcome.success(runner.run(unitJson, attempt));
        } catch (Exception | Error e) {
            if (attempt + 1 < maxAttempts) {
                throw new IllegalStateException("unit failed on attempt " + (attempt + 1) + ": " + e, e);
            }
            return TaskOutcome.failure(attempt + 1, String.valueOf(e));
        }
    }
}
