package io.fleetsim.spec;

/**
 * A customer of the platform: a share of all requests, and what it may spend.
 *
 * @param name             tenant name
 * @param share            fraction of requests that belong to it (shares sum to 1)
 * @param monthlyBudgetUsd its monthly budget, 0 when none is set
 */
public record TenantSpec(String name, double share, double monthlyBudgetUsd) {
}
