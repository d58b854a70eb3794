package io.fleetsim.workload;

import io.fleetsim.random.RandomStreams;
import io.fleetsim.spec.RequestShapeSpec;
import io.fleetsim.workload.length.DatasetPairSampler;
import io.fleetsim.workload.length.IndependentLengths;

/** Draws the (prompt, output) lengths of a route's requests, both from one call. */
public interface RequestShapeSampler {

    /** The lengths of the next request. */
    RequestShape sample();

    /**
     * The sampler of route {@code route}. Independent lengths draw from the streams
     * {@code route/<name>/prompt} and {@code route/<name>/output}; dataset pairs from
     * {@code route/<name>/lengths}.
     */
    static RequestShapeSampler of(RequestShapeSpec spec, String route, RandomStreams streams) {
        if (spec instanceof RequestShapeSpec.Independent i) {
            return new IndependentLengths(
                    LengthSampler.of(i.promptTokens(), streams.stream("route/" + route + "/prompt")),
                    LengthSampler.of(i.outputTokens(), streams.stream("route/" + route + "/output")));
        }
        if (spec instanceof RequestShapeSpec.JointDataset d) {
            return new DatasetPairSampler(d, streams.stream("route/" + route + "/lengths"));
        }
        throw new IllegalArgumentException("unsupported request shape " + spec);
    }
}
