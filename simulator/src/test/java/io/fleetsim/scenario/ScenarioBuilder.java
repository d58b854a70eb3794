package io.fleetsim.scenario;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario for tests, written as the YAML a user would write and read by the real loader, so a
 * test names only what it is about instead of repeating a whole file. Values are YAML text
 * ({@code "{dist: fixed, value: 1s}"}, {@code "90m"}); numbers are written as given.
 *
 * <pre>
 *   ScenarioBuilder.scenario("idle").seed(1).horizon("90m").poisson(1e-9)
 *       .route(Route.named("rare").fixedTokens(100, 100).slo("1s", "100ms"))
 *       .pool(Pool.reserved("reserved").replicas(3).gpu("H100-SXM-80GB").model("llama-3.1-8b").price(2.5))
 *       .spec();
 * </pre>
 */
public final class ScenarioBuilder {

    private final Fields top = new Fields();
    private String arrivals = "{process: poisson, rate_per_s: 1}";
    private final List<Route> routes = new ArrayList<>();
    private final List<Pool> pools = new ArrayList<>();

    private ScenarioBuilder(String name) {
        top.put("name", name);
    }

    /** A scenario called {@code name} (with the loader's default seed unless one is set). */
    public static ScenarioBuilder scenario(String name) {
        return new ScenarioBuilder(name);
    }

    public ScenarioBuilder seed(long seed) {
        top.put("seed", Long.toString(seed));
        return this;
    }

    /** The horizon, a duration with its unit ({@code "90m"}). */
    public ScenarioBuilder horizon(String duration) {
        top.put("horizon", duration);
        return this;
    }

    /** Any other top-level field ({@code economics}, say), as YAML text. */
    public ScenarioBuilder set(String field, String yaml) {
        top.put(field, yaml);
        return this;
    }

    /** Poisson arrivals at {@code ratePerSecond}. */
    public ScenarioBuilder poisson(double ratePerSecond) {
        return arrivals("{process: poisson, rate_per_s: " + number(ratePerSecond) + "}");
    }

    /** The workload's arrivals, as YAML text. */
    public ScenarioBuilder arrivals(String yaml) {
        arrivals = yaml;
        return this;
    }

    public ScenarioBuilder route(Route route) {
        routes.add(route);
        return this;
    }

    public ScenarioBuilder pool(Pool pool) {
        pools.add(pool);
        return this;
    }

    /** The scenario file's text. */
    public String yaml() {
        StringBuilder out = new StringBuilder();
        top.write(out, "");
        out.append("workload:\n  arrivals: ").append(arrivals).append("\n  routes:\n");
        for (Route r : routes) {
            r.fields.writeItem(out, "    ");
        }
        out.append("pools:\n");
        for (Pool p : pools) {
            p.fields.writeItem(out, "  ");
        }
        return out.toString();
    }

    /** The scenario as the loader binds it from {@link #yaml()}. */
    public ScenarioSpec spec() {
        return new ScenarioLoader().bind(SpecDocument.parse(yaml(), top.get("name") + ".yaml", false));
    }

    /** One route of the workload. */
    public static final class Route {
        private final Fields fields = new Fields();

        private Route(String name) {
            fields.put("name", name);
        }

        public static Route named(String name) {
            return new Route(name);
        }

        /** Fixed prompt and output lengths, in tokens. */
        public Route fixedTokens(int prompt, int output) {
            fields.put("prompt_tokens", "{dist: fixed, tokens: " + prompt + "}");
            fields.put("output_tokens", "{dist: fixed, tokens: " + output + "}");
            return this;
        }

        /** The SLO's TTFT and TPOT targets, durations with their units. */
        public Route slo(String ttft, String tpot) {
            fields.put("slo", "{ttft: " + ttft + ", tpot: " + tpot + "}");
            return this;
        }

        /** The pool the route sends its requests to. */
        public Route pool(String pool) {
            fields.put("pool", pool);
            return this;
        }

        /** Any other field of the route, as YAML text. */
        public Route set(String field, String yaml) {
            fields.put(field, yaml);
            return this;
        }
    }

    /** One pool of the fleet. */
    public static final class Pool {
        private final Fields fields = new Fields();

        private Pool(String name, String kind) {
            fields.put("name", name);
            fields.put("kind", kind);
        }

        public static Pool reserved(String name) {
            return new Pool(name, "reserved");
        }

        public static Pool spot(String name) {
            return new Pool(name, "spot");
        }

        public static Pool onDemand(String name) {
            return new Pool(name, "on-demand");
        }

        public Pool replicas(int replicas) {
            fields.put("replicas", Integer.toString(replicas));
            return this;
        }

        public Pool gpu(String gpu) {
            fields.put("gpu", gpu);
            return this;
        }

        public Pool model(String model) {
            fields.put("model", model);
            return this;
        }

        /** The price per GPU-hour, in dollars. */
        public Pool price(double usdPerGpuHour) {
            fields.put("usd_per_gpu_hour", number(usdPerGpuHour));
            return this;
        }

        /** A textbook queueing server's service time, as YAML text ({@code "{dist: fixed, value: 1s}"}). */
        public Pool serviceTime(String yaml) {
            fields.put("service_time", yaml);
            return this;
        }

        /** Any other field of the pool, as YAML text. */
        public Pool set(String field, String yaml) {
            fields.put(field, yaml);
            return this;
        }
    }

    /** Whole numbers without a fraction, others as Java writes them (which YAML reads back exactly). */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** Fields of one mapping, in the order they were set; setting a field again replaces its value. */
    private static final class Fields {
        private final Map<String, String> values = new LinkedHashMap<>();

        void put(String field, String yaml) {
            values.put(field, yaml);
        }

        String get(String field) {
            return values.get(field);
        }

        void write(StringBuilder out, String indent) {
            values.forEach((k, v) -> out.append(indent).append(k).append(": ").append(v).append('\n'));
        }

        /** As an item of a sequence: the first field after the dash. */
        void writeItem(StringBuilder out, String indent) {
            String first = indent + "- ";
            String rest = indent + "  ";
            boolean isFirst = true;
            for (Map.Entry<String, String> e : values.entrySet()) {
                out.append(isFirst ? first : rest).append(e.getKey()).append(": ").append(e.getValue()).append('\n');
                isFirst = false;
            }
        }
    }
}
