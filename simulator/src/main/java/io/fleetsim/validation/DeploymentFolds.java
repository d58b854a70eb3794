package io.fleetsim.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How a cross-validation deals measured points to folds: by deployment ({@link Deployment#key}),
 * so that no point is scored by parameters fitted on another point of its deployment, and with
 * every deployment that shares a measurement with another in that one's fold.
 *
 * <p>Why the second rule: the shared measured data lists some runs more than once, under two
 * deployment labels (the same DeepSeek run as {@code DeepSeek-R1} from one sweep file and as
 * {@code DeepSeek-V3} from the benchmark database, or with and without the engine version). Two
 * rows of the same system, engine, mode, lengths and client count (or request rate) whose mean TTFT and TPOT agree
 * to nine significant digits are one measurement; if their labels fell in different folds, a
 * fold would be scored on a run the fit had seen. Deployments linked that way, directly or
 * through others, form one group; groups are ordered by their first deployment key and dealt to
 * the folds in turn, so the split is fixed by the data.
 */
public final class DeploymentFolds {

    private final Map<String, Integer> foldOfDeployment;
    private final Function<MeasuredPoint, String> unit;
    private final int folds;
    private final int groups;

    private DeploymentFolds(Map<String, Integer> foldOfDeployment, Function<MeasuredPoint, String> unit, int folds,
                            int groups) {
        this.foldOfDeployment = foldOfDeployment;
        this.unit = unit;
        this.folds = folds;
        this.groups = groups;
    }

    /** {@code points} dealt to at most {@code folds} folds (fewer when there are fewer groups). */
    public static DeploymentFolds of(List<MeasuredPoint> points, int folds) {
        return of(points, folds, p -> p.deployment().key());
    }

    /**
     * {@code points} dealt as {@link #of(List, int)} deals them, with {@code unit} in place of the
     * deployment as what is held out whole (a model, {@link HeldOut#MODEL}).
     */
    public static DeploymentFolds of(List<MeasuredPoint> points, int folds, Function<MeasuredPoint, String> unit) {
        Map<String, String> parent = new TreeMap<>();
        Map<String, String> firstWithMeasurement = new HashMap<>();
        for (MeasuredPoint p : points) {
            String key = unit.apply(p);
            parent.putIfAbsent(key, key);
            String seen = firstWithMeasurement.putIfAbsent(measurement(p), key);
            if (seen != null) {
                union(parent, seen, key);
            }
        }
        Map<String, List<String>> members = new TreeMap<>();
        for (String key : parent.keySet()) {
            members.computeIfAbsent(root(parent, key), r -> new ArrayList<>()).add(key);
        }
        // Each group under its smallest key (its root is the smallest, see union).
        int k = Math.min(folds, members.size());
        Map<String, Integer> fold = new TreeMap<>();
        int i = 0;
        for (List<String> group : members.values()) {
            int f = k < 2 ? 0 : i++ % k;
            group.forEach(key -> fold.put(key, f));
        }
        return new DeploymentFolds(fold, unit, k < 2 ? 0 : k, members.size());
    }

    /** Folds of the cross-validation; 0 when there are fewer than two groups (no cross-validation). */
    public int folds() {
        return folds;
    }

    /** Distinct deployments among the points. */
    public int deployments() {
        return foldOfDeployment.size();
    }

    /** Groups of deployments dealt to folds (deployments sharing a measurement are one group). */
    public int groups() {
        return groups;
    }

    /** The fold {@code p} is held out in, 0-based. */
    public int fold(MeasuredPoint p) {
        Integer f = foldOfDeployment.get(unit.apply(p));
        if (f == null) {
            throw new IllegalArgumentException("point " + p.id() + " was not among the points dealt to folds");
        }
        return f;
    }

    /** What makes two rows one measurement: the setting it was taken in and the means it found. */
    private static String measurement(MeasuredPoint p) {
        Deployment d = p.deployment();
        return String.join("|", d.system(), d.backend(), d.mode(), Integer.toString(p.promptTokens()),
                Integer.toString(p.outputTokens()), Integer.toString(p.concurrency()),
                p.arrivals() == null ? "-" : String.format(Locale.ROOT, "%.9g", p.arrivals().perSecond()),
                String.format(Locale.ROOT, "%.9g", p.measuredTtftMs()),
                String.format(Locale.ROOT, "%.9g", p.measuredTpotMs()));
    }

    /** Joins the groups of {@code a} and {@code b} under the smaller root, so a root is its group's smallest key. */
    private static void union(Map<String, String> parent, String a, String b) {
        String ra = root(parent, a);
        String rb = root(parent, b);
        if (ra.equals(rb)) {
            return;
        }
        if (ra.compareTo(rb) < 0) {
            parent.put(rb, ra);
        } else {
            parent.put(ra, rb);
        }
    }

    private static String root(Map<String, String> parent, String key) {
        String r = key;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }
}
