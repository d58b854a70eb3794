package io.fleetsim.spec;

/**
 * A pool whose servers are bought, not rented: the purchase is amortised straight-line over
 * {@code amortisationYears} (365-day years), the energy drawn is paid at {@code usdPerKwh} (GPU
 * power times PUE), the provisioned power is paid at a colocation price per kW-month, and staff
 * and support are a fixed monthly cost (30-day months, like {@code economics.fixed_monthly_usd}).
 *
 * @param usdPerServer            purchase price of one server
 * @param gpusPerServer           GPUs in one server (a pool owns enough whole servers for its GPUs)
 * @param amortisationYears       years the purchase is spread over (depreciation life)
 * @param serverKw                power provisioned per server, for colocation
 * @param pue                     power usage effectiveness of the facility (1 or more)
 * @param usdPerKwh               electricity price
 * @param colocationUsdPerKwMonth colocation price per provisioned kW per month
 * @param staffUsdPerMonth        staff and support for these servers, per month
 * @param source                  where the figures come from
 */
public record OwnershipSpec(double usdPerServer, int gpusPerServer, double amortisationYears, double serverKw,
                            double pue, double usdPerKwh, double colocationUsdPerKwMonth, double staffUsdPerMonth,
                            String source) {

    /** Seconds in the 365-day year purchases are amortised over. */
    public static final double YEAR_SECONDS = 365 * 86400.0;

    /** Whole servers needed for {@code gpus} GPUs. */
    public int servers(int gpus) {
        return (gpus + gpusPerServer - 1) / gpusPerServer;
    }
}
