package io.fleetsim.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates the {@code workload} section of a scenario: arrivals, routes, lengths and SLOs. */
final class WorkloadReader {

    private WorkloadReader() {
    }

    static WorkloadSpec read(SpecNode node, Map<String, Integer> poolIndex) {
        node.allowOnly("arrivals", "routes");
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
            RouteSpec route = route(routeNodes.get(i), shares.get(i) / shareSum, poolIndex, arrivals);
            if (!names.add(route.name())) {
                throw routeNodes.get(i).get("name").error("duplicate route name '" + route.name() + "'");
            }
            routes.add(route);
        }
        return new WorkloadSpec(arrivals, routes);
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

    private static RouteSpec route(SpecNode node, double share, Map<String, Integer> poolIndex,
                                   ArrivalSpec arrivals) {
        node.allowOnly("name", "share", "prompt_tokens", "output_tokens", "lengths", "slo", "pool");
        String name = node.required("name").text();
        RequestShapeSpec lengths = requestShape(node, arrivals);
        SpecNode sloNode = node.required("slo").allowOnly("ttft", "tpot");
        SloSpec slo = new SloSpec(sloNode.required("ttft").positiveDurationSeconds(),
                sloNode.required("tpot").positiveDurationSeconds());
        int pool;
        SpecNode poolRef = node.get("pool");
        if (poolRef.isMissing()) {
            if (poolIndex.size() > 1) {
                throw node.error("missing required field 'pool' (there is more than one pool: "
                        + String.join(", ", poolIndex.keySet()) + ")");
            }
            pool = 0;
        } else {
            Integer index = poolIndex.get(poolRef.text());
            if (index == null) {
                throw poolRef.error("no pool named '" + poolRef.text() + "'; defined pools: "
                        + String.join(", ", poolIndex.keySet()));
            }
            pool = index;
        }
        return new RouteSpec(name, share, lengths, slo, pool);
    }
}
