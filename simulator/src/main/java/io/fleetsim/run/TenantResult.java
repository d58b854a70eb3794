package io.fleetsim.run;

import io.fleetsim.metrics.TenantCounts;

/**
 * One tenant's share of a run. Its cost is the fleet's total cost in proportion to the tokens of
 * its completed requests.
 *
 * @param name                   tenant name
 * @param counts                 its requests and tokens
 * @param costUsd                attributed cost over the horizon
 * @param costPerUsefulMtokUsd   attributed cost per million useful tokens (NaN when none)
 * @param monthlyBudgetUsd       its budget per 30-day month (0 when none)
 * @param projectedMonthlyUsd    attributed cost scaled to a 30-day month
 */
public record TenantResult(String name, TenantCounts counts, double costUsd, double costPerUsefulMtokUsd,
                           double monthlyBudgetUsd, double projectedMonthlyUsd) {

    /** True when the tenant has a budget and its projected monthly cost exceeds it. */
    public boolean overBudget() {
        return monthlyBudgetUsd > 0 && projectedMonthlyUsd > monthlyBudgetUsd;
    }
}
