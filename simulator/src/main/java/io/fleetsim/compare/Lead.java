package io.fleetsim.compare;

import io.fleetsim.sweep.Estimate;

/**
 * How much more than the winner another strategy meeting the target costs per useful 1M tokens,
 * paired over the common seeds (replication i of both saw the same requests).
 *
 * @param other      the strategy behind
 * @param extraCost  {@code other}'s cost per useful 1M tokens minus the winner's, with its 95% interval
 * @param separation whether that interval lies wholly above zero
 */
public record Lead(Strategy other, Estimate extraCost, Separation separation) {

    /** The lead of the winner over {@code other}, whose paired extra cost is {@code extraCost}. */
    static Lead of(Strategy other, Estimate extraCost) {
        return new Lead(other, extraCost, extraCost.lower() > 0 ? Separation.TOLD_APART : Separation.NOT_TOLD_APART);
    }
}
