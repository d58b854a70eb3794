package io.fleetsim.sweep;

import java.util.List;

/**
 * A change of the world a chosen fleet might face (more traffic, more spot interruptions, dearer
 * API tokens), as settings applied on top of the fleet's own.
 *
 * @param name          what changes, e.g. {@code traffic +30%}
 * @param settings      the edits that make it; empty when it does not apply
 * @param notApplicable why it does not apply to this scenario, or null when it does
 */
public record Perturbation(String name, List<Setting> settings, String notApplicable) {

    public Perturbation {
        settings = List.copyOf(settings);
    }

    /** True when the scenario has what this perturbation changes. */
    public boolean applies() {
        return notApplicable == null;
    }
}
