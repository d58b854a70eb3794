package io.fleetsim.spark;

import io.fleetsim.sweep.ClusterSettings;
import io.fleetsim.sweep.ResultsLog;
import io.fleetsim.sweep.UnitExecutor;
import io.fleetsim.sweep.UnitExecutorProvider;

/** {@code --executor spark}: opens a {@link SparkUnitExecutor}. */
public final class SparkExecutorProvider implements UnitExecutorProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public UnitExecutor open(ClusterSettings settings, ResultsLog log) {
        return SparkUnitExecutor.open(settings, log, UnitTask.SIMULATE);
    }
}
