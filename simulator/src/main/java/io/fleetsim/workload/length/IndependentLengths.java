package io.fleetsim.workload.length;

import io.fleetsim.workload.LengthSampler;
import io.fleetsim.workload.RequestShape;
import io.fleetsim.workload.RequestShapeSampler;

/** Prompt and output lengths from two independent samplers, each with its own stream. */
public final class IndependentLengths implements RequestShapeSampler {

    private final LengthSampler prompts;
    private final LengthSampler outputs;

    /** Pairs {@code prompts} with {@code outputs}. */
    public IndependentLengths(LengthSampler prompts, LengthSampler outputs) {
        this.prompts = prompts;
        this.outputs = outputs;
    }

    @Override
    public RequestShape sample() {
        int prompt = prompts.sample();
        return new RequestShape(prompt, outputs.sample());
    }
}
