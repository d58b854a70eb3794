package io.fleetsim.spec;

import java.util.List;

/**
 * The serving engine of a pool.
 *
 * @param name    {@code vllm}, {@code sglang} or {@code trtllm}
 * @param version version as the kernel data names it, e.g. {@code 0.24.0}
 */
public record EngineSpec(String name, String version) {

    /** Engine names a scenario may use. */
    public static final List<String> NAMES = List.of("vllm", "sglang", "trtllm");

    /** The default engine. */
    public static final String DEFAULT_NAME = "vllm";

    /** The engine as written in reports, e.g. {@code vllm 0.24.0}. */
    public String label() {
        return name + " " + version;
    }
}
