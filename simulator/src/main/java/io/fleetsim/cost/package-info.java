/**
 * Where money is computed from usage: GPU time by state times price and overhead, API tokens by
 * kind, cost split among routes, the break-even volume against an API, catalog prices; and the
 * economics of owning capacity: GPU power fitted from measured runs, energy (power x time x PUE),
 * a purchase amortised with its energy, colocation and staff, and a reserved commitment's
 * obligation. {@code Bill} computes every money figure of a run (pools by {@code CostState},
 * routes, tenants, fixed costs, break-even, the time series' cost rate) from the metrics and
 * each pool's {@code PoolUsage}.
 *
 * <p>Reads specs, metrics and the usage handed to it; must not import {@code fleet}, {@code run}
 * or {@code serving} (checked by {@code DependencyRulesTest}).
 */
package io.fleetsim.cost;
