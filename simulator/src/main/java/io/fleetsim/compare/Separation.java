package io.fleetsim.compare;

/** Whether a lead in cost per useful token is told apart from noise at 95% confidence. */
public enum Separation {
    /** The whole 95% interval of the paired difference lies above zero: the winner is cheaper. */
    TOLD_APART,
    /** The interval reaches zero or below: the replications cannot tell the two apart. */
    NOT_TOLD_APART
}
