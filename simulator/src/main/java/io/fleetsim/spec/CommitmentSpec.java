package io.fleetsim.spec;

/**
 * The terms of a reserved pool's commitment: the term is paid whether or not the capacity is used,
 * part of it up front.
 *
 * @param years        length of the commitment (1 or 3)
 * @param upfrontShare share of the whole term's price paid at signing (0 to 1)
 */
public record CommitmentSpec(int years, double upfrontShare) {
}
