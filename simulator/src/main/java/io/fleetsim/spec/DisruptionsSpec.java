package io.fleetsim.spec;

import java.util.List;

/**
 * What takes capacity out of a pool on purpose or by accident, beyond single failures, and the
 * headroom kept against it.
 *
 * @param zoneOutages    zone outages, scheduled or random
 * @param rollingDeploys rolling deploys
 * @param headroom       the N+k policy, or null for none
 */
public record DisruptionsSpec(List<ZoneOutageSpec> zoneOutages, List<RollingDeploySpec> rollingDeploys,
                              HeadroomSpec headroom) {

    /** No outages, no deploys, no headroom. */
    public static final DisruptionsSpec NONE = new DisruptionsSpec(List.of(), List.of(), null);

    public DisruptionsSpec {
        zoneOutages = List.copyOf(zoneOutages);
        rollingDeploys = List.copyOf(rollingDeploys);
    }

    /** True when the pool has an outage or a deploy (events whose windows the report judges). */
    public boolean anyEvent() {
        return !zoneOutages.isEmpty() || !rollingDeploys.isEmpty();
    }
}
