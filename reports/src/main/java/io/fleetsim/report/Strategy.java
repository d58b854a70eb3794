package io.fleetsim.report;

import io.fleetsim.run.RunResult;

/**
 * One of the variants compared by {@code fleetsim compare}: a scenario file and its run.
 *
 * @param name   short name shown in tables and used as its report folder (the file name without extension)
 * @param file   the scenario file as given on the command line
 * @param report the run
 */
public record Strategy(String name, String file, RunReport report) {

    /** What the run measured. */
    public RunResult result() {
        return report.result();
    }
}
