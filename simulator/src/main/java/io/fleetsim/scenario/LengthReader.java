package io.fleetsim.scenario;

import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.LengthColumn;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.spec.RequestShapeSpec;
import java.util.Locale;

/**
 * Validates token-length distributions: a {@code prompt_tokens} or {@code output_tokens} block,
 * or a route's {@code lengths} block of (prompt, output) pairs from a dataset. Dataset files are
 * read here, so a scenario that validates can run.
 */
final class LengthReader {

    /** Truncation by rejection needs this share of draws to land inside the bounds to stay fast. */
    private static final double MIN_ACCEPTANCE = 0.01;

    private LengthReader() {
    }

    /** The lengths of a route: {@code lengths}, or {@code prompt_tokens} and {@code output_tokens}. */
    static RequestShapeSpec readShape(SpecNode route) {
        SpecNode pairs = route.get("lengths");
        if (pairs.isMissing()) {
            if (route.get("prompt_tokens").isMissing() && route.get("output_tokens").isMissing()) {
                throw route.error("missing required fields 'prompt_tokens' and 'output_tokens' "
                        + "(or 'lengths' for (prompt, output) pairs from a dataset)");
            }
            return new RequestShapeSpec.Independent(read(route.required("prompt_tokens")),
                    read(route.required("output_tokens")));
        }
        for (String separate : new String[] {"prompt_tokens", "output_tokens"}) {
            if (!route.get(separate).isMissing()) {
                throw route.get(separate).error("not allowed together with 'lengths', which gives both lengths");
            }
        }
        return readPairs(pairs);
    }

    /** One length distribution. */
    static LengthSpec read(SpecNode node) {
        String dist = node.required("dist").choice("fixed", "uniform", "normal", "lognormal", "pareto", "empirical");
        return switch (dist) {
            case "fixed" -> {
                node.allowOnly("dist", "tokens");
                yield new LengthSpec.Fixed(tokens(node.required("tokens")));
            }
            case "uniform" -> uniform(node);
            case "normal" -> normal(node);
            case "lognormal" -> lognormal(node);
            case "pareto" -> pareto(node);
            default -> empirical(node);
        };
    }

    private static LengthSpec uniform(SpecNode node) {
        node.allowOnly("dist", "min", "max");
        int min = tokens(node.required("min"));
        int max = tokens(node.required("max"));
        requireAtLeast(node.get("max"), max, min, "min");
        return new LengthSpec.Uniform(min, max);
    }

    private static LengthSpec normal(SpecNode node) {
        node.allowOnly("dist", "mean", "sd", "min", "max");
        double mean = node.required("mean").number();
        double sd = node.required("sd").positiveNumber();
        int min = node.get("min").intIn(1, LengthSpec.MAX_TOKENS, 1);
        int max = node.get("max").intIn(1, LengthSpec.MAX_TOKENS, LengthSpec.MAX_TOKENS);
        requireAtLeast(node.get("max"), max, min, "min");
        LengthSpec.TruncatedNormal spec = new LengthSpec.TruncatedNormal(mean, sd, min, max);
        if (!(spec.massInRange() >= MIN_ACCEPTANCE)) {
            throw node.error(String.format(Locale.ROOT,
                    "[min, max] = [%d, %d] holds only %.2g of N(mean %s, sd %s); truncation redraws values "
                            + "outside, so at least %.0f%% must fall inside: widen [min, max] or move mean into it",
                    min, max, spec.massInRange(), plain(mean), plain(sd), 100 * MIN_ACCEPTANCE));
        }
        return spec;
    }

    private static LengthSpec lognormal(SpecNode node) {
        node.allowOnly("dist", "median", "p99", "mu", "sigma", "min", "max");
        int min = node.get("min").intIn(1, LengthSpec.MAX_TOKENS, 1);
        int max = node.get("max").intIn(1, LengthSpec.MAX_TOKENS, LengthSpec.MAX_TOKENS);
        requireAtLeast(node.get("max"), max, min, "min");
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

    private static LengthSpec pareto(SpecNode node) {
        node.allowOnly("dist", "scale", "alpha", "max");
        double scale = node.required("scale").numberIn(1, LengthSpec.MAX_TOKENS);
        double alpha = node.required("alpha").positiveNumber();
        int max = node.get("max").intIn(1, LengthSpec.MAX_TOKENS, LengthSpec.MAX_TOKENS);
        if (max < scale) {
            throw node.get("max").error("must be >= scale (" + plain(scale) + ")");
        }
        return new LengthSpec.Pareto(scale, alpha, max);
    }

    private static LengthSpec empirical(SpecNode node) {
        node.allowOnly("dist", "file", "column", "weight_column");
        CsvTable table = CsvTable.read(node.required("file"));
        SpecNode column = node.required("column");
        int[] tokens = table.tokens(column);
        String source = table.file().displayName() + ", column " + column.text();
        if (node.get("weight_column").isMissing()) {
            return new LengthSpec.Empirical(LengthColumn.of(source, tokens));
        }
        double[] weights = table.weights(node.get("weight_column"));
        return new LengthSpec.Empirical(LengthColumn.weighted(source, tokens, weights));
    }

    private static RequestShapeSpec readPairs(SpecNode node) {
        node.allowOnly("dist", "file", "prompt_column", "output_column");
        node.required("dist").choice("dataset");
        CsvTable table = CsvTable.read(node.required("file"));
        SpecNode promptColumn = node.required("prompt_column");
        SpecNode outputColumn = node.required("output_column");
        String file = table.file().displayName();
        return new RequestShapeSpec.JointDataset(
                LengthColumn.of(file + ", column " + promptColumn.text(), table.tokens(promptColumn)),
                LengthColumn.of(file + ", column " + outputColumn.text(), table.tokens(outputColumn)));
    }

    private static int tokens(SpecNode node) {
        return (int) node.integerIn(1, LengthSpec.MAX_TOKENS);
    }

    private static void requireAtLeast(SpecNode node, int value, int bound, String boundName) {
        if (value < bound) {
            throw node.error("must be >= " + boundName + " (" + bound + ")");
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
