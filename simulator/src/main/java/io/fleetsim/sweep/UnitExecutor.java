package io.fleetsim.sweep;

import java.util.List;

/**
 * Where the units of work of a sweep, search, sensitivity analysis or plan are run: the local
 * thread pool ({@link PointExecutor}) or a cluster engine plugged in through
 * {@link UnitExecutorProvider}. Every implementation keeps the same contract, so results never
 * depend on where they were computed:
 * <ul>
 *   <li>results come back in the order the units were given;</li>
 *   <li>a unit whose result is already in the {@link ResultsLog} is not run again;</li>
 *   <li>every new result is appended to the log as soon as it reaches this process, so a killed
 *   run resumes.</li>
 * </ul>
 */
public interface UnitExecutor extends AutoCloseable {

    /** Runs {@code units} as one batch shown on {@code batch}; the results are in the units' order. */
    List<PointResult> run(List<WorkUnit> units, BatchProgress batch) throws InterruptedException;

    /** Simulations run so far (units not found in the log). */
    int simulated();

    /** Units whose result was taken from the log so far. */
    int resumed();

    /** How results are computed, for the closing line of a command, e.g. "2 threads". */
    String describe();

    @Override
    void close();
}
