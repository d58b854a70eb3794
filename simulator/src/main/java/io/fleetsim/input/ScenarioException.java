package io.fleetsim.input;

/**
 * A scenario (or catalog) file that cannot be run as written. The message names the file, the
 * line, the field path and what is allowed, e.g.
 * {@code quickstart.yaml:12: workload.arrivals.rate_per_s: must be > 0 (got -3)}. Open to the
 * errors of documents made from a file (a sweep's variants), which name what made them too.
 */
public class ScenarioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String fieldPath;
    private final String problem;

    /**
     * @param file      the file as the user named it
     * @param line      1-based line, or 0 when unknown
     * @param fieldPath dotted path such as {@code pools[0].replicas}, or empty for the whole file
     * @param problem   what is wrong and what is allowed
     */
    public ScenarioException(String file, int line, String fieldPath, String problem) {
        super(format(file, line, fieldPath, problem));
        this.file = file;
        this.line = line;
        this.fieldPath = fieldPath;
        this.problem = problem;
    }

    /** {@code file[:line]: [fieldPath: ]problem}. */
    protected static String format(String file, int line, String fieldPath, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (!fieldPath.isEmpty()) {
            sb.append(fieldPath).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** 1-based line of the offending field, 0 when unknown. */
    public int line() {
        return line;
    }

    /** Dotted field path, empty for a whole-file problem. */
    public String fieldPath() {
        return fieldPath;
    }

    /** What is wrong and what is allowed, without the location. */
    public String problem() {
        return problem;
    }
}
