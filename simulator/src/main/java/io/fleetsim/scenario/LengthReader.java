package io.fleetsim.scenario;

/** Validates a token-length distribution block ({@code prompt_tokens}, {@code output_tokens}). */
final class LengthReader {

    private LengthReader() {
    }

    static LengthSpec read(SpecNode node) {
        String dist = node.required("dist").choice("fixed", "lognormal");
        if (dist.equals("fixed")) {
            node.allowOnly("dist", "tokens");
            return new LengthSpec.Fixed((int) node.required("tokens").integerIn(1, 100_000_000));
        }
        node.allowOnly("dist", "median", "p99", "mu", "sigma", "min", "max");
        int min = node.get("min").intIn(1, 100_000_000, 1);
        int max = node.get("max").intIn(1, 100_000_000, 100_000_000);
        if (max < min) {
            throw node.get("max").error("must be >= min (" + min + ")");
        }
        boolean byQuantiles = !node.get("median").isMissing() || !node.get("p99").isMissing();
        boolean byParameters = !node.get("mu").isMissing() || !node.get("sigma").isMissing();
        if (byQuantiles == byParameters) {
            throw node.error("give either median and p99, or mu and sigma");
        }
        if (byQuantiles) {
            double median = node.required("median").positiveNumber();
            double p99 = node.required("p99").positiveNumber();
            if (p99 < median) {
                throw node.get("p99").error("must be >= median (" + median + ")");
            }
            return LengthSpec.Lognormal.fromMedianAndP99(median, p99, min, max);
        }
        return new LengthSpec.Lognormal(node.required("mu").number(), node.required("sigma").numberIn(0, 10), min, max);
    }
}
