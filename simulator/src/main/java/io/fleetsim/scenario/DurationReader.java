package io.fleetsim.scenario;

import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.DurationSpec;

/** Validates a duration distribution block: {@code {dist: fixed, value: 1s}} or {@code {dist: exponential, mean: 1s}}. */
final class DurationReader {

    private DurationReader() {
    }

    static DurationSpec read(SpecNode node) {
        String dist = node.required("dist").choice("fixed", "exponential");
        if (dist.equals("fixed")) {
            node.allowOnly("dist", "value");
            return new DurationSpec.Fixed(node.required("value").positiveDurationSeconds());
        }
        node.allowOnly("dist", "mean");
        return new DurationSpec.Exponential(node.required("mean").positiveDurationSeconds());
    }
}
