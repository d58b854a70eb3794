package io.fleetsim.fleet;

import io.fleetsim.workload.Request;
import java.util.ArrayDeque;

/**
 * A pool's shared queue: first come, first served within a priority, higher priorities first
 * (the route's {@code priority}). With one priority it is a plain FIFO.
 */
final class PriorityFifo {

    private final int[] priorityOfRoute;
    private final ArrayDeque<Request>[] levels;
    private int size;

    @SuppressWarnings("unchecked")
    PriorityFifo(int[] priorityOfRoute) {
        this.priorityOfRoute = priorityOfRoute.clone();
        int max = 0;
        for (int p : priorityOfRoute) {
            max = Math.max(max, p);
        }
        levels = new ArrayDeque[max + 1];
        for (int i = 0; i <= max; i++) {
            levels[i] = new ArrayDeque<>();
        }
    }

    void add(Request request) {
        levels[priorityOfRoute[request.route()]].add(request);
        size++;
    }

    Request peek() {
        if (size == 0) {
            return null;
        }
        for (int i = levels.length - 1; i >= 0; i--) {
            if (!levels[i].isEmpty()) {
                return levels[i].peek();
            }
        }
        return null;
    }

    Request poll() {
        if (size == 0) {
            return null;
        }
        for (int i = levels.length - 1; i >= 0; i--) {
            if (!levels[i].isEmpty()) {
                size--;
                return levels[i].poll();
            }
        }
        return null;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
