package io.fleetsim.calibration;

import io.fleetsim.hardware.Precision;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.EngineSpec;
import io.fleetsim.spec.PerformanceSpec;
import io.fleetsim.spec.ServerSpec;
import io.fleetsim.spec.StepTimeMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The calibrated profiles a scenario can use, as shipped in {@code profiles/calibrated.yaml}.
 *
 * <p>A bf16 pool whose GPU has a profile fitted at the pool's tensor-parallel degree uses it unless
 * the pool names another ({@code performance: {profile: NAME}}); other pools use
 * {@link PerformanceSpec#DEFAULT}. Profiles fitted across several degrees are used only when named:
 * efficiencies measured end to end fall as tensor parallelism grows, so one set fitted over
 * several degrees fits each of them worse than its own.
 */
public final class PerformanceProfiles {

    /** Where the shipped profiles are, inside the jar. */
    public static final String RESOURCE = "profiles/calibrated.yaml";
    /** Where the shipped end-to-end profiles are, inside the jar ({@code fleetsim calibrate} on measured benchmarks). */
    public static final String END_TO_END_RESOURCE = "profiles/end-to-end.yaml";

    private static final class BuiltIn {
        static final PerformanceProfiles PROFILES = load();
    }

    private final List<PerformanceProfile> profiles;
    private final List<EndToEndProfile> endToEnd;

    /** Profiles as given; {@link ProfileReader} has checked that names and defaults are unique. */
    PerformanceProfiles(List<PerformanceProfile> profiles) {
        this(profiles, List.of());
    }

    /** Step-time and end-to-end profiles as given; names must be unique across both. */
    PerformanceProfiles(List<PerformanceProfile> profiles, List<EndToEndProfile> endToEnd) {
        this.profiles = List.copyOf(profiles);
        this.endToEnd = List.copyOf(endToEnd);
    }

    /** The end-to-end profiles, in file order. */
    public List<EndToEndProfile> endToEnd() {
        return endToEnd;
    }

    /** The end-to-end profile called {@code name}. */
    public Optional<EndToEndProfile> namedEndToEnd(String name) {
        return endToEnd.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The profiles shipped with fleetsim. */
    public static PerformanceProfiles builtIn() {
        return BuiltIn.PROFILES;
    }

    /** All profiles in file order. */
    public List<PerformanceProfile> all() {
        return profiles;
    }

    /** The profile called {@code name}. */
    public Optional<PerformanceProfile> named(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The factors of a pool on {@code gpuName} at {@code tensorParallel} and {@code precision} that
     * names no profile. Only bf16 pools get a profile: every shipped point was measured with 16-bit
     * weights, and an fp8 pool's efficiencies are shares of another peak.
     */
    public PerformanceSpec defaultFor(String gpuName, int tensorParallel, Precision precision) {
        if (precision != Precision.BF16) {
            return PerformanceSpec.DEFAULT;
        }
        return profiles.stream().filter(p -> p.isDefaultFor(gpuName, tensorParallel)).findFirst()
                .map(PerformanceProfile::performance).orElse(PerformanceSpec.DEFAULT);
    }

    /**
     * The shipped end-to-end profile of the kernel model fitted on {@code gpuName} under
     * {@code engine} at {@code precision}'s family (fp8 per-tensor and block scaling alike, nvfp4
     * and mxfp4 alike, as the measured points are grouped): what a kernel-model pool that states
     * no engine overheads uses. A profile pinned to the engine's version comes before the one fitted
     * on every version: engine releases change the scheduler and kernels the overheads stand for.
     */
    public Optional<EndToEndProfile> fittedKernels(String gpuName, EngineSpec engine, Precision precision) {
        return forPool(endToEnd.stream().filter(p -> p.performance().method() == StepTimeMethod.KERNELS).toList(),
                gpuName, engine, precision);
    }

    /**
     * The profile among {@code profiles} of {@code gpuName}, {@code engine} and {@code precision}'s
     * family: the one pinned to the engine's version where there is one, else the first that
     * stands for every version.
     */
    public static Optional<EndToEndProfile> forPool(List<EndToEndProfile> profiles, String gpuName, EngineSpec engine,
                                                    Precision precision) {
        String family = precision.family().id();
        List<EndToEndProfile> candidates = profiles.stream().filter(p -> p.gpu().equals(gpuName)
                && p.appliesTo(engine.name(), engine.version()) && p.precision().equals(family)).toList();
        return candidates.stream().filter(p -> !p.pinnedVersion().isEmpty()).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /**
     * The versions of {@code engine} that shipped end-to-end profiles of {@code gpuName} at
     * {@code precision}'s family are pinned to, oldest first as text sorts.
     */
    public List<String> pinnedVersions(String gpuName, String engine, Precision precision) {
        return endToEnd.stream().filter(p -> p.gpu().equals(gpuName) && p.engine().equals(engine)
                        && p.precision().equals(precision.family().id()) && !p.pinnedVersion().isEmpty())
                .map(EndToEndProfile::pinnedVersion).distinct().sorted().toList();
    }

    /**
     * What a kernel-model pool on {@code gpuName} at {@code tensorParallel} and {@code precision}
     * under {@code engine} gets when it states nothing: the roofline factors of {@link #defaultFor}
     * (for the fallback where no kernel tables exist) and the engine overheads and request latency
     * of {@link #fittedKernels}, or the defaults where no fitted profile ships.
     */
    public PerformanceSpec poolDefault(String gpuName, int tensorParallel, Precision precision, EngineSpec engine) {
        PerformanceSpec r = defaultFor(gpuName, tensorParallel, precision);
        PerformanceSpec f = fittedKernels(gpuName, engine, precision).map(EndToEndProfile::performance)
                .orElse(PerformanceSpec.KERNEL_DEFAULT);
        return new PerformanceSpec(r.computeEfficiency(), r.memoryEfficiency(), r.iterationOverheadSeconds(),
                f.engineIterationSeconds(), f.engineSequenceSeconds(), f.engineTokenSeconds(),
                f.requestLatencySeconds(), f.requestLatencyPerInFlightSeconds(), StepTimeMethod.KERNELS);
    }

    /**
     * The shipped end-to-end profile whose engine overheads and request latency {@code server}
     * runs with (by default or by name), if any: where its step times were checked against
     * measured deployments, and how well.
     */
    public Optional<EndToEndProfile> endToEndUsedBy(ServerSpec.Llm server) {
        PerformanceSpec s = server.performance();
        String engine = server.engine() != null ? server.engine().name() : EngineSpec.DEFAULT_NAME;
        String version = server.engine() != null ? server.engine().version() : "";
        return endToEnd.stream().filter(p -> p.gpu().equals(server.memory().gpu().name())
                && p.appliesTo(engine, version) && sameFit(p.performance(), s)).findFirst();
    }

    private static boolean sameFit(PerformanceSpec fitted, PerformanceSpec used) {
        if (fitted.method() != used.method() || fitted.requestLatencySeconds() != used.requestLatencySeconds()
                || fitted.requestLatencyPerInFlightSeconds() != used.requestLatencyPerInFlightSeconds()) {
            return false;
        }
        return fitted.method() == StepTimeMethod.KERNELS
                ? fitted.engineIterationSeconds() == used.engineIterationSeconds()
                && fitted.engineSequenceSeconds() == used.engineSequenceSeconds()
                && fitted.engineTokenSeconds() == used.engineTokenSeconds()
                : fitted.rooflineFactors().equals(used.rooflineFactors());
    }

    /**
     * The factors of the profile named by {@code nameField} for a pool on {@code gpuName}; an error
     * at that field when there is no such profile or it was measured on another GPU.
     */
    public PerformanceSpec resolve(SpecNode nameField, String gpuName) {
        String name = nameField.text();
        Optional<EndToEndProfile> e2e = namedEndToEnd(name);
        if (e2e.isPresent()) {
            if (!e2e.get().gpu().equals(gpuName)) {
                throw nameField.error("profile '" + name + "' was measured on " + e2e.get().gpu() + ", not " + gpuName
                        + "; its efficiencies are shares of that GPU's peaks");
            }
            return e2e.get().performance();
        }
        PerformanceProfile profile = named(name).orElseThrow(() -> nameField.error("unknown profile '" + name
                + "'; known: " + String.join(", ", profiles.stream().map(PerformanceProfile::name).toList())
                + (endToEnd.isEmpty() ? "" : ", " + String.join(", ",
                endToEnd.stream().map(EndToEndProfile::name).toList()))));
        if (!profile.gpu().equals(gpuName)) {
            throw nameField.error("profile '" + name + "' was measured on " + profile.gpu() + ", not " + gpuName
                    + "; its efficiencies are shares of that GPU's peaks");
        }
        return profile.performance();
    }

    private static PerformanceProfiles load() {
        List<PerformanceProfile> steps = ProfileReader.read(SpecDocument.parse(resource(RESOURCE), RESOURCE, false));
        List<EndToEndProfile> endToEnd = EndToEndProfileReader.read(SpecDocument.parse(resource(END_TO_END_RESOURCE),
                END_TO_END_RESOURCE, false));
        for (EndToEndProfile p : endToEnd) {
            if (steps.stream().anyMatch(s -> s.name().equals(p.name()))) {
                throw new IllegalStateException(END_TO_END_RESOURCE + ": profile name " + p.name()
                        + " is also in " + RESOURCE);
            }
        }
        return new PerformanceProfiles(steps, endToEnd);
    }

    private static String resource(String name) {
        try (InputStream in = PerformanceProfiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
