package io.fleetsim.fleet;

import io.fleetsim.serving.Server;
import io.fleetsim.serving.WorkSource;
import io.fleetsim.workload.Request;

/**
 * What one replica of a central-queue pool pulls from: the pool's shared queue, seen by a source
 * that knows which replica it feeds, so that the replica's going idle and its load changes reach
 * the pool without a lookup from server to replica on every request.
 */
final class PoolQueueView implements WorkSource {

    private final Pool pool;
    private Replica owner;

    PoolQueueView(Pool pool) {
        this.pool = pool;
    }

    /** The replica this view feeds, told once it exists (it is built with its server, which needs the view). */
    void ownedBy(Replica replica) {
        this.owner = replica;
    }

    @Override
    public Request peek() {
        return pool.peek();
    }

    @Override
    public Request poll() {
        return pool.poll();
    }

    @Override
    public int waiting() {
        return pool.sharedWaiting();
    }

    @Override
    public void serverIdle(Server server) {
        pool.serverIdle(owner);
    }

    @Override
    public void loadChanged(Server server) {
        pool.loadChanged(owner);
    }
}
