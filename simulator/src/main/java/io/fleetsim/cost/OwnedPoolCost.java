package io.fleetsim.cost;

import io.fleetsim.spec.EconomicsSpec;
import io.fleetsim.spec.OwnershipSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an owned pool costs over a horizon, by component: the purchase amortised straight-line
 * ({@code servers x price x horizon / (years x 365 days)}), the energy drawn ({@code kWh x $/kWh}),
 * colocation ({@code servers x kW x $/kW-month x horizon / 30 days}) and staff and support
 * ({@code $/month x horizon / 30 days}).
 *
 * @param servers          whole servers owned
 * @param capexAmortisedUsd purchase share of the horizon
 * @param energyUsd        electricity
 * @param colocationUsd    colocation
 * @param staffUsd         staff and support
 */
public record OwnedPoolCost(int servers, double capexAmortisedUsd, double energyUsd, double colocationUsd,
                            double staffUsd) {

    /** The cost of owning enough servers for {@code gpus} GPUs over {@code horizonSeconds}. */
    public static OwnedPoolCost of(OwnershipSpec own, int gpus, double energyKwh, double horizonSeconds) {
        int servers = own.servers(gpus);
        double capex = servers * own.usdPerServer() * horizonSeconds / (own.amortisationYears()
                * OwnershipSpec.YEAR_SECONDS);
        double months = horizonSeconds / EconomicsSpec.MONTH_SECONDS;
        return new OwnedPoolCost(servers, capex, energyKwh * own.usdPerKwh(),
                servers * own.serverKw() * own.colocationUsdPerKwMonth() * months, own.staffUsdPerMonth() * months);
    }

    /** Everything together. */
    public double totalUsd() {
        return capexAmortisedUsd + energyUsd + colocationUsd + staffUsd;
    }

    /** By component id: capex_amortised, energy, colocation, fixed (staff and support). */
    public Map<String, Double> byComponent() {
        Map<String, Double> out = new TreeMap<>();
        out.put("capex_amortised", capexAmortisedUsd);
        out.put("energy", energyUsd);
        out.put("colocation", colocationUsd);
        out.put("fixed", staffUsd);
        return out;
    }
}
