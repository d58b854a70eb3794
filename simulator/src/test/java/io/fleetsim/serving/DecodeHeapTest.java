package io.fleetsim.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fleetsim.workload.PromptPrefix;
import io.fleetsim.workload.Request;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The decode heap must behave as the {@link PriorityQueue} it replaced, slot for slot: the same
 * head after every add, poll and removal, and the same iteration order (an eviction reports lost
 * work in that order).
 */
class DecodeHeapTest {

    @Test
    void keepsPriorityQueueSlotsThroughAddsPollsAndRemovals() {
        PriorityQueue<Sequence> reference = new PriorityQueue<>(
                Comparator.comparingLong((Sequence s) -> s.finishIteration).thenComparingLong(s -> s.order));
        DecodeHeap heap = new DecodeHeap();
        List<Sequence> inside = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        Request request = new Request(1, 0, 0, 10, 10, PromptPrefix.NONE, 0);
        long order = 0;
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(6);
            if (op < 3 || inside.isEmpty()) {
                Sequence s = new Sequence(request, 0, order++);
                // few distinct finish iterations: ties broken by admission order
                s.finishIteration = random.nextInt(20);
                reference.add(s);
                heap.add(s);
                inside.add(s);
            } else if (op < 5) {
                Sequence polled = reference.poll();
                assertSame(polled, heap.poll());
                inside.remove(polled);
            } else {
                Sequence victim = inside.remove(random.nextInt(inside.size()));
                reference.remove(victim);
                heap.remove(victim);
            }
            assertSame(reference.peek(), heap.peek(), "step " + step);
            Sequence[] slots = new Sequence[heap.size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = heap.get(i);
            }
            assertArrayEquals(reference.toArray(new Sequence[0]), slots, "step " + step);
        }
    }
}
