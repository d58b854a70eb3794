package io.fleetsim.scenario;

import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.QualitySpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Validates a route's {@code quality}: {@code acceptance} (a share, or shares by pool name),
 * {@code on_reject} ({@code keep}, {@code reask}, {@code escalate}), {@code max_asks} and
 * {@code escalate_to}.
 */
final class QualityReader {

    private QualityReader() {
    }

    static QualitySpec read(SpecNode node, Map<String, Integer> poolIndex, Set<String> off) {
        if (node.isMissing()) {
            return QualitySpec.ALL_ACCEPTED;
        }
        node.allowOnly("acceptance", "on_reject", "max_asks", "escalate_to");
        SpecNode a = node.required("acceptance");
        double acceptance = 1;
        Map<Integer, Double> byPool = new HashMap<>();
        if (a.isObject()) {
            for (String pool : a.fieldNames()) {
                SpecNode share = a.get(pool);
                if (!poolIndex.containsKey(pool) && !off.contains(pool)) {
                    throw share.error("unknown pool '" + pool + "'; pools: " + String.join(", ", poolIndex.keySet()));
                }
                double value = share.numberIn(0, 1);
                if (poolIndex.containsKey(pool)) {
                    byPool.put(poolIndex.get(pool), value);
                }
            }
        } else {
            acceptance = a.numberIn(0, 1);
        }
        QualitySpec.OnReject onReject = node.get("on_reject").isMissing() ? QualitySpec.OnReject.KEEP
                : QualitySpec.OnReject.valueOf(node.get("on_reject").choice("keep", "reask", "escalate")
                        .toUpperCase(java.util.Locale.ROOT));
        int maxAsks = 1;
        int escalateTo = -1;
        if (onReject == QualitySpec.OnReject.REASK) {
            maxAsks = node.get("max_asks").intIn(2, 100, 2);
        } else if (!node.get("max_asks").isMissing()) {
            throw node.get("max_asks").error("applies only with on_reject: reask");
        }
        SpecNode to = node.get("escalate_to");
        if (onReject == QualitySpec.OnReject.ESCALATE) {
            String pool = node.required("escalate_to").text();
            Integer index = poolIndex.get(pool);
            if (index == null) {
                throw to.error(off.contains(pool) ? "pool '" + pool + "' is switched off (enabled: false)"
                        : "unknown pool '" + pool + "'; pools: " + String.join(", ", poolIndex.keySet()));
            }
            escalateTo = index;
            maxAsks = 2;
        } else if (!to.isMissing()) {
            throw to.error("applies only with on_reject: escalate");
        }
        return new QualitySpec(acceptance, byPool, onReject, maxAsks, escalateTo);
    }
}
