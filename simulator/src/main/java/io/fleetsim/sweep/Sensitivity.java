package io.fleetsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetsim.input.DurationText;
import io.fleetsim.spec.PoolKind;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.ScenarioSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * How a chosen fleet's cost and SLO attainment move when the world changes: traffic 30% lower and
 * higher (the arrival rate scaled), spot interruptions twice as frequent (mean time between
 * interruptions halved), API token prices, reserved and on-demand GPU prices 20% lower and
 * higher, and every route's latency targets 20% tighter and looser. Each runs the fleet's
 * replications on the same seeds, so the change is the perturbation's, not the draws'.
 */
public final class Sensitivity {

    private Sensitivity() {
    }

    /** The perturbations of the scenario with {@code settings} applied. */
    public static List<Perturbation> perturbations(ScenarioVariant variant, List<Setting> settings) {
        ObjectNode tree = variant.tree(settings);
        List<Perturbation> out = new ArrayList<>();
        out.add(traffic(tree, 0.7, "traffic -30%"));
        out.add(traffic(tree, 1.3, "traffic +30%"));
        out.add(spotInterruptions(tree));
        out.add(apiPrices(tree, 0.8, "API price -20%"));
        out.add(apiPrices(tree, 1.2, "API price +20%"));
        ScenarioSpec scenario = variant.bind(settings);
        for (PoolKind kind : List.of(PoolKind.RESERVED, PoolKind.ON_DEMAND)) {
            out.add(gpuPrices(tree, scenario, kind, 0.8, kind.id() + " GPU -20%"));
            out.add(gpuPrices(tree, scenario, kind, 1.2, kind.id() + " GPU +20%"));
        }
        out.add(sloTargets(tree, 0.8, "SLO targets -20%"));
        out.add(sloTargets(tree, 1.2, "SLO targets +20%"));
        return out;
    }

