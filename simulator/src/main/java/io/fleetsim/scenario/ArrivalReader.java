package io.fleetsim.scenario;

import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.ArrivalSpec;
import java.util.List;

/**
 * Validates the {@code workload.arrivals} block into an {@link ArrivalSpec}: a synthetic process
 * ({@code poisson} or {@code gamma}) with its rate factors, or a trace replay.
 */
final class ArrivalReader {

    /** Fields of a synthetic process, refused with a trace. */
    static final List<String> SYNTHETIC_FIELDS = List.of("rate_per_s", "cv", "diurnal", "flash_crowds",
            "random_bursts", "growth");

    private ArrivalReader() {
    }

    static ArrivalSpec read(SpecNode node) {
        String process = node.required("process").choice("poisson", "gamma", "trace", "closed_loop");
        return switch (process) {
            case "poisson" -> {
                node.allowOnly(RateFactorReader.FIELDS, "process", "rate_per_s");
                yield new ArrivalSpec.Poisson(rate(node), RateFactorReader.read(node));
            }
            case "gamma" -> {
                node.allowOnly(RateFactorReader.FIELDS, "process", "rate_per_s", "cv");
                double rate = rate(node);
                double cv = node.required("cv").numberIn(ArrivalSpec.Gamma.MIN_CV, ArrivalSpec.Gamma.MAX_CV);
                yield new ArrivalSpec.Gamma(rate, cv, RateFactorReader.read(node));
            }
            case "closed_loop" -> {
                node.allowOnly("process", "users", "think_time");
                yield new ArrivalSpec.ClosedLoop((int) node.required("users").integerIn(1, 10_000_000),
                        DurationReader.read(node.required("think_time")));
            }
            default -> TraceReplayReader.read(node);
        };
    }

    private static double rate(SpecNode node) {
        return node.required("rate_per_s").positiveNumber();
    }
}
