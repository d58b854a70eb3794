package io.fleetsim.validation;

import io.fleetsim.hardware.LlmModel;
import java.util.Locale;

/**
 * What a cross-validation holds out of each fit: a row's whole deployment (the default: how well a
 * profile predicts a deployment of a model it was fitted on, in another layout or at other
 * lengths), or every row of its model (how well it predicts a model it never saw).
 */
public enum HeldOut {
    /** Every row of the row's deployment (system, engine, version, model, precision, layout). */
    DEPLOYMENT,
    /** Every row of the row's model, models of the same shapes as one (DeepSeek-R1 and -V3). */
    MODEL;

    /** The unit {@code p} is held out with. */
    String unit(SimulatedPoint p) {
        return switch (this) {
            case DEPLOYMENT -> p.point().deployment().key();
            case MODEL -> shapes(p.plan().server().memory().model());
        };
    }

    /** A model's shapes without its name and source: two checkpoints of one architecture are one model. */
    static String shapes(LlmModel m) {
        return new LlmModel("", m.totalParams(), m.activeParams(), m.layers(), m.hiddenSize(), m.attentionHeads(),
                m.kvHeads(), m.headDim(), m.contextLength(), "", m.intermediateSize(), m.vocabSize(), m.moe(), m.mla(),
                m.slidingWindow(), m.linearAttention(), m.sparseAttention(), m.attentionOutputGate()).toString();
    }

    /** As the command line writes it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
