package io.fleetsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.compare.Comparison;
import java.util.List;
import org.junit.jupiter.api.Test;

/** compare.csv ties out: every strategy's pools plus its fixed costs are its total. */
class ComparisonTablesTest {

    @Test
    void poolsPlusFixedCostsAreTheTotal() {
        Comparison c = StrategyRuns.comparison();
        Table t = ComparisonTables.full(c);
        List<String> keys = t.columns().stream().map(Column::key).toList();
        int total = keys.indexOf("cost_usd");
        int fixed = keys.indexOf("fixed_cost_usd");
        assertTrue(fixed >= 0, "no fixed cost column in " + keys);
        for (List<Object> row : t.rows()) {
            double sum = ((Number) row.get(fixed)).doubleValue();
            assertTrue(sum > 0, "the shipped strategies carry $5,000 a month of fixed costs");
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).startsWith("cost_usd_") && row.get(i) != null) {
                    sum += ((Number) row.get(i)).doubleValue();
                }
            }
            assertEquals(((Number) row.get(total)).doubleValue(), sum, 1e-6, row.get(0) + ": pools + fixed");
        }
    }

    @Test
    void monthlyViewIsTheTotalScaledToThirtyDays() {
        Comparison c = StrategyRuns.comparison();
        Table t = ComparisonTables.full(c);
        List<String> keys = t.columns().stream().map(Column::key).toList();
        for (int i = 0; i < t.rows().size(); i++) {
            List<Object> row = t.rows().get(i);
            var r = c.strategies().get(i).result();
            double month = ((Number) row.get(keys.indexOf("projected_30_days_usd"))).doubleValue();
            assertEquals(r.costUsd() * 30 * 86_400 / r.simulatedSeconds(), month, 1e-6);
            double perK = ((Number) row.get(keys.indexOf("per_1k_requests_usd"))).doubleValue();
            assertEquals(1000 * r.costUsd() / r.requests().completed(), perK, 1e-9);
        }
    }
}
