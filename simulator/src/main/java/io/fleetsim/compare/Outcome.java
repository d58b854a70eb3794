package io.fleetsim.compare;

/** What a comparison decided. */
public enum Outcome {
    /** Some strategy meets the SLO attainment target; the cheapest per useful token of them wins. */
    CHEAPEST_MEETING_TARGET,
    /** No strategy meets the target; the one with the highest attainment, if any, is the closest. */
    NONE_MEETS_TARGET
}
