package io.fleetsim.fleet;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The indexed heap must name the replica the old scan named: the first, in launch order, of the
 * least loaded serving replicas. Random loads with many ties, replicas leaving and joining, checked
 * against that scan after every change.
 */
class ReplicaHeapTest {

    private static Replica scanFirstLeast(List<Replica> serving, long[] load) {
        Replica best = null;
        for (Replica r : serving) {
            if (best == null || load[r.number] < load[best.number]) {
                best = r;
            }
        }
        return best;
    }

    @Test
    void picksTheFirstLeastLoadedInLaunchOrderThroughEveryChange() {
        int n = 40;
        long[] load = new long[n];
        List<Replica> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(new Replica(i, null, null, 0));
        }
        ReplicaHeap heap = new ReplicaHeap(r -> load[r.number]);
        List<Replica> serving = new ArrayList<>();
        assertNull(heap.peek());
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 20_000; step++) {
            Replica r = all.get(random.nextInt(n));
            int op = random.nextInt(10);
            if (op == 0 && heap.contains(r)) {
                heap.remove(r);
                serving.remove(r);
            } else if (op == 1 && !heap.contains(r)) {
                heap.add(r);
                serving.add(r);
                serving.sort((a, b) -> Integer.compare(a.number, b.number));
            } else {
                // few distinct loads, so that ties are the common case
                load[r.number] = random.nextInt(4);
                heap.update(r);
            }
            assertSame(scanFirstLeast(serving, load), heap.peek(), "step " + step);
        }
    }
}
