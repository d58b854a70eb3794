/**
 * Where money is computed from usage: GPU time by state times price and overhead, API tokens by
 * kind, cost split among routes, the break-even volume against an API, catalog prices; and the
 * economics of owning capacity: GPU power fitted from measured runs, energy (power x time x PUE),
 * a purchase amortised with its energy, colocation and staff, and a reserved commitment's
 * obligation. Reads specs and figures handed to it; knows nothing of the fleet or the run.
 */
package io.fleetsim.cost;
