package io.fleetsim.validation;

import io.fleetsim.calibration.EndToEndProfile;
import io.fleetsim.calibration.PerformanceProfile;
import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.Precision;
import java.util.List;

/**
 * Where a simulated deployment's parameters come from: what a scenario pool would get by default,
 * one named step-time profile for every row, or the end-to-end profile of each row's GPU, engine
 * and precision.
 */
public sealed interface ParameterSource permits ParameterSource.PoolDefaults, ParameterSource.Named,
        ParameterSource.EndToEnd {

    /**
     * The parameters of a replica of {@code tp} GPUs of {@code gpu} at {@code precision} under
     * {@code engine}, or null when this source has none; then {@link #whyNone} says why.
     */
    EngineParameters parameters(Gpu gpu, String engine, int tp, Precision precision);

    /** Why {@link #parameters} gave none. */
    String whyNone(Gpu gpu, String engine, int tp, Precision precision);

    /** Label of parameters fleetsim's defaults give a pool with no calibrated profile. */
    String UNCALIBRATED = "uncalibrated defaults";

    /** Where {@link #parameters} come from: a profile's name, or {@link #UNCALIBRATED}. */
    String label(Gpu gpu, String engine, int tp, Precision precision);

    /**
     * What a scenario pool of that GPU, degree and precision gets by default: the kernel model
     * (the roofline, flagged uncalibrated, where its engine has no kernel tables for the GPU),
     * with the roofline factors of its default profile; no request latency.
     */
    record PoolDefaults(PerformanceProfiles profiles) implements ParameterSource {
        @Override
        public EngineParameters parameters(Gpu gpu, String engine, int tp, Precision precision) {
            return new EngineParameters(profiles.defaultFor(gpu.name(), tp, precision)
                    .withMethod(io.fleetsim.scenario.StepTimeMethod.KERNELS), 0);
        }

        @Override
        public String whyNone(Gpu gpu, String engine, int tp, Precision precision) {
            throw new IllegalStateException("pool defaults always apply");
        }

        @Override
        public String label(Gpu gpu, String engine, int tp, Precision precision) {
            return io.fleetsim.kernels.KernelIndex.builtIn().closest(engine, "", gpu.name()).isPresent()
                    ? "kernel tables, default engine overheads" : UNCALIBRATED;
        }
    }

    /** One step-time profile for every row of its GPU. */
    record Named(PerformanceProfile profile) implements ParameterSource {
        @Override
        public EngineParameters parameters(Gpu gpu, String engine, int tp, Precision precision) {
            return profile.gpu().equals(gpu.name()) ? new EngineParameters(profile.performance(), 0) : null;
        }

        @Override
        public String whyNone(Gpu gpu, String engine, int tp, Precision precision) {
            return "profile " + profile.name() + " was fitted on " + profile.gpu() + ", not " + gpu.name();
        }

        @Override
        public String label(Gpu gpu, String engine, int tp, Precision precision) {
            return profile.name();
        }
    }

    /**
     * The end-to-end profile of each row's GPU, engine and precision, from a profiles file.
     *
     * @param profiles the profiles
     * @param file     where they come from, for reasons
     */
    record EndToEnd(List<EndToEndProfile> profiles, String file) implements ParameterSource {
        public EndToEnd {
            profiles = List.copyOf(profiles);
        }

        @Override
        public EngineParameters parameters(Gpu gpu, String engine, int tp, Precision precision) {
            return profiles.stream().filter(p -> p.gpu().equals(gpu.name()) && p.engine().equals(engine)
                    && p.precision().equals(precision.id())).findFirst()
                    .map(p -> new EngineParameters(p.performance(), p.requestLatencySeconds())).orElse(null);
        }

        @Override
        public String whyNone(Gpu gpu, String engine, int tp, Precision precision) {
            return "no profile in " + file + " for " + gpu.name() + ", " + engine + ", " + precision.id();
        }

        @Override
        public String label(Gpu gpu, String engine, int tp, Precision precision) {
            return profiles.stream().filter(p -> p.gpu().equals(gpu.name()) && p.engine().equals(engine)
                    && p.precision().equals(precision.id())).findFirst().map(EndToEndProfile::name)
                    .orElse(UNCALIBRATED);
        }
    }
}
