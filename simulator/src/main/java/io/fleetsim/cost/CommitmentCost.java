package io.fleetsim.cost;

import io.fleetsim.spec.CommitmentSpec;

/**
 * What a reserved pool's commitment obliges one to pay over its whole term, whatever the horizon
 * simulated: {@code gpus x $/GPU-hour x overhead x 8,760 h x years}, of which {@code upfrontShare}
 * at signing and the rest in equal monthly payments.
 *
 * @param years      term
 * @param termUsd    whole term
 * @param upfrontUsd paid at signing
 * @param monthlyUsd each of the {@code 12 x years} monthly payments
 */
public record CommitmentCost(int years, double termUsd, double upfrontUsd, double monthlyUsd) {

    /** The obligation of {@code gpus} GPUs committed at {@code usdPerGpuHour} (times {@code overhead}). */
    public static CommitmentCost of(CommitmentSpec terms, int gpus, double usdPerGpuHour, double overhead) {
        double term = gpus * usdPerGpuHour * overhead * 8760.0 * terms.years();
        double upfront = term * terms.upfrontShare();
        return new CommitmentCost(terms.years(), term, upfront, (term - upfront) / (12.0 * terms.years()));
    }
}
