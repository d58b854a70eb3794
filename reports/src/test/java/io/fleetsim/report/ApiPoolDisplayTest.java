package io.fleetsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.run.PoolResult;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/**
 * An API pool is shown as what it is (requests sent, prices, spend), not as a GPU replica; charts
 * keep one unit per axis and name the axis of each series when they have two.
 */
class ApiPoolDisplayTest {

    private static RunReport withApi() {
        RunReport r = StrategyRuns.report(2);
        assertTrue(r.result().pools().stream().anyMatch(RunTables::isApi), "reserved-spot-api has an API pool");
        return r;
    }

    private static List<String> seriesNames(XYPlot plot) {
        List<String> out = new java.util.ArrayList<>();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            for (int s = 0; data != null && s < data.getSeriesCount(); s++) {
                out.add(data.getSeriesKey(s).toString());
            }
        }
        return out;
    }

    @Test
    void poolTableLeavesReplicaCellsOfAnApiPoolEmpty() {
        RunReport r = withApi();
        Table t = RunTables.pools(r.result());
        List<String> keys = t.columns().stream().map(Column::key).toList();
        for (int i = 0; i < r.result().pools().size(); i++) {
            PoolResult p = r.result().pools().get(i);
            List<Object> row = t.rows().get(i);
            if (RunTables.isApi(p)) {
                for (String k : List.of("replicas", "peak_replicas", "gpus", "utilization", "batch_occupancy")) {
                    assertNull(row.get(keys.indexOf(k)), p.name() + " " + k);
                }
            }
        }
    }

    @Test
    void apiTableShowsRequestsPricesAndSpend() {
        RunReport r = withApi();
        Table t = RunTables.apiPools(r);
        assertEquals(1, t.rows().size());
        List<String> keys = t.columns().stream().map(Column::key).toList();
        List<Object> row = t.rows().get(0);
        PoolResult api = r.result().pools().stream().filter(RunTables::isApi).findFirst().orElseThrow();
        assertEquals(api.routedRequests(), ((Number) row.get(keys.indexOf("requests_sent"))).longValue());
        assertEquals(0.88, ((Number) row.get(keys.indexOf("usd_per_mtok_input"))).doubleValue(), 1e-12);
        double parts = 0;
        for (String k : List.of("input_usd", "cached_input_usd", "output_usd")) {
            parts += ((Number) row.get(keys.indexOf(k))).doubleValue();
        }
        assertEquals(api.costUsd(), parts, 1e-9, "API spend = input + cached input + output");
    }

    @Test
    void pageDescribesTheApiByItsPricesNotAsGpuReplicas() {
        String html = RunHtmlReport.render(withApi());
        assertFalse(html.contains("queueing servers at $0/GPU-hour"), "API described as GPU replicas");
        assertTrue(html.contains("api (api): hosted API at $0.88 per 1M input"), "API prices missing");
        assertTrue(html.contains("table-api-pools"));
    }

    @Test
    void replicaChartsLeaveApiPoolsOut() {
        RunReport r = withApi();
        for (JFreeChart chart : List.of(TimeSeriesCharts.replicas(r.result()), TimeSeriesCharts.queueAndOccupancy(r))) {
            for (String name : seriesNames(chart.getXYPlot())) {
                assertFalse(name.startsWith("api "), chart.getTitle().getText() + " draws '" + name + "'");
            }
        }
    }

    @Test
    void trafficHasOneAxisAndTwoAxisChartsNameTheirAxes() {
        RunReport r = withApi();
        assertEquals(1, TimeSeriesCharts.traffic(r.result()).getXYPlot().getRangeAxisCount(),
                "requests per second and replicas on one chart");
        assertEquals(1, TimeSeriesCharts.replicas(r.result()).getXYPlot().getRangeAxisCount());
        for (JFreeChart chart : List.of(TimeSeriesCharts.queueAndOccupancy(r), TimeSeriesCharts.sloAndCostRate(
                r.result()))) {
            XYPlot plot = chart.getXYPlot();
            assertEquals(2, plot.getRangeAxisCount());
            for (String name : seriesNames(plot)) {
                assertTrue(name.endsWith("axis)"), chart.getTitle().getText() + ": '" + name + "' names no axis");
            }
        }
    }

    @Test
    void batchOccupancyIsAShareOfSlotsNotTheBusyReplicaShare() {
        RunReport r = withApi();
        XYPlot plot = TimeSeriesCharts.queueAndOccupancy(r).getXYPlot();
        XYDataset occ = plot.getDataset(1);
        double max = 0;
        for (int s = 0; s < occ.getSeriesCount(); s++) {
            for (int i = 0; i < occ.getItemCount(s); i++) {
                double y = occ.getYValue(s, i);
                if (Double.isFinite(y)) {
                    assertTrue(y >= 0 && y <= 100, "occupancy " + y);
                    max = Math.max(max, y);
                }
            }
        }
        assertTrue(max > 0 && max < 100, "256 slots per replica at 1.5 requests/s: " + max);
    }
}
