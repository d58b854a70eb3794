package io.fleetsim.spec;

/**
 * Routing by request class: a route's easy requests go to a smaller model's pool, the rest to the
 * route's pools as usual. A request is easy when its prompt is shorter than
 * {@code promptTokensBelow} (a sizing decision {@code optimize} can vary), or, with
 * {@code easyShare}, when a draw per request says so (the share of easy requests the product
 * expects).
 *
 * @param promptTokensBelow requests with fewer prompt tokens are easy (0: not by length)
 * @param easyShare         share of requests that are easy (used when {@code promptTokensBelow} is 0)
 * @param pool              index of the pool easy requests go to
 */
public record ClassSplit(int promptTokensBelow, double easyShare, int pool) {

    /** True when the split is by prompt length. */
    public boolean byLength() {
        return promptTokensBelow > 0;
    }
}
