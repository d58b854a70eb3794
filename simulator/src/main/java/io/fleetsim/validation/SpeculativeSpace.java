package io.fleetsim.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A step-time model's space ({@link RooflineSpace} or {@link KernelOverheadSpace}) with one more
 * parameter, for points some of whose deployments decode with multi-token prediction
 * ({@link MtpRecipe}): the acceptance of each draft token, linear on [0, 1], started at
 * {@link MtpRecipe#DEFAULT_ACCEPTANCE}. Points that do not speculate do not depend on it.
 *
 * @param base the space of the step-time model
 */
public record SpeculativeSpace(ParameterSpace base) implements ParameterSpace {

    /** The base space must not itself be speculative. */
    public SpeculativeSpace {
        if (base instanceof SpeculativeSpace) {
            throw new IllegalArgumentException("a speculative space cannot wrap another");
        }
    }

    @Override
    public int count() {
        return base.count() + 1;
    }

    @Override
    public EngineParameters start() {
        return base.start().withMtpAcceptance(MtpRecipe.DEFAULT_ACCEPTANCE);
    }

    @Override
    public EngineParameters parameters(double[] u) {
        double acceptance = Math.round(ParameterSpace.clamp(u[base.count()]) * 1e3) / 1e3;
        return base.parameters(Arrays.copyOf(u, base.count())).withMtpAcceptance(acceptance);
    }

    @Override
    public double[] unit(EngineParameters p) {
        double[] u = Arrays.copyOf(base.unit(p), count());
        u[base.count()] = ParameterSpace.clamp(p.mtpAcceptanceOrDefault());
        return u;
    }

    @Override
    public List<String> names() {
        List<String> out = new ArrayList<>(base.names());
        out.add("mtp_acceptance");
        return out;
    }

    @Override
    public List<String[]> limits() {
        List<String[]> out = new ArrayList<>(base.limits());
        out.add(new String[]{"0", "1"});
        return out;
    }
}
