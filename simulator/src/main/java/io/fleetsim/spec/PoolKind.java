package io.fleetsim.spec;

import java.util.Locale;

/** How a pool's capacity is bought. */
public enum PoolKind {
    /** A fixed number of replicas paid every hour, busy or idle (1-year, 3-year or custom rate). */
    RESERVED,
    /** Replicas rented as needed between a minimum and a maximum, paid from request to release. */
    ON_DEMAND,
    /** Cheaper replicas the provider may take back at short notice. */
    SPOT,
    /** A hosted model API paid per token, with rate limits. */
    API;

    /** The name used in scenario files: {@code reserved}, {@code on-demand}, {@code spot}, {@code api}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind named {@code id} in a scenario file. */
    public static PoolKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
