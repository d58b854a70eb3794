package io.fleetsim.calibration;

import java.util.List;

/**
 * Handoff profiles as the text of a profiles file, in the format {@link HandoffProfileReader} reads
 * (the latency to the microsecond, errors as in {@link EndToEndProfileText}).
 */
public final class HandoffProfileText {

    private HandoffProfileText() {
    }

    /** A whole file: a header comment, then the entries. */
    public static String file(List<HandoffProfile> profiles, String header) {
        StringBuilder sb = new StringBuilder();
        header.lines().forEach(l -> sb.append("# ").append(l).append('\n'));
        sb.append("handoff_profiles:\n");
        for (HandoffProfile p : profiles) {
            sb.append("  - name: ").append(p.name()).append('\n');
            sb.append("    gpu: ").append(p.gpu()).append('\n');
            sb.append("    engine: ").append(p.engine()).append('\n');
            sb.append("    handoff_latency: ").append(EndToEndProfileText.milliseconds(p.latencySeconds())).append('\n');
            sb.append("    deployments: ").append(p.deployments()).append('\n');
            sb.append("    data: ").append(EndToEndProfileText.quoted(p.data())).append('\n');
            sb.append("    fitted_by: ").append(EndToEndProfileText.quoted(p.fittedBy())).append('\n');
            sb.append("    training: {").append(EndToEndProfileText.errorFields(p.training())).append("}\n");
            p.crossValidated().ifPresent(c -> sb.append("    cross_validated: {folds: ").append(c.folds())
                    .append(", ").append(EndToEndProfileText.errorFields(c.error())).append("}\n"));
        }
        return sb.toString();
    }
}
