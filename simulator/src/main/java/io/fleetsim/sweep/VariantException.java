package io.fleetsim.sweep;

import io.fleetsim.input.ScenarioException;

/**
 * A variant of a scenario that cannot be made or run: either a variation's path leads nowhere in
 * the document, or the variant fails validation, blamed on the variation that set the field (or
 * on the whole variant). The location and problem are the scenario error's; the variation is
 * named in the simulator's words by {@link #getMessage()} and by the command line's flag through
 * {@link #describe(String)}.
 */
public final class VariantException extends ScenarioException {

    private static final long serialVersionUID = 1L;

    private final boolean pathRefused;
    private final transient Setting setBy;
    private final String variant;

    private VariantException(String file, int line, String fieldPath, String problem, boolean pathRefused,
                             Setting setBy, String variant) {
        super(file, line, fieldPath, problem);
        this.pathRefused = pathRefused;
        this.setBy = setBy;
        this.variant = variant;
    }

    /** {@code setting}'s path leads nowhere in {@code file}: {@code problem} says why. */
    static VariantException pathRefused(String file, Setting setting, String problem) {
        return new VariantException(file, 0, setting.path(), problem, true, setting, null);
    }

    /**
     * The variant failed validation with {@code e}: blamed on {@code setBy}, the variation that set
     * the field, or when none did on the variant {@code variant} as a whole (null for the scenario
     * as written).
     */
    static VariantException refused(ScenarioException e, Setting setBy, String variant) {
        return new VariantException(e.file(), e.line(), e.fieldPath(), e.problem(), false, setBy,
                setBy == null ? variant : null);
    }

    /** True when the variation's path itself leads nowhere ({@link #fieldPath()} is then that path). */
    public boolean pathRefused() {
        return pathRefused;
    }

    /** The variation blamed, or null when the error is the whole variant's. */
    public Setting setBy() {
        return setBy;
    }

    /** The key of the variant blamed as a whole, or null when a variation is blamed or there is none. */
    public String variant() {
        return variant;
    }

    /** The error with each variation named {@code variation} (e.g. {@code --vary}) before its setting. */
    public String describe(String variation) {
        if (pathRefused) {
            return format(file(), line(), variation + " " + fieldPath(), problem());
        }
        String blame = setBy != null ? " (set by " + variation + " " + setBy + ")"
                : variant != null ? " (in the variant " + variant + ")" : "";
        return format(file(), line(), fieldPath(), problem() + blame);
    }

    @Override
    public String getMessage() {
        return describe(SweepInput.VARIATION.description());
    }
}
