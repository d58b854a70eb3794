package io.fleetsim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The load buckets must name the replica the old scan named, as the heap does: the first, in
 * launch order, of the least loaded serving replicas. Loads moving by one (as requests in service
 * do) and jumping, replicas leaving and joining, numbers past one 64-bit word, checked against
 * the scan and the heap after every change.
 */
class ReplicaBucketsTest {

    private static Replica scanFirstLeast(List<Replica> serving, int[] load) {
        Replica best = null;
        for (Replica r : serving) {
            if (best == null || load[r.number] < load[best.number]) {
                best = r;
            }
        }
        return best;
    }

    @Test
    void picksWhatTheScanAndTheHeapPickThroughEveryChange() {
        for (int n : new int[] {5, 64, 150}) {
            int[] load = new int[n];
            List<Replica> forBuckets = new ArrayList<>();
            List<Replica> forHeap = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                forBuckets.add(new Replica(i, null, null, 0));
                forHeap.add(new Replica(i, null, null, 0));
            }
            ReplicaBuckets buckets = new ReplicaBuckets(r -> load[r.number]);
            ReplicaHeap heap = new ReplicaHeap(r -> load[r.number]);
            List<Replica> serving = new ArrayList<>();
            assertNull(buckets.peek());
            SplittableRandom random = new SplittableRandom(11 + n);
            for (int step = 0; step < 30_000; step++) {
                int i = random.nextInt(n);
                Replica r = forBuckets.get(i);
                int op = random.nextInt(12);
                if (op == 0 && buckets.contains(r)) {
                    buckets.remove(r);
                    heap.remove(forHeap.get(i));
                    serving.remove(r);
                } else if (op == 1 && !buckets.contains(r)) {
                    buckets.add(r);
                    heap.add(forHeap.get(i));
                    serving.add(r);
                    serving.sort((a, b) -> Integer.compare(a.number, b.number));
                } else {
                    // mostly one up or down, as requests are admitted and complete; now and then a jump
                    int next = op == 2 ? random.nextInt(300) : load[i] + (random.nextBoolean() ? 1 : -1);
                    load[i] = Math.max(0, next);
                    buckets.update(r);
                    heap.update(forHeap.get(i));
                }
                Replica expected = scanFirstLeast(serving, load);
                assertSame(expected, buckets.peek(), "n " + n + ", step " + step);
                Replica fromHeap = heap.peek();
                assertEquals(expected == null ? -1 : expected.number, fromHeap == null ? -1 : fromHeap.number);
            }
            assertEquals(serving.isEmpty(), buckets.peek() == null);
        }
    }
}
