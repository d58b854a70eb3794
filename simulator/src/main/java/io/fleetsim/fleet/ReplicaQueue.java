package io.fleetsim.fleet;

import io.fleetsim.serving.Server;
import io.fleetsim.serving.WorkSource;
import io.fleetsim.workload.Request;
import java.util.ArrayDeque;

/**
 * One replica's own queue, for pools that assign each request to a replica on arrival. When it
 * is empty the replica takes from the pool's shared queue, where requests wait while no replica is
 * serving or after their replica stopped taking work.
 */
final class ReplicaQueue implements WorkSource {

    private final Pool pool;
    private final ArrayDeque<Request> requests = new ArrayDeque<>();
    private long tokens;
    private Replica owner;

    ReplicaQueue(Pool pool) {
        this.pool = pool;
    }

    /** The replica this queue feeds, told once it exists (it is built with its server, which needs the queue). */
    void ownedBy(Replica replica) {
        this.owner = replica;
    }

    void add(Request request) {
        requests.add(request);
        tokens += request.totalTokens();
        pool.replicaQueueChanged(owner, 1);
    }

    /** Prompt plus output tokens waiting here. */
    long tokens() {
        return tokens;
    }

    int size() {
        return requests.size();
    }

    /** Empties the queue, handing back what waited (for the pool to place elsewhere). */
    ArrayDeque<Request> takeAll() {
        ArrayDeque<Request> out = new ArrayDeque<>(requests);
        requests.clear();
        tokens = 0;
        pool.replicaQueueChanged(owner, -out.size());
        return out;
    }

    @Override
    public Request peek() {
        dropCancelledHead();
        return requests.isEmpty() ? pool.peek() : requests.peek();
    }

    @Override
    public int waiting() {
        dropCancelledHead();
        return requests.size() + pool.sharedWaiting();
    }

    @Override
    public Request poll() {
        dropCancelledHead();
        if (requests.isEmpty()) {
            return pool.poll();
        }
        Request r = requests.poll();
        tokens -= r.totalTokens();
        pool.replicaQueueChanged(owner, -1);
        pool.takenFromReplicaQueue();
        return r;
    }

    @Override
    public void serverIdle(Server server) {
        pool.serverIdle(owner);
    }

    @Override
    public void loadChanged(Server server) {
        pool.loadChanged(owner);
    }

    private void dropCancelledHead() {
        while (!requests.isEmpty() && pool.forgetIfCancelled(requests.peek())) {
            tokens -= requests.poll().totalTokens();
            pool.replicaQueueChanged(owner, -1);
        }
    }
}
