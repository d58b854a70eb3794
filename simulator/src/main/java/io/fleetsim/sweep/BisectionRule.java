package io.fleetsim.sweep;

import io.fleetsim.spec.BalancingPolicy;
import io.fleetsim.spec.PoolKind;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.ScenarioSpec;

/**
 * Where bisection on a pool's replica count is valid: where a configuration that meets the
 * constraints with {@code n} replicas of the pool also meets them with {@code n + 1}, and the
 * extra replica only adds cost. That is argued, not assumed, from the scenario's structure:
 *
 * <ul>
 *   <li>the pool is reserved with a fixed replica count: every replica is paid for the whole
 *   horizon, so its cost grows by exactly one replica's price per replica added;</li>
 *   <li>every route the pool serves goes to it alone (no overflow to or from another pool):
 *   then another replica cannot move traffic to a pool that is faster, slower or priced per
 *   token, and the other pools' traffic does not depend on it;</li>
 *   <li>its replicas do not keep per-replica prefix caches that requests are steered to
 *   ({@code prefix_aware} balancing): spreading the same prompts over more caches can lower the
 *   hit rate and lengthen prefills.</li>
 * </ul>
 *
 * With those, a request never waits longer for one more identical server, as in a multi-server
 * FCFS queue fed the same arrivals. A pool with overflow, spot preemptions, autoscaling or a
 * per-token price breaks the argument (more spot replicas can take traffic from a faster API and
 * miss the SLO that fewer met), and the optimizer then evaluates every count.
 */
final class BisectionRule {

    private BisectionRule() {
    }

    /** Why bisection on {@code poolName}'s replicas is not valid in {@code scenario}, or null when it is. */
    static String whyNot(ScenarioSpec scenario, String poolName) {
        int index = -1;
        for (int p = 0; p < scenario.pools().size(); p++) {
            if (scenario.pools().get(p).name().equals(poolName)) {
                index = p;
            }
        }
        if (index < 0) {
            return "pool " + poolName + " is switched off";
        }
        PoolSpec pool = scenario.pools().get(index);
        if (pool.kind() != PoolKind.RESERVED) {
            return "pool " + poolName + " is " + pool.kind().id() + ", not reserved with a fixed replica count";
        }
        if (pool.capacity().scaling() != null || pool.capacity().spot() != null) {
            return "pool " + poolName + " is autoscaled or preempted, not a fixed replica count";
        }
        if (pool.balancing() == BalancingPolicy.PREFIX_AWARE) {
            return "pool " + poolName + " steers requests to per-replica prefix caches";
        }
        for (RouteSpec route : scenario.workload().routes()) {
            if (route.routing().pools().contains(index) && route.routing().pools().size() > 1) {
                return "route " + route.name() + " spills between pool " + poolName + " and other pools";
            }
        }
        return null;
    }

    /** True when {@code pool}'s cost is its replica count times a fixed price: reserved, never scaled or preempted. */
    static boolean costsPerReplica(PoolSpec pool) {
        return pool.kind() == PoolKind.RESERVED && pool.capacity().scaling() == null && pool.capacity().spot() == null;
    }
}
