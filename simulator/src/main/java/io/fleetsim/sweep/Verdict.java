package io.fleetsim.sweep;

import java.util.List;

/** Whether a configuration meets its constraints, with 95% confidence. */
public enum Verdict {
    /** Every constraint's confidence interval lies entirely on its right side. */
    MET("met"),
    /** Some constraint's interval lies entirely on its wrong side. */
    MISSED("missed"),
    /** No constraint is missed, but some interval straddles its threshold: more replications, or a coin toss. */
    MARGINAL("marginal");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    /** How reports write it. */
    public String id() {
        return id;
    }

    /** The verdict of all {@code verdicts}: missed beats marginal beats met. */
    public static Verdict combine(List<Verdict> verdicts) {
        if (verdicts.contains(MISSED)) {
            return MISSED;
        }
        return verdicts.contains(MARGINAL) ? MARGINAL : MET;
    }
}
