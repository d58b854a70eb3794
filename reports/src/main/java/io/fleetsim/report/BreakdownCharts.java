package io.fleetsim.report;

import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RunResult;
import java.awt.Font;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/** Bar charts of where a run's money and tokens went: cost by pool, wasted tokens by cause. */
public final class BreakdownCharts {

    private BreakdownCharts() {
    }

    /** Each pool's cost as a bar split by what the money bought; fixed costs, if any, as a bar of their own. */
    public static JFreeChart costByPool(RunResult run) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> states = usedStates(run);
        for (PoolResult p : run.pools()) {
            Map<String, Double> byState = CostByState.ordered(p.costByStateUsd());
            states.forEach(s -> data.addValue(byState.getOrDefault(s, 0.0), CostByState.label(s), p.name()));
        }
        if (run.cost().fixedUsd() > 0) {
            states.forEach(s -> data.addValue(s.equals("fixed") ? run.cost().fixedUsd() : 0.0, CostByState.label(s),
                    "fixed costs"));
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        style(renderer);
        for (int i = 0; i < states.size(); i++) {
            renderer.setSeriesPaint(i, CostByState.color(states.get(i), i));
        }
        dollarLabels(renderer, data);
        return ChartStyle.chart("Cost by pool and state", horizontal(data, "pool", dollars("cost over the run ($)"),
                renderer));
    }

    /** The cost states with money in them, in report order (at least {@code busy}, so the legend is never empty). */
    static List<String> usedStates(RunResult run) {
        List<String> states = new ArrayList<>();
        CostByState.ordered(run.cost().byStateUsd()).forEach((s, usd) -> {
            if (usd > 0 || s.equals("busy")) {
                states.add(s);
            }
        });
        return states;
    }

    /** Wasted tokens by cause, every known cause shown. */
    public static JFreeChart wasteByCause(RunResult run) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        WasteBreakdown waste = WasteBreakdown.of(run.tokens());
        for (Map.Entry<String, Long> e : waste.tokensByCause().entrySet()) {
            data.addValue(e.getValue(), "wasted tokens", WasteBreakdown.label(e.getKey()));
        }
        BarRenderer renderer = new BarRenderer();
        style(renderer);
        renderer.setSeriesPaint(0, ChartStyle.color(1));
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                ChartAxes.format("#,##0")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        NumberAxis tokens = ChartAxes.count("tokens");
        tokens.setUpperMargin(0.2);
        JFreeChart chart = ChartStyle.chart("Wasted tokens by cause", horizontal(data, "cause", tokens, renderer));
        chart.removeLegend();
        return chart;
    }

    /**
     * Dollar labels on the segments of stacked bars, left off segments under 8 % of the tallest bar
     * (their text would not fit; the tables hold every figure).
     */
    static void dollarLabels(StackedBarRenderer renderer, DefaultCategoryDataset data) {
        double tallest = 0;
        for (int c = 0; c < data.getColumnCount(); c++) {
            double sum = 0;
            for (int r = 0; r < data.getRowCount(); r++) {
                Number v = data.getValue(r, c);
                sum += v == null ? 0 : Math.max(0, v.doubleValue());
            }
            tallest = Math.max(tallest, sum);
        }
        double smallest = 0.08 * tallest;
        NumberFormat usd = ChartAxes.format("$#,##0.00");
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", usd) {
            @Override
            public String generateLabel(CategoryDataset dataset, int row, int column) {
                Number v = dataset.getValue(row, column);
                return v == null || v.doubleValue() < smallest || smallest <= 0 ? null : usd.format(v);
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER,
                TextAnchor.CENTER));
    }

    /** A horizontal bar plot: categories down the side, values across. */
    static CategoryPlot horizontal(DefaultCategoryDataset data, String categoryLabel, NumberAxis valueAxis,
                                   BarRenderer renderer) {
        CategoryAxis categories = new CategoryAxis(categoryLabel);
        // room for names such as "recomputed after preemption" on a half-width chart
        categories.setMaximumCategoryLabelWidthRatio(0.4f);
        CategoryPlot plot = new CategoryPlot(data, categories, valueAxis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        return plot;
    }

    /** A value axis in dollars. */
    static NumberAxis dollars(String label) {
        NumberAxis axis = ChartAxes.number(label);
        axis.setNumberFormatOverride(ChartAxes.format("$#,##0.##"));
        axis.setUpperMargin(0.1);
        return axis;
    }

    /** Flat bars without shadows, the look of every bar chart. */
    static void style(BarRenderer renderer) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.18);
        renderer.setItemMargin(0.05);
    }
}
