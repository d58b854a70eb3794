package io.fleetsim.kernels;

/**
 * Which measured grid values are kept out of the shipped tables, so that the tables can be
 * checked on measurements they were not built from: along a table's token axis (GEMM m, prefill
 * ISL, decode KV length, MoE tokens), every {@value #EVERY}-th distinct value starting from the
 * third, never the first or the last (an edge is needed to interpolate without extrapolating).
 */
public final class HeldOut {

    /** One value in this many is held out. */
    public static final int EVERY = 4;

    private HeldOut() {
    }

    /** Whether the {@code index}-th of {@code count} sorted distinct values is held out. */
    public static boolean isHeldOut(int index, int count) {
        return index > 0 && index < count - 1 && index % EVERY == 2;
    }
}
