package io.fleetsim.spec;

/**
 * Costs beyond GPU-hours and API tokens, and the reference for the break-even volume.
 *
 * @param overheadMultiplier     all-in factor on GPU spend (power, networking, storage, support)
 * @param fixedMonthlyUsd        engineering, monitoring and other fixed costs of self-hosting per 30-day
 *                               month (not paid by a fleet of API pools alone)
 * @param apiReferenceUsdPerMtok blended API price per million tokens to compare self-hosting with
 *                               (0 when none is given)
 */
public record EconomicsSpec(double overheadMultiplier, double fixedMonthlyUsd, double apiReferenceUsdPerMtok) {

    /** No overhead, no fixed costs, no reference. */
    public static final EconomicsSpec NONE = new EconomicsSpec(1, 0, 0);

    /** Seconds in the 30-day month fixed costs are quoted for. */
    public static final double MONTH_SECONDS = 30 * 86400.0;
}
