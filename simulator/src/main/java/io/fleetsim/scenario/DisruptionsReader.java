package io.fleetsim.scenario;

import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.CapacitySpec;
import io.fleetsim.spec.DisruptionsSpec;
import io.fleetsim.spec.DurationSpec;
import io.fleetsim.spec.HeadroomSpec;
import io.fleetsim.spec.RollingDeploySpec;
import io.fleetsim.spec.ZoneOutageSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a GPU pool's {@code zone_outages}, {@code rolling_deploys} and {@code headroom}:
 * shares in (0, 1], durations with units (positive where a zero would mean nothing happens),
 * whole spare replicas from 0, headroom only on a pool of fixed size.
 */
final class DisruptionsReader {

    private DisruptionsReader() {
    }

    static DisruptionsSpec read(SpecNode pool, int replicas, CapacitySpec capacity) {
        SpecNode outagesNode = pool.get("zone_outages");
        SpecNode deploysNode = pool.get("rolling_deploys");
        SpecNode headroomNode = pool.get("headroom");
        if (outagesNode.isMissing() && deploysNode.isMissing() && headroomNode.isMissing()) {
            return DisruptionsSpec.NONE;
        }
        List<ZoneOutageSpec> outages = new ArrayList<>();
        List<SpecNode> outageNodes = outagesNode.elements();
        for (int i = 0; i < outageNodes.size(); i++) {
            outages.add(outage(outageNodes.get(i), i, capacity.coldStartSeconds()));
        }
        List<RollingDeploySpec> deploys = new ArrayList<>();
        List<SpecNode> deployNodes = deploysNode.elements();
        for (int i = 0; i < deployNodes.size(); i++) {
            deploys.add(deploy(deployNodes.get(i), i));
        }
        return new DisruptionsSpec(outages, deploys, headroom(headroomNode, replicas, capacity));
    }

    /**
     * {@code {name, at: 20m, duration: 15m, share: 0.34, restart: 5m}} or, random,
     * {@code {name, mean_time_between: 30d, duration: {dist: exponential, mean: 1h}, share, restart}}.
     */
    private static ZoneOutageSpec outage(SpecNode n, int index, double coldStart) {
        n.allowOnly("name", "at", "mean_time_between", "duration", "share", "restart");
        String name = n.get("name").text("zone-outage-" + (index + 1));
        double share = share(n.required("share"));
        double restart = n.get("restart").durationSeconds(coldStart);
        SpecNode at = n.get("at");
        SpecNode between = n.get("mean_time_between");
        if (at.isMissing() == between.isMissing()) {
            throw n.error("give either 'at' (a scheduled outage) or 'mean_time_between' (random outages), not "
                    + (at.isMissing() ? "neither" : "both"));
        }
        SpecNode duration = n.required("duration");
        if (!at.isMissing()) {
            return new ZoneOutageSpec(name, at.durationSeconds(), 0,
                    new DurationSpec.Fixed(duration.positiveDurationSeconds()), share, restart);
        }
        DurationSpec lengths = duration.isObject() ? DurationReader.read(duration)
                : new DurationSpec.Fixed(duration.positiveDurationSeconds());
        return new ZoneOutageSpec(name, Double.NaN, between.positiveDurationSeconds(), lengths, share, restart);
    }

    /** {@code {name, at: 30m, batch_share: 0.25, drain: 2m, replace: 5m}}. */
    private static RollingDeploySpec deploy(SpecNode n, int index) {
        n.allowOnly("name", "at", "batch_share", "drain", "replace");
        return new RollingDeploySpec(n.get("name").text("rolling-deploy-" + (index + 1)),
                n.required("at").durationSeconds(), share(n.required("batch_share")),
                n.required("drain").durationSeconds(), n.required("replace").durationSeconds());
    }

    /** {@code {spare_replicas: k}} or {@code {spare_share: s}} (k = ceil(s x N)). */
    private static HeadroomSpec headroom(SpecNode n, int replicas, CapacitySpec capacity) {
        if (n.isMissing()) {
            return null;
        }
        n.allowOnly("spare_replicas", "spare_share");
        if (capacity.scaling() != null) {
            throw n.error("headroom applies to a pool of fixed size; an autoscaled pool keeps spare capacity "
                    + "with its min_replicas and target utilisation");
        }
        SpecNode count = n.get("spare_replicas");
        SpecNode share = n.get("spare_share");
        if (count.isMissing() == share.isMissing()) {
            throw n.error("give either 'spare_replicas' (k) or 'spare_share' (a share of replicas), not "
                    + (count.isMissing() ? "neither" : "both"));
        }
        if (!count.isMissing()) {
            return new HeadroomSpec(replicas, (int) count.integerIn(0, 1_000_000), Double.NaN);
        }
        double s = share(share);
        return new HeadroomSpec(replicas, (int) Math.ceil(s * replicas - 1e-9), s);
    }

    private static double share(SpecNode n) {
        double v = n.number();
        if (!(v > 0 && v <= 1)) {
            throw n.error("must be a share in (0, 1]: above 0, at most 1 (got " + BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() + ")");
        }
        return v;
    }
}
