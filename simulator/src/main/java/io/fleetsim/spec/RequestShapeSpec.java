package io.fleetsim.spec;

import io.fleetsim.trace.Trace;
import java.util.Arrays;

/**
 * How a route's requests get their prompt and output lengths: from two independent
 * distributions, or as (prompt, output) pairs drawn together from a dataset so that the relation
 * between the two (long documents, short summaries) is kept, or as recorded in a replayed trace.
 */
public sealed interface RequestShapeSpec permits RequestShapeSpec.Independent, RequestShapeSpec.JointDataset,
        RequestShapeSpec.Recorded {

    /** The distribution of prompt lengths on its own. */
    LengthSpec promptTokens();

    /** The distribution of output lengths on its own. */
    LengthSpec outputTokens();

    /**
     * Prompt and output lengths drawn independently.
     *
     * @param promptTokens prompt length distribution
     * @param outputTokens output length distribution
     */
    record Independent(LengthSpec promptTokens, LengthSpec outputTokens) implements RequestShapeSpec {
    }

    /**
     * Each request copies the two lengths of one dataset row, every row equally likely.
     *
     * @param prompts prompt lengths, one per row
     * @param outputs output lengths of the same rows
     */
    record JointDataset(LengthColumn prompts, LengthColumn outputs) implements RequestShapeSpec {

        public JointDataset {
            if (prompts.size() != outputs.size() || prompts.isWeighted() || outputs.isWeighted()) {
                throw new IllegalArgumentException("need two unweighted columns of the same rows");
            }
        }

        /** The number of (prompt, output) pairs. */
        public int size() {
            return prompts.size();
        }

        @Override
        public LengthSpec promptTokens() {
            return new LengthSpec.Empirical(prompts);
        }

        @Override
        public LengthSpec outputTokens() {
            return new LengthSpec.Empirical(outputs);
        }
    }

    /**
     * The lengths recorded in the replayed trace, row by row with its arrivals (routes that give
     * no lengths of their own when {@code arrivals.process} is {@code trace}). On their own, they
     * are the trace's length columns.
     *
     * @param trace the replayed trace
     */
    record Recorded(Trace trace) implements RequestShapeSpec {

        @Override
        public LengthSpec promptTokens() {
            int[] tokens = new int[trace.size()];
            Arrays.setAll(tokens, trace::promptTokens);
            return new LengthSpec.Empirical(LengthColumn.of(trace.source() + ", recorded prompts", tokens));
        }

        @Override
        public LengthSpec outputTokens() {
            int[] tokens = new int[trace.size()];
            Arrays.setAll(tokens, trace::outputTokens);
            return new LengthSpec.Empirical(LengthColumn.of(trace.source() + ", recorded outputs", tokens));
        }
    }
}
