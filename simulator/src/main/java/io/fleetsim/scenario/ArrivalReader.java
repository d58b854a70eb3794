package io.fleetsim.scenario;

/** Validates the {@code workload.arrivals} block into an {@link ArrivalSpec}. */
final class ArrivalReader {

    private ArrivalReader() {
    }

    static ArrivalSpec read(SpecNode node) {
        node.allowOnly("process", "rate_per_s");
        node.required("process").choice("poisson");
        return new ArrivalSpec.Poisson(node.required("rate_per_s").positiveNumber());
    }
}
