package io.fleetsim.serving;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fleetsim.hardware.ReplicaMemory;
import io.fleetsim.kernels.KernelIndex;
import io.fleetsim.kernels.KernelSet;
import io.fleetsim.spec.BatchingSpec;
import io.fleetsim.spec.PerformanceSpec;
import java.util.ArrayList;
import java.util.List;

/** The kernel step time of a replica on the hand-written {@code hand-moe-1.0} kernel tables of the tests. */
final class HandMoeKernels {

    private HandMoeKernels() {
    }

    /** {@code memory}'s step time under {@code batching}, its context at most 4,096 tokens, on 2 GPUs' tables. */
    static KernelStepTime build(ReplicaMemory memory, BatchingSpec batching) {
        KernelIndex.Entry entry = new KernelIndex.Entry("hand-moe-1.0", "hand", "vllm", "1.0", memory.gpu().name());
        List<String> why = new ArrayList<>();
        KernelStepTime t = KernelStepTime.build(memory, batching, 4096, PerformanceSpec.KERNEL_DEFAULT, 2, entry,
                KernelSet.load("hand-moe-1.0"), why);
        assertNotNull(t, String.join("; ", why));
        return t;
    }
}
