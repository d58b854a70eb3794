package io.fleetsim.report;

import io.fleetsim.cost.CostState;
import java.awt.Color;
import java.awt.Paint;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Money by what it bought (busy or idle replica time, cold starts, API tokens...), in one fixed
 * order with a fixed colour per state, so that tables and charts read the same in every report.
 */
public final class CostByState {

    /** Known states in report order (that of {@link CostState}); others follow by name. */
    public static final List<String> ORDER = Arrays.stream(CostState.values()).map(CostState::id).toList();

    /**
     * One colour per state, at least 30 CIE76 units apart from every other (the test holds them to
     * 25), so that stacked segments stay apart: idle grey, busy blue, API states green, mint, rose, down
     * (paid under repair) indigo.
     */
    private static final Map<String, Color> COLORS = Map.of("busy", new Color(0x4477AA), "idle", new Color(0xBBBBBB),
            "cold_start", new Color(0xCCBB44), "draining", new Color(0xAA3377), "billing_rounding",
            new Color(0x66CCEE), "api_input", new Color(0x228833), "api_cached_input", new Color(0x88CCAA),
            "api_output", new Color(0xEE6677), "fixed", new Color(0x555555), "down", new Color(0x332288));

    private static final Map<String, String> LABELS = Map.of("cold_start", "cold start", "billing_rounding",
            "billing rounding", "api_input", "API input tokens", "api_cached_input", "API cached input tokens",
            "api_output", "API output tokens", "fixed", "fixed costs");

    private CostByState() {
    }

    /** {@code byState} in report order: known states first (missing ones as 0), then the rest by name. */
    public static Map<String, Double> ordered(Map<String, Double> byState) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : ORDER) {
            out.put(s, byState.getOrDefault(s, 0.0));
        }
        new TreeSet<>(byState.keySet()).forEach(k -> out.putIfAbsent(k, byState.get(k)));
        return Collections.unmodifiableMap(out);
    }

    /** The colour of {@code state} in charts. */
    public static Paint color(String state, int fallbackIndex) {
        Color c = COLORS.get(state);
        return c != null ? c : ChartStyle.color(fallbackIndex);
    }

    /** How {@code state} reads in a chart legend: {@code cold_start} is "cold start". */
    public static String label(String state) {
        return LABELS.getOrDefault(state, state.replace('_', ' '));
    }

    /** The dollars of {@code state} in {@code byState}, 0 when absent. */
    public static double usd(Map<String, Double> byState, String state) {
        return byState.getOrDefault(state, 0.0);
    }
}
