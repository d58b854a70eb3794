package io.fleetsim.spec;

/**
 * A zone outage of a pool: the share of its replicas in one zone is lost for a while, scheduled
 * at a known time or drawn at random (then {@code meanSecondsBetween} is the mean time between
 * outages, exponential, and {@code duration} the distribution of their lengths).
 *
 * <p>At the start the zone's replicas are killed as failed replicas are: what they were serving
 * is lost and goes back to the router. The share is rounded up (a zone holding a third of 4
 * replicas holds 2: the largest zone of an even spread). The pool cannot replace them during the
 * outage; at its end a fixed pool asks for them again, each serving after {@code restartSeconds}.
 *
 * @param name               what the report calls it
 * @param atSeconds          start of a scheduled outage (NaN for random outages)
 * @param meanSecondsBetween mean time between random outages (0 for a scheduled one)
 * @param duration           how long an outage lasts (fixed for a scheduled one)
 * @param share              share of the pool's live replicas lost, in (0, 1]
 * @param restartSeconds     from the end of the outage until a restored replica serves
 */
public record ZoneOutageSpec(String name, double atSeconds, double meanSecondsBetween, DurationSpec duration,
                             double share, double restartSeconds) {

    /** True for outages drawn at random rather than scheduled. */
    public boolean random() {
        return meanSecondsBetween > 0;
    }
}
