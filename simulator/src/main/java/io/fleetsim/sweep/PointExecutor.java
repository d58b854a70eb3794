package io.fleetsim.sweep;

import io.fleetsim.run.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The default {@link UnitExecutor}: runs units of work on a fixed pool of threads, one
 * single-threaded simulation per thread, and hands results back in the order the units were
 * given whatever order they finish in. A unit whose result is already in the {@link ResultsLog}
 * is not run again; every new result is appended to the log as soon as it is computed.
 */
public final class PointExecutor implements UnitExecutor {

    private final ExecutorService threads;
    private final int threadCount;
    private final ResultsLog log;
    private final Map<ScenarioText, ScenarioVariant> parsed = new ConcurrentHashMap<>();
    private int simulated;
    private int resumed;

    /** An executor of {@code threadCount} threads writing to {@code log}. */
    public PointExecutor(int threadCount, ResultsLog log) {
        if (threadCount < 1) {
            throw new IllegalArgumentException("needs at least one thread");
        }
        this.threads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, "fleetsim-sweep");
            t.setDaemon(true);
            return t;
        });
        this.threadCount = threadCount;
        this.log = log;
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
        List<Future<PointResult>> futures = new ArrayList<>();
        List<PointResult> done = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            WorkUnit unit = units.get(i);
            PointResult previous = log.find(unit.key());
            done.add(previous);
            if (previous != null) {
                resumed++;
                progress.apply(i).progress(1, 1);
                futures.add(null);
                continue;
            }
            ProgressListener listener = progress.apply(i);
            futures.add(threads.submit(() -> {
                ScenarioVariant variant = parsed.computeIfAbsent(unit.scenario(), ScenarioVariant::of);
                PointResult r = unit.run(variant, listener);
                try {
                    log.append(r);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot append to " + log.file(), e);
                }
                return r;
            }));
        }
        try {
            for (int i = 0; i < futures.size(); i++) {
                if (futures.get(i) != null) {
                    done.set(i, futures.get(i).get());
                    simulated++;
                }
            }
        } catch (ExecutionException e) {
            cancel(futures);
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException | CancellationException e) {
            cancel(futures);
            throw e;
        }
        return done;
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
        return threadCount + (threadCount == 1 ? " thread" : " threads");
    }

    private static void cancel(List<Future<PointResult>> futures) {
        for (Future<PointResult> f : futures) {
            if (f != null) {
                f.cancel(true);
            }
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
