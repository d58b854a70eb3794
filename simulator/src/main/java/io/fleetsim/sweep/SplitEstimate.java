package io.fleetsim.sweep;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A disaggregated pool's two sides over the replications of a configuration ({@link SplitFigures}
 * as means with 95% intervals).
 *
 * @param deployments        the pool's deployments (its replicas)
 * @param prefillWorkers     prefill workers per deployment
 * @param decodeWorkers      decode workers per deployment
 * @param prefillUtilization prefill side's utilisation
 * @param decodeUtilization  decode side's utilisation
 * @param prefillOccupancy   prefill side's batch occupancy
 * @param decodeOccupancy    decode side's batch occupancy
 * @param kvTransferP50Ms    median KV transfer time
 * @param kvTransferP90Ms    90th percentile KV transfer time
 */
public record SplitEstimate(int deployments, int prefillWorkers, int decodeWorkers, Estimate prefillUtilization,
                            Estimate decodeUtilization, Estimate prefillOccupancy, Estimate decodeOccupancy,
                            Estimate kvTransferP50Ms, Estimate kvTransferP90Ms) {

    /** The estimate over {@code runs} (one configuration's, so the worker counts are the same in each). */
    public static SplitEstimate of(List<SplitFigures> runs) {
        SplitFigures first = runs.get(0);
        return new SplitEstimate(first.deployments(), first.prefillWorkers(), first.decodeWorkers(),
                over(runs, SplitFigures::prefillUtilization), over(runs, SplitFigures::decodeUtilization),
                over(runs, SplitFigures::prefillOccupancy), over(runs, SplitFigures::decodeOccupancy),
                over(runs, SplitFigures::kvTransferP50Ms), over(runs, SplitFigures::kvTransferP90Ms));
    }

    private static Estimate over(List<SplitFigures> runs, ToDoubleFunction<SplitFigures> figure) {
        return Estimate.of(runs.stream().mapToDouble(figure).toArray());
    }
}