    /** The fleet {@code chosen} of {@code spec} under each perturbation, with as many replications as it has. */
    public static List<SensitivityRow> run(SweepSpec spec, PointSummary chosen, UnitExecutor executor,
                                           BatchProgress progress) throws InterruptedException {
        List<Perturbation> perturbations = perturbations(ScenarioVariant.of(spec.scenario()),
                chosen.configuration().settings());
        List<WorkUnit> units = new ArrayList<>();
        List<Configuration> configurations = new ArrayList<>();
        for (Perturbation p : perturbations) {
            Configuration c = chosen.configuration().plus(p.settings());
            configurations.add(c);
            if (p.applies()) {
                units.addAll(spec.units(c, 0, chosen.n()));
            }
        }
        List<PointResult> results = executor.run(units, progress);
        List<SensitivityRow> rows = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < perturbations.size(); i++) {
            Perturbation p = perturbations.get(i);
            PointSummary summary = null;
            if (p.applies()) {
                summary = spec.summarize(configurations.get(i), results.subList(next, next + chosen.n()));
                next += chosen.n();
            }
            rows.add(new SensitivityRow(p, summary));
        }
        return rows;
    }

    private static Perturbation traffic(ObjectNode tree, double factor, String name) {
        JsonNode arrivals = tree.path("workload").path("arrivals");
        String process = arrivals.path("process").asText("");
        if (process.equals("trace")) {
            double scale = arrivals.path("rate_scale").isNumber() ? arrivals.path("rate_scale").doubleValue() : 1;
            return new Perturbation(name, List.of(new Setting("workload.arrivals.rate_scale", number(scale * factor))),
                    null);
        }
        if (!arrivals.path("rate_per_s").isNumber()) {
            return new Perturbation(name, List.of(), "no workload.arrivals.rate_per_s to scale");
        }
        double rate = arrivals.path("rate_per_s").doubleValue();
        return new Perturbation(name, List.of(new Setting("workload.arrivals.rate_per_s", number(rate * factor))), null);
    }

    private static Perturbation spotInterruptions(ObjectNode tree) {
        String name = "spot preemption x2";
        List<Setting> settings = new ArrayList<>();
        JsonNode pools = tree.path("pools");
        for (int i = 0; i < pools.size(); i++) {
            JsonNode mtbi = pools.get(i).path("spot").path("mean_time_between_interruptions");
            if (pools.get(i).path("kind").asText("").equals("spot") && mtbi.isTextual()) {
                double seconds;
                try {
                    seconds = DurationText.parseSeconds(mtbi.textValue());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                settings.add(new Setting("pools[" + i + "].spot.mean_time_between_interruptions",
                        number(seconds / 2) + "s"));
            }
        }
        return settings.isEmpty()
                ? new Perturbation(name, settings, "no spot pool with mean_time_between_interruptions")
                : new Perturbation(name, settings, null);
    }

    private static Perturbation apiPrices(ObjectNode tree, double factor, String name) {
        List<Setting> settings = new ArrayList<>();
        JsonNode pools = tree.path("pools");
        for (int i = 0; i < pools.size(); i++) {
            JsonNode api = pools.get(i).path("api");
            if (!pools.get(i).path("kind").asText("").equals("api")) {
                continue;
            }
            for (String field : List.of("usd_per_mtok_input", "usd_per_mtok_cached_input", "usd_per_mtok_output")) {
                if (api.path(field).isNumber()) {
                    settings.add(new Setting("pools[" + i + "].api." + field,
                            number(api.path(field).doubleValue() * factor)));
                }
            }
        }
        return settings.isEmpty() ? new Perturbation(name, settings, "no api pool")
                : new Perturbation(name, settings, null);
    }

    /**
     * Every {@code kind} pool's price per GPU-hour scaled, the catalog default included where the
     * file names none (read from the bound scenario, by pool name).
     */
    private static Perturbation gpuPrices(ObjectNode tree, ScenarioSpec scenario, PoolKind kind, double factor,
                                          String name) {
        List<Setting> settings = new ArrayList<>();
        JsonNode pools = tree.path("pools");
        for (int i = 0; i < pools.size(); i++) {
            String poolName = pools.get(i).path("name").asText("");
            for (PoolSpec pool : scenario.pools()) {
                if (pool.name().equals(poolName) && pool.kind() == kind && pool.usdPerGpuHour() > 0) {
                    settings.add(new Setting("pools[" + i + "].usd_per_gpu_hour", number(pool.usdPerGpuHour() * factor)));
                }
            }
        }
        return settings.isEmpty() ? new Perturbation(name, settings, "no " + kind.id() + " pool with a GPU price")
                : new Perturbation(name, settings, null);
    }

    /** Every route's TTFT and TPOT targets scaled: tighter below 1, looser above. */
    private static Perturbation sloTargets(ObjectNode tree, double factor, String name) {
        List<Setting> settings = new ArrayList<>();
        JsonNode routes = tree.path("workload").path("routes");
        for (int i = 0; i < routes.size(); i++) {
            for (String field : List.of("ttft", "tpot")) {
                JsonNode target = routes.get(i).path("slo").path(field);
                if (target.isTextual()) {
                    try {
                        settings.add(new Setting("workload.routes[" + i + "].slo." + field,
                                number(DurationText.parseSeconds(target.textValue()) * factor) + "s"));
                    } catch (IllegalArgumentException e) {
                        // not a duration: validation reports it where the scenario is read
                    }
                }
            }
        }
        return settings.isEmpty() ? new Perturbation(name, settings, "no route SLO written as a duration")
                : new Perturbation(name, settings, null);
    }

    /** {@code v} in plain decimal, 12 significant digits, so 4.5 x 1.3 is written 5.85. */
    private static String number(double v) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(12)).stripTrailingZeros();
        String text = d.toPlainString();
        // a whole number stays a decimal, so a rate of 5 x 1.0 is not read as a count
        return text.contains(".") ? text : text + ".0";
    }
}
