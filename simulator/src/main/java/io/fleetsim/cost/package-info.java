/**
 * Where money is computed from usage: GPU time by state times price and overhead, API tokens by
 * kind, cost split among routes, the break-even volume against an API, catalog prices. Reads
 * specs and figures handed to it; knows nothing of the fleet or the run.
 */
package io.fleetsim.cost;
