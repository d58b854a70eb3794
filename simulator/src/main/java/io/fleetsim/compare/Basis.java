package io.fleetsim.compare;

/** What a comparison's decision is judged on. */
public enum Basis {
    /** One run of every strategy on the common seed: a strategy meets the target when its attainment does. */
    SINGLE_RUN,
    /**
     * Replications on common seeds: a strategy meets the target when the whole 95% interval of its
     * attainment does, and leads are paired differences over the common seeds.
     */
    REPLICATIONS
}
