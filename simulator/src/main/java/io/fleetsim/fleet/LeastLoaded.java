package io.fleetsim.fleet;

/**
 * A pool's serving replicas ordered by the load its balancing policy reads: the least loaded one,
 * the first launched among equals (the one a scan of the pool in launch order would pick), at
 * once. A replica's load is read when it is added or {@linkplain #update updated}, never at
 * {@link #peek}, so the pool says when a load has changed.
 */
interface LeastLoaded {

    /** The least loaded replica (lowest number among equals), or null when empty. */
    Replica peek();

    /** True when {@code r} is in the index. */
    boolean contains(Replica r);

    /** Adds {@code r} (not in the index) at its current load. */
    void add(Replica r);

    /** Removes {@code r}, if it is in the index. */
    void remove(Replica r);

    /** {@code r}'s load has changed: move it to where it now belongs (nothing when it is not here). */
    void update(Replica r);
}
