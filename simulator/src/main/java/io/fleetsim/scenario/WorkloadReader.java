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
        ArrivalSpec arrivals = arrivals(node.required("arrivals"));
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
            RouteSpec route = route(routeNodes.get(i), shares.get(i) / shareSum, poolIndex);
            if (!names.add(route.name())) {
                throw routeNodes.get(i).get("name").error("duplicate route name '" + route.name() + "'");
            }
            routes.add(route);
        }
        return new WorkloadSpec(arrivals, routes);
    }

    private static ArrivalSpec arrivals(SpecNode node) {
        node.allowOnly("process", "rate_per_s");
        node.required("process").choice("poisson");
        return new ArrivalSpec.Poisson(node.required("rate_per_s").positiveNumber());
    }

    private static RouteSpec route(SpecNode node, double share, Map<String, Integer> poolIndex) {
        node.allowOnly("name", "share", "prompt_tokens", "output_tokens", "slo", "pool");
        String name = node.required("name").text();
        LengthSpec prompt = length(node.required("prompt_tokens"));
        LengthSpec output = length(node.required("output_tokens"));
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
        return new RouteSpec(name, share, prompt, output, slo, pool);
    }

    private static LengthSpec length(SpecNode node) {
        String dist = node.required("dist").choice("fixed", "lognormal");
        if (dist.equals("fixed")) {
            node.allowOnly("dist", "tokens");
            return new LengthSpec.Fixed((int) node.required("tokens").integerIn(1, 100_000_000));
        }
        node.allowOnly("dist", "median", "p99", "mu", "sigma", "min", "max");
        int min = node.get("min").intIn(1, 100_000_000, 1);
        int max = node.get("max").intIn(1, 100_000_000, 100_000_000);
        if (max < min) {
            throw node.get("max").error("must be >= min (" + min + ")");
        }
        boolean byQuantiles = !node.get("median").isMissing() || !node.get("p99").isMissing();
        boolean byParameters = !node.get("mu").isMissing() || !node.get("sigma").isMissing();
        if (byQuantiles == byParameters) {
            throw node.error("give either median and p99, or mu and sigma");
        }
        if (byQuantiles) {
            double median = node.required("median").positiveNumber();
            double p99 = node.required("p99").positiveNumber();
            if (p99 < median) {
                throw node.get("p99").error("must be >= median (" + median + ")");
            }
            return LengthSpec.Lognormal.fromMedianAndP99(median, p99, min, max);
        }
        return new LengthSpec.Lognormal(node.required("mu").number(), node.required("sigma").numberIn(0, 10), min, max);
    }
}
