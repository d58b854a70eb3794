package io.fleetsim.report;

import io.fleetsim.compare.Comparison;
import io.fleetsim.compare.Strategy;
import io.fleetsim.run.PoolResult;
import io.fleetsim.sweep.Metric;
import java.awt.Color;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/** The charts of {@code compare.html}: one bar per strategy, in command-line order. */
public final class ComparisonCharts {

    private static final String MEETS = "meets SLO target";
    private static final String MISSES = "misses SLO target";

    private ComparisonCharts() {
    }

    /** Cost per useful million tokens, coloured by whether the strategy meets the SLO target. */
    public static JFreeChart costPerUsefulMtok(Comparison c) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Strategy s : c.strategies()) {
            double v = Comparison.unitCost(s);
            data.addValue(c.meetsTarget(s) ? v : null, MEETS, s.name());
            data.addValue(c.meetsTarget(s) ? null : v, MISSES, s.name());
        }
        StackedBarRenderer r = new StackedBarRenderer();
        BreakdownCharts.style(r);
        r.setMaximumBarWidth(0.5);
        r.setSeriesPaint(0, ChartStyle.color(2));
        r.setSeriesPaint(1, ChartStyle.color(1));
        labels(r, ChartAxes.format("$#,##0.0000"));
        NumberAxis axis = BreakdownCharts.dollars("$ per useful 1M tokens");
        return ChartStyle.chart("Cost per useful 1M tokens", vertical(data, axis, r));
    }

    /** SLO attainment with the target drawn across. */
    public static JFreeChart sloAttainment(Comparison c) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double lowest = c.sloTarget() * 100;
        for (Strategy s : c.strategies()) {
            double v = 100 * s.estimate(Metric.SLO_ATTAINMENT).mean();
            data.addValue(c.meetsTarget(s) ? v : null, MEETS, s.name());
            data.addValue(c.meetsTarget(s) ? null : v, MISSES, s.name());
            if (Double.isFinite(v)) {
                lowest = Math.min(lowest, v);
            }
        }
        StackedBarRenderer r = new StackedBarRenderer();
        BreakdownCharts.style(r);
        r.setMaximumBarWidth(0.5);
        r.setSeriesPaint(0, ChartStyle.color(2));
        r.setSeriesPaint(1, ChartStyle.color(1));
        labels(r, ChartAxes.format("0.00'%'"));
        // values inside the bars' tops: the axis ends at 100 %, with no room (and no tick) above
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.INSIDE12, TextAnchor.TOP_CENTER));
        r.setDefaultItemLabelPaint(Color.WHITE);
        NumberAxis axis = ChartAxes.number("SLO attainment (%)");
        double floor = Math.max(0, Math.floor(lowest - (100 - lowest) * 0.5 - 1));
        axis.setRange(floor, 100 + (100 - floor) * 0.01);
        CategoryPlot plot = vertical(data, axis, r);
        ValueMarker target = new ValueMarker(c.sloTarget() * 100, ChartStyle.TOTAL, ChartStyle.DASHED);
        target.setLabel("target " + ValueFormat.SHARE.display(c.sloTarget()));
        target.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        target.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        target.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        target.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        plot.addRangeMarker(target);
        // Bars stand on zero (the renderer's base) and the plot clips them at the zoomed floor: a base
        // at the floor would stack each value on top of it, drawing 99 % at floor + 99.
        return ChartStyle.chart("SLO attainment", plot);
    }

    /** Spend by pool, stacked. */
    public static JFreeChart spendByPool(Comparison c) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> pools = c.poolNames();
        for (Strategy s : c.strategies()) {
            for (String pool : pools) {
                double usd = s.result().pools().stream().filter(p -> p.name().equals(pool))
                        .mapToDouble(PoolResult::costUsd).sum();
                data.addValue(usd, pool, s.name());
            }
        }
        StackedBarRenderer r = stacked();
        for (int i = 0; i < pools.size(); i++) {
            r.setSeriesPaint(i, ChartStyle.color(i));
        }
        BreakdownCharts.dollarLabels(r, data);
        return ChartStyle.chart("Spend by pool", vertical(data, BreakdownCharts.dollars("cost over the run ($)"), r));
    }

    /** Spend by what it bought (busy, idle, cold start, API tokens...), stacked. */
    public static JFreeChart spendByState(Comparison c) {
        Set<String> states = new LinkedHashSet<>();
        for (Strategy s : c.strategies()) {
            CostByState.ordered(s.result().cost().byStateUsd()).forEach((state, usd) -> {
                if (usd > 0) {
                    states.add(state);
                }
            });
        }
        List<String> order = CostByState.ordered(Map.of()).keySet().stream().filter(states::contains)
                .collect(Collectors.toCollection(ArrayList::new));
        states.stream().filter(st -> !order.contains(st)).sorted().forEach(order::add);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Strategy s : c.strategies()) {
            order.forEach(state -> data.addValue(CostByState.usd(s.result().cost().byStateUsd(), state),
                    CostByState.label(state), s.name()));
        }
        StackedBarRenderer r = stacked();
        for (int i = 0; i < order.size(); i++) {
            r.setSeriesPaint(i, CostByState.color(order.get(i), i));
        }
        BreakdownCharts.dollarLabels(r, data);
        return ChartStyle.chart("Spend by state", vertical(data, BreakdownCharts.dollars("cost over the run ($)"), r));
    }

    /** Wasted tokens by cause, stacked. */
    public static JFreeChart waste(Comparison c) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Strategy s : c.strategies()) {
            for (Map.Entry<String, Long> e : WasteBreakdown.of(s.result().tokens()).tokensByCause().entrySet()) {
                data.addValue(e.getValue(), WasteBreakdown.label(e.getKey()), s.name());
            }
        }
        StackedBarRenderer r = stacked();
        for (int i = 0; i < data.getRowCount(); i++) {
            r.setSeriesPaint(i, ChartStyle.color(i + 1));
        }
        NumberAxis axis = ChartAxes.count("wasted tokens");
        return ChartStyle.chart("Wasted tokens by cause", vertical(data, axis, r));
    }

    /** 99th percentile TTFT. */
    public static JFreeChart ttftP99(Comparison c) {
        return latency(c, "TTFT p99 (all routes)", Metric.TTFT_P99_MS);
    }

    /** 99th percentile TPOT. */
    public static JFreeChart tpotP99(Comparison c) {
        return latency(c, "TPOT p99 (all routes)", Metric.TPOT_P99_MS);
    }

    /** A latency percentile by strategy (the mean over replications, if any). */
    private static JFreeChart latency(Comparison c, String title, Metric metric) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Strategy s : c.strategies()) {
            data.addValue(s.estimate(metric).mean(), "p99", s.name());
        }
        BarRenderer r = new BarRenderer();
        BreakdownCharts.style(r);
        r.setMaximumBarWidth(0.5);
        r.setSeriesPaint(0, ChartStyle.color(0));
        labels(r, ChartAxes.format("#,##0.0' ms'"));
        NumberAxis axis = ChartAxes.number("milliseconds");
        axis.setUpperMargin(0.15);
        JFreeChart chart = ChartStyle.chart(title, vertical(data, axis, r));
        chart.removeLegend();
        return chart;
    }

    private static StackedBarRenderer stacked() {
        StackedBarRenderer r = new StackedBarRenderer();
        BreakdownCharts.style(r);
        r.setMaximumBarWidth(0.5);
        return r;
    }

    private static CategoryPlot vertical(DefaultCategoryDataset data, NumberAxis axis, BarRenderer r) {
        axis.setUpperMargin(Math.max(axis.getUpperMargin(), 0.12));
        return new CategoryPlot(data, new CategoryAxis("strategy"), axis, r);
    }

    private static void labels(BarRenderer r, NumberFormat format) {
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format));
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                TextAnchor.BOTTOM_CENTER));
    }
}
