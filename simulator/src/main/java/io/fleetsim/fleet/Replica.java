package io.fleetsim.fleet;

import io.fleetsim.serving.Server;

/** One replica of a pool and where it is in its life; owned and changed by its {@link Pool}. */
final class Replica {

    final int number;
    final Server server;
    /** Its own queue when the pool assigns requests on arrival, else null. */
    final ReplicaQueue local;
    final double startedAt;
    ReplicaState state = ReplicaState.COLD_START;
    double since;
    /** Taken away (interrupted, failed, lost in a zone) rather than released after draining. */
    boolean killed;
    /** A spot interruption notice has been received. */
    boolean noticed;
    /**
     * Where the pool's {@link LeastLoaded} index keeps it: its slot in a {@link ReplicaHeap}, its
     * load in {@link ReplicaBuckets}; -1 when not in it.
     */
    int indexSlot = -1;

    Replica(int number, Server server, ReplicaQueue local, double startedAt) {
        this.number = number;
        this.server = server;
        this.local = local;
        this.startedAt = startedAt;
        this.since = startedAt;
    }
}
