package io.fleetsim.spec;

import io.fleetsim.kernels.KernelIndex;
import java.util.List;
import java.util.Optional;

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

    /** The engine a pool on {@code gpu} runs when it names none: vLLM, newest version with kernel tables. */
    public static EngineSpec defaultFor(String gpu) {
        KernelIndex index = KernelIndex.builtIn();
        Optional<KernelIndex.Entry> e = index.newest(DEFAULT_NAME, gpu);
        if (e.isPresent()) {
            return new EngineSpec(e.get().engine(), e.get().version());
        }
        List<String> versions = index.versions(DEFAULT_NAME);
        return new EngineSpec(DEFAULT_NAME, versions.isEmpty() ? "unknown" : versions.get(versions.size() - 1));
    }

    /** The engine as written in reports, e.g. {@code vllm 0.24.0}. */
    public String label() {
        return name + " " + version;
    }
}
