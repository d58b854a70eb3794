package io.fleetsim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.compare.Comparison;
import io.fleetsim.run.RunResult;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

/** Cost states and waste causes read as words in distinguishable colours, with dollars on the bars. */
class ChartLegibilityTest {

    /** CIE L*a*b* of an sRGB colour (D65). */
    private static double[] lab(Color c) {
        double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] > 0.04045 ? Math.pow((rgb[i] + 0.055) / 1.055, 2.4) : rgb[i] / 12.92;
        }
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
    }

    @Test
    void everyTwoCostStatesAreAtLeast25LabUnitsApart() {
        List<String> states = CostByState.ORDER;
        for (int i = 0; i < states.size(); i++) {
            for (int j = i + 1; j < states.size(); j++) {
                double[] a = lab((Color) CostByState.color(states.get(i), 0));
                double[] b = lab((Color) CostByState.color(states.get(j), 0));
                double d = Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
                assertTrue(d >= 25, states.get(i) + " and " + states.get(j) + " are only " + d + " apart");
            }
        }
    }

    private static List<String> keys(JFreeChart chart) {
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        List<String> out = new ArrayList<>();
        data.getRowKeys().forEach(k -> out.add(k.toString()));
        data.getColumnKeys().forEach(k -> out.add(k.toString()));
        return out;
    }

    @Test
    void legendsAndCategoriesAreWordsNotIdentifiers() {
        Comparison c = StrategyRuns.comparison();
        RunReport run = StrategyRuns.report(2);
        for (JFreeChart chart : List.of(BreakdownCharts.costByPool(run.result()),
                BreakdownCharts.wasteByCause(run.result()), ComparisonCharts.spendByState(c),
                ComparisonCharts.waste(c))) {
            for (String key : keys(chart)) {
                assertFalse(key.matches(".*[a-z]_[a-z].*"), chart.getTitle().getText() + ": '" + key + "'");
            }
        }
    }

    @Test
    void costSegmentsCarryDollarLabels() {
        Comparison c = StrategyRuns.comparison();
        for (JFreeChart chart : List.of(BreakdownCharts.costByPool(c.strategies().get(2).result()),
                ComparisonCharts.spendByState(c), ComparisonCharts.spendByPool(c))) {
            CategoryPlot plot = chart.getCategoryPlot();
            var generator = plot.getRenderer().getDefaultItemLabelGenerator();
            assertNotNull(generator, chart.getTitle().getText() + " has no value labels");
            assertTrue(plot.getRenderer().getDefaultItemLabelsVisible());
            CategoryDataset data = plot.getDataset();
            int[] biggest = {0, 0};
            for (int r = 0; r < data.getRowCount(); r++) {
                for (int col = 0; col < data.getColumnCount(); col++) {
                    Number v = data.getValue(r, col);
                    Number best = data.getValue(biggest[0], biggest[1]);
                    if (v != null && (best == null || v.doubleValue() > best.doubleValue())) {
                        biggest = new int[] {r, col};
                    }
                }
            }
            String label = generator.generateLabel(data, biggest[0], biggest[1]);
            assertNotNull(label);
            assertTrue(label.startsWith("$"), label);
        }
    }

    @Test
    void wasteCausesAreDrawnWholeOnTheRunReportsHalfWidthChart() {
        RunResult run = StrategyRuns.comparison().strategies().get(0).result();
        String svg = ChartImage.of("waste", "waste", BreakdownCharts.wasteByCause(run), HtmlPage.HALF_WIDTH, 340).svg();
        for (String cause : WasteBreakdown.of(run.tokens()).tokensByCause().keySet()) {
            String label = WasteBreakdown.label(cause);
            assertTrue(svg.contains(">" + label + "<"), "'" + label + "' is cut short on the waste chart");
        }
    }
}
