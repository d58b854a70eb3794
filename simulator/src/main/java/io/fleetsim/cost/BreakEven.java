package io.fleetsim.cost;

/**
 * The monthly volume above which self-hosting is cheaper than a hosted API:
 * {@code fixed / (apiPrice - selfHostedVariable)}, in millions of tokens. With $5,000 a month of
 * fixed cost, an API at $0.80 per million and self-hosting at $0.35 per million on the margin, it
 * is 5000 / 0.45 = 11,111 M tokens (11.1 billion) a month.
 *
 * @param apiUsdPerMtok              the API's blended price per million tokens
 * @param fixedMonthlyUsd            self-hosting costs that do not grow with tokens, per month
 * @param variableUsdPerMtok         self-hosting cost per extra million tokens
 * @param monthlyMtok                break-even volume in millions of tokens per month (NaN when
 *                                   the API is never dearer on the margin)
 */
public record BreakEven(double apiUsdPerMtok, double fixedMonthlyUsd, double variableUsdPerMtok,
                        double monthlyMtok) {

    /** Computes the break-even volume. */
    public static BreakEven of(double apiUsdPerMtok, double fixedMonthlyUsd, double variableUsdPerMtok) {
        double margin = apiUsdPerMtok - variableUsdPerMtok;
        double volume = margin > 0 ? fixedMonthlyUsd / margin : Double.NaN;
        return new BreakEven(apiUsdPerMtok, fixedMonthlyUsd, variableUsdPerMtok, volume);
    }
}
