package io.fleetsim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The speed suite's yardstick is a correct M/M/c queue: its mean wait is Erlang C's. */
@Tag("statistical")
class PriorityQueueReferenceTest {

    @Test
    void meanWaitIsErlangC() {
        PriorityQueueReference.Result r = PriorityQueueReference.run(8, 0.8, 2_000_000, 5);
        assertEquals(2_000_000, r.customers());
        assertEquals(2 * r.customers(), r.events(), "one arrival and one departure each");
        // Erlang C at c = 8, rho = 0.8: about 0.14 service times; 2 M customers pin it to a few percent.
        assertEquals(r.meanWaitErlangC(), r.meanWaitSimulated(), 0.05 * r.meanWaitErlangC());
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> PriorityQueueReference.run(8, 1.0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> PriorityQueueReference.run(0, 0.5, 10, 1));
    }
}
