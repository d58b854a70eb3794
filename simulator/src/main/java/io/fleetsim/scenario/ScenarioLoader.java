package io.fleetsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetsim.cost.PriceBook;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.input.DurationText;
import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.EconomicsSpec;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.ScalingSpec;
import io.fleetsim.spec.ScenarioSpec;
import io.fleetsim.spec.SpotSpec;
import io.fleetsim.spec.WorkloadSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place where a scenario file becomes a {@link ScenarioSpec}: every field is type- and
 * range-checked, every reference (pool, GPU, model) resolved, and every model checked to fit its
 * GPUs. Anything wrong is a {@link ScenarioException} naming file, line, field path and what is
 * allowed. The format is documented in {@code scenarios/README.md}.
 */
public final class ScenarioLoader {

    private final HardwareCatalog builtInCatalog;
    private final PriceBook prices = CatalogReader.builtInPrices();

    /** A loader resolving names against the catalog shipped with fleetsim. */
    public ScenarioLoader() {
        this(CatalogReader.builtIn());
    }

    /** A loader resolving names against {@code catalog}. */
    public ScenarioLoader(HardwareCatalog catalog) {
        this.builtInCatalog = catalog;
    }

    /** Loads and validates a scenario file; {@code displayName} is how errors name it. */
    public ScenarioSpec load(Path file, String displayName) {
        return bind(SpecDocument.read(file, displayName));
    }

    /** Loads and validates a scenario file, naming it in errors as given. */
    public ScenarioSpec load(Path file) {
        return load(file, file.toString());
    }

    /** Validates an already parsed document. */
    public ScenarioSpec bind(SpecNode root) {
        root.allowOnly("name", "description", "seed", "horizon", "catalog", "workload", "pools", "economics");
        String name = root.required("name").text();
        if (!root.get("description").isMissing()) {
            root.get("description").text();
        }
        long seed = root.get("seed").isMissing() ? 1 : root.get("seed").integerIn(0, Long.MAX_VALUE);
        double horizon = root.required("horizon").positiveDurationSeconds();
        HardwareCatalog catalog = catalog(root.get("catalog"));

        List<SpecNode> poolNodes = root.required("pools").elements();
        if (poolNodes.isEmpty()) {
            throw root.get("pools").error("needs at least one pool");
        }
        List<PoolSpec> pools = new ArrayList<>();
        List<SpecNode> enabledNodes = new ArrayList<>();
        Map<String, Integer> poolIndex = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> off = new LinkedHashSet<>();
        List<String> routes = routeNames(root.get("workload"));
        for (SpecNode p : poolNodes) {
            PoolSpec pool = PoolReader.read(p, catalog, prices, routes);
            if (!names.add(pool.name())) {
                throw p.get("name").error("duplicate pool name '" + pool.name() + "'");
            }
            // A switched-off pool is validated like any other, then left out of the fleet and of
            // every route's pools, so a sweep can try strategies with and without it.
            if (!p.get("enabled").flag(true)) {
                off.add(pool.name());
                continue;
            }
            poolIndex.put(pool.name(), pools.size());
            pools.add(pool);
            enabledNodes.add(p);
        }
        if (pools.isEmpty()) {
            throw root.get("pools").error("every pool is switched off (enabled: false); at least one must serve");
        }
        checkWatchedPools(enabledNodes, pools, names);
        checkSpotTraces(enabledNodes, pools, horizon);
        WorkloadSpec workload = WorkloadReader.read(root.required("workload"), poolIndex, off);
        return new ScenarioSpec(name, seed, horizon, workload, pools, economics(root.get("economics")));
    }

    /**
     * The routes' names in file order (a route's index), read ahead of the pools that name them
     * (a pool's {@code speculative.acceptance_by_route}); read leniently, as the workload is
     * validated after the pools: an entry without a textual name is null.
     */
    private static List<String> routeNames(SpecNode workload) {
        List<String> names = new ArrayList<>();
        JsonNode routes = workload.isObject() ? workload.copyTree().path("routes") : null;
        if (routes != null && routes.isArray()) {
            routes.forEach(r -> names.add(r.path("name").isTextual() ? r.path("name").textValue() : null));
        }
        return names;
    }

    /** A replayed spot trace must last the run: past its end nothing would interrupt the pool. */
    private static void checkSpotTraces(List<SpecNode> nodes, List<PoolSpec> pools, double horizon) {
        for (int p = 0; p < pools.size(); p++) {
            SpotSpec spot = pools.get(p).capacity().spot();
            if (spot != null && spot.replayedUntilSeconds() < horizon) {
                throw nodes.get(p).get("spot").get("trace").error("the trace runs out "
                        + DurationText.format(spot.replayedUntilSeconds()) + " into the run, before the horizon ("
                        + DurationText.format(horizon) + "): start earlier in the trace or shorten the horizon");
            }
        }
    }

    private static void checkWatchedPools(List<SpecNode> nodes, List<PoolSpec> pools, Set<String> names) {
        for (int p = 0; p < pools.size(); p++) {
            ScalingSpec scaling = pools.get(p).capacity().scaling();
            if (scaling == null) {
                continue;
            }
            List<SpecNode> refs = nodes.get(p).get("autoscaling").get("watch").elements();
            for (int w = 0; w < refs.size(); w++) {
                if (!names.contains(scaling.watch().get(w))) {
                    throw refs.get(w).error("no pool named '" + scaling.watch().get(w) + "'; defined pools: "
                            + String.join(", ", names));
                }
            }
        }
    }

    private static EconomicsSpec economics(SpecNode node) {
        if (node.isMissing()) {
            return EconomicsSpec.NONE;
        }
        node.allowOnly("overhead_multiplier", "fixed_monthly_usd", "api_reference_usd_per_mtok");
        return new EconomicsSpec(
                node.get("overhead_multiplier").isMissing() ? 1 : node.get("overhead_multiplier").numberIn(1, 100),
                node.get("fixed_monthly_usd").isMissing() ? 0 : node.get("fixed_monthly_usd").numberIn(0, 1e12),
                node.get("api_reference_usd_per_mtok").isMissing() ? 0
                        : node.get("api_reference_usd_per_mtok").numberIn(0, 1e4));
    }

    private HardwareCatalog catalog(SpecNode node) {
        if (node.isMissing()) {
            return builtInCatalog;
        }
        node.allowOnly("gpus", "models");
        return builtInCatalog.with(CatalogReader.readGpus(node.get("gpus")), CatalogReader.readModels(node.get("models")));
    }
}
