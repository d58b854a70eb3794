package io.fleetsim.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far predictions are from measurements: median and 90th-percentile absolute percentage error
 * of TTFT and TPOT for each (system, backend, model) and overall, and how many points were
 * skipped for each reason.
 *
 * @param groups    per (system, backend, model) with at least one point, in name order
 * @param overall   all simulated points
 * @param points    points in all
 * @param simulated points simulated
 * @param skipped   points skipped per reason, most frequent first
 * @param uncalibrated simulated points whose parameters were fleetsim's uncalibrated defaults
 */
public record ErrorSummary(List<Group> groups, Group overall, int points, int simulated,
                           Map<String, Integer> skipped, int uncalibrated) {

    /**
     * The errors of one set of points.
     *
     * @param system  hardware system ({@code all} for the overall row)
     * @param backend engine ({@code all} for the overall row)
     * @param model   catalog name of the model ({@code all} for the overall row)
     * @param points  points in the set, simulated or not
     * @param ttft    errors of the mean TTFT over simulated points
     * @param tpot    errors of the mean TPOT over simulated points
     */
    public record Group(String system, String backend, String model, int points, ErrorStats ttft, ErrorStats tpot) {
    }

    /** Summarises {@code outcomes}. */
    public static ErrorSummary of(List<PointOutcome> outcomes) {
        Map<List<String>, List<PointOutcome>> byGroup = new TreeMap<>(Comparator
                .comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)).thenComparing(k -> k.get(2)));
        Map<String, Integer> skipped = new TreeMap<>();
        int simulated = 0;
        int uncalibrated = 0;
        for (PointOutcome o : outcomes) {
            if (ParameterSource.UNCALIBRATED.equals(o.parametersFrom())) {
                uncalibrated++;
            }
            Deployment d = o.point().deployment();
            String model = CatalogNames.modelCandidates(d.model()).get(0);
            byGroup.computeIfAbsent(List.of(d.system(), d.backend(), model), k -> new ArrayList<>()).add(o);
            if (o.status() == PointOutcome.Status.OK) {
                simulated++;
            } else {
                skipped.merge(o.skipReason(), 1, Integer::sum);
            }
        }
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((k, list) -> groups.add(group(k.get(0), k.get(1), k.get(2), list)));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        skipped.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return new ErrorSummary(List.copyOf(groups), group("all", "all", "all", outcomes), outcomes.size(), simulated,
                ordered, uncalibrated);
    }

    /** The groups with at least one simulated point. */
    public List<Group> simulatedGroups() {
        return groups.stream().filter(g -> g.ttft().points() > 0).toList();
    }

    private static Group group(String system, String backend, String model, List<PointOutcome> list) {
        double[] ttft = list.stream().mapToDouble(PointOutcome::ttftError).toArray();
        double[] tpot = list.stream().mapToDouble(PointOutcome::tpotError).toArray();
        return new Group(system, backend, model, list.size(), ErrorStats.of(ttft), ErrorStats.of(tpot));
    }
}
