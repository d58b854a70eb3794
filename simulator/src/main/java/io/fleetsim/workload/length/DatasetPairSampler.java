package io.fleetsim.workload.length;

import io.fleetsim.random.RandomStream;
import io.fleetsim.spec.RequestShapeSpec;
import io.fleetsim.workload.RequestShape;
import io.fleetsim.workload.RequestShapeSampler;

/**
 * Resamples (prompt, output) pairs: one uniformly chosen dataset row gives both lengths, so
 * their correlation in the dataset is kept.
 */
public final class DatasetPairSampler implements RequestShapeSampler {

    private final RequestShapeSpec.JointDataset dataset;
    private final RandomStream stream;

    /** A sampler of {@code dataset} drawing from {@code stream}. */
    public DatasetPairSampler(RequestShapeSpec.JointDataset dataset, RandomStream stream) {
        this.dataset = dataset;
        this.stream = stream;
    }

    @Override
    public RequestShape sample() {
        int row = stream.nextInt(dataset.size());
        return new RequestShape(dataset.prompts().tokens(row), dataset.outputs().tokens(row));
    }
}
