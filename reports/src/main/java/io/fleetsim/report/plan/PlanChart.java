package io.fleetsim.report.plan;

import io.fleetsim.plan.MonthlyVolumes;
import io.fleetsim.plan.PlanDecision;
import io.fleetsim.plan.PlanResult;
import io.fleetsim.plan.PlanRow;
import io.fleetsim.plan.PlanStrategy;
import io.fleetsim.report.ChartStyle;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The picture planners want: cost per useful 1M tokens against monthly volume (log scale), one
 * line per strategy through the volumes where it meets the SLO, and the break-even volumes
 * against the API marked.
 */
public final class PlanChart {

    private PlanChart() {
    }

    /** The chart of {@code plan}. */
    public static JFreeChart of(PlanResult plan) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (PlanStrategy s : plan.strategies()) {
            XYSeries series = new XYSeries(s.id(), false, true);
            for (PlanDecision d : plan.decisions()) {
                PlanRow r = d.row(s);
                if (r != null && r.meets()) {
                    series.add(d.volume(), r.costPerUsefulMtok().mean());
                }
            }
            data.addSeries(series);
        }
        // both axes log with a tick per decade: volumes span decades, and so do costs per token
        // (a replica mostly idle at low volume costs hundreds of times the API)
        LogAxis x = new LogAxis("tokens per month");
        x.setBase(10);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new VolumeFormat());
        LogAxis y = new LogAxis("$ per useful 1M tokens, log scale (where the strategy meets the SLO)");
        y.setBase(10);
        y.setTickUnit(new NumberTickUnit(1));
        y.setNumberFormatOverride(new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < plan.strategies().size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesStroke(i, ChartStyle.LINE);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        for (PlanResult.Crossover c : plan.breakEven()) {
            ValueMarker m = new ValueMarker(c.volume(), new Color(0x666666), ChartStyle.DASHED);
            m.setLabel("break-even " + MonthlyVolumes.label(c.volume()));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(m);
        }
        return ChartStyle.chart("Cost per useful token by monthly volume", plot);
    }

    /** Axis labels such as 10M, 1B, 100B, the same in every locale. */
    private static final class VolumeFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(MonthlyVolumes.label(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return toAppendTo.append(MonthlyVolumes.label(number));
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("labels only");
        }
    }
}
