package io.fleetsim.spec;

/** How a pool's iteration times are computed. */
public enum StepTimeMethod {
    /** From measured kernel tables of the pool's engine version and GPU; roofline where none ship. */
    KERNELS,
    /** The datasheet roofline with efficiency factors. */
    ROOFLINE
}
