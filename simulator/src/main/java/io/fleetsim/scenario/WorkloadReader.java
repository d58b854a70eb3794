package io.fleetsim.scenario;

import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.ArrivalSpec;
import io.fleetsim.spec.ClassSplit;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.spec.RequestShapeSpec;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.SloSpec;
import io.fleetsim.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates the {@code workload} section of a scenario: arrivals, routes, lengths and SLOs. */
final class WorkloadReader {

    /**
     * Share of the TPOT target at which a pool counts as saturated by default: the batch a request
     * joins keeps growing after it joins, so spilling must start before the target is reached.
     */
    private static final double DEFAULT_TPOT_MARGIN = 0.6;

    private WorkloadReader() {
    }

    static WorkloadSpec read(SpecNode node, Map<String, Integer> poolIndex, Set<String> off) {
        node.allowOnly("arrivals", "routes", "tenants");
        ArrivalSpec arrivals = ArrivalReader.read(node.required("arrivals"));
        List<SpecNode> routeNodes = node.required("routes").elements();
        if (routeNodes.isEmpty()) {
            throw node.get("routes").error("needs at least one route");
        }
        double shareSum = 0;
        List<Double> shares = new ArrayList<>();
        for (SpecNode r : routeNodes) {
            double share = r.isObject() && !r.get("share").isMissing() ? r.get("share").positiveNumber() : 1;
            shareSum += share;
            shares.add(share);
        }
        if (routeNodes.size() > 1) {
            for (SpecNode r : routeNodes) {
                r.required("share");
            }
        }
        List<RouteSpec> routes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < routeNodes.size(); i++) {
            RouteSpec route = route(routeNodes.get(i), shares.get(i) / shareSum, poolIndex, off, arrivals);
            if (!names.add(route.name())) {
                throw routeNodes.get(i).get("name").error("duplicate route name '" + route.name() + "'");
            }
            routes.add(route);
        }
        return new WorkloadSpec(arrivals, routes, ClientReader.tenants(node.get("tenants")));
    }

    /**
     * A replayed trace brings each request's lengths, so a route may leave them out; if it gives
     * its own, they replace the recorded ones for that route.
     */
    private static RequestShapeSpec requestShape(SpecNode route, ArrivalSpec arrivals) {
        boolean noLengths = route.get("prompt_tokens").isMissing() && route.get("output_tokens").isMissing()
                && route.get("lengths").isMissing();
        if (arrivals instanceof ArrivalSpec.TraceReplay replay && noLengths) {
            return new RequestShapeSpec.Recorded(replay.trace());
        }
        return LengthReader.readShape(route);
    }

    private static RouteSpec route(SpecNode node, double share, Map<String, Integer> poolIndex, Set<String> off,
                                   ArrivalSpec arrivals) {
        node.allowOnly("name", "share", "prompt_tokens", "output_tokens", "lengths", "slo", "pool", "overflow",
                "patience", "retries", "prefix", "session", "priority", "quality", "disconnect", "split");
        String name = node.required("name").text();
        RequestShapeSpec lengths = requestShape(node, arrivals);
        SpecNode sloNode = node.required("slo").allowOnly("ttft", "tpot", "percentile");
        SloSpec slo = new SloSpec(sloNode.required("ttft").positiveDurationSeconds(),
                sloNode.required("tpot").positiveDurationSeconds(),
                sloNode.get("percentile").isMissing() ? 99 : sloNode.get("percentile").numberIn(1, 99.9));
        RouteSpec.Routing routing = routing(node, poolIndex, off, slo);
        return new RouteSpec(name, share, lengths, slo, routing, ClientReader.read(node),
                node.get("priority").intIn(0, 1000, 0), QualityReader.read(node.get("quality"), poolIndex, off),
                split(node.get("split"), poolIndex, off));
    }

    /**
     * {@code split: {prompt_tokens_below: N, to: pool}} or {@code split: {easy_share: S, to: pool}}:
     * easy requests go to {@code to}; null when the pool is switched off (no split then).
     */
    private static ClassSplit split(SpecNode node, Map<String, Integer> poolIndex, Set<String> off) {
        if (node.isMissing()) {
            return null;
        }
        node.allowOnly("prompt_tokens_below", "easy_share", "to");
        SpecNode below = node.get("prompt_tokens_below");
        SpecNode share = node.get("easy_share");
        if (below.isMissing() == share.isMissing()) {
            throw node.error("give one of prompt_tokens_below (easy = shorter prompts) or easy_share (a share of "
                    + "requests)");
        }
        SpecNode to = node.required("to");
        if (off.contains(to.text())) {
            return null;
        }
        int pool = poolNamed(to, poolIndex);
        return below.isMissing() ? new ClassSplit(0, share.numberIn(0, 1), pool)
                : new ClassSplit((int) below.integerIn(1, LengthSpec.MAX_TOKENS), 0, pool);
    }

    /**
     * {@code pool: name} pins the route to one pool; {@code overflow: {to: [names], ...}} spills to
     * the listed pools, in order, while the earlier ones are saturated: {@code queue_depth: N},
     * {@code in_flight_per_replica: N}, {@code predicted_wait: 500ms} or {@code predicted_tpot: 50ms}
     * (by default, a predicted wait over half the TTFT target or a predicted token gap over 60 % of
     * the TPOT target).
     */
    private static RouteSpec.Routing routing(SpecNode node, Map<String, Integer> poolIndex, Set<String> off,
                                             SloSpec slo) {
        SpecNode poolRef = node.get("pool");
        List<Integer> pools = new ArrayList<>();
        if (poolRef.isMissing()) {
            if (poolIndex.size() > 1) {
                throw node.error("missing required field 'pool' (there is more than one pool: "
                        + String.join(", ", poolIndex.keySet()) + ")");
            }
            pools.add(0);
        } else if (!off.contains(poolRef.text())) {
            pools.add(poolNamed(poolRef, poolIndex));
        }
        SpecNode overflow = node.get("overflow");
        if (overflow.isMissing()) {
            return RouteSpec.Routing.only(onPool(node, pools, off));
        }
        overflow.allowOnly("to", "queue_depth", "predicted_wait", "in_flight_per_replica", "predicted_tpot");
        List<SpecNode> targets = overflow.required("to").elements();
        if (targets.isEmpty()) {
            throw overflow.get("to").error("needs at least one pool to spill to");
        }
        Set<String> named = new HashSet<>();
        named.add(poolRef.text(""));
        for (SpecNode t : targets) {
            if (!named.add(t.text())) {
                throw t.error("pool '" + t.text() + "' is already in this route's pools");
            }
            if (!off.contains(t.text())) {
                pools.add(poolNamed(t, poolIndex));
            }
        }
        int depth = overflow.get("queue_depth").intIn(1, Integer.MAX_VALUE, Integer.MAX_VALUE);
        double inFlight = overflow.get("in_flight_per_replica").isMissing() ? Double.POSITIVE_INFINITY
                : overflow.get("in_flight_per_replica").positiveNumber();
        boolean noTrigger = depth == Integer.MAX_VALUE && inFlight == Double.POSITIVE_INFINITY
                && overflow.get("predicted_wait").isMissing() && overflow.get("predicted_tpot").isMissing();
        double wait = overflow.get("predicted_wait").isMissing()
                ? (noTrigger ? slo.ttftSeconds() / 2 : Double.POSITIVE_INFINITY)
                : overflow.get("predicted_wait").positiveDurationSeconds();
        double gap = overflow.get("predicted_tpot").isMissing()
                ? (noTrigger ? DEFAULT_TPOT_MARGIN * slo.tpotSeconds() : Double.POSITIVE_INFINITY)
                : overflow.get("predicted_tpot").positiveDurationSeconds();
        if (pools.size() == 1) {
            return RouteSpec.Routing.only(onPool(node, pools, off));
        }
        onPool(node, pools, off);
        return new RouteSpec.Routing(pools, depth, wait, inFlight, gap);
    }

    /** The route's first serving pool; an error when every pool it names is switched off. */
    private static int onPool(SpecNode route, List<Integer> pools, Set<String> off) {
        if (pools.isEmpty()) {
            throw route.error("every pool of this route is switched off (enabled: false): " + String.join(", ", off)
                    + "; switch one on or route it to another pool");
        }
        return pools.get(0);
    }

    private static int poolNamed(SpecNode ref, Map<String, Integer> poolIndex) {
        Integer index = poolIndex.get(ref.text());
        if (index == null) {
            throw ref.error("no pool named '" + ref.text() + "'; defined pools: "
                    + String.join(", ", poolIndex.keySet()));
        }
        return index;
    }
}
