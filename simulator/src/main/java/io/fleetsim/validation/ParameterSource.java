package io.fleetsim.validation;

import io.fleetsim.calibration.EndToEndProfile;
import io.fleetsim.calibration.PerformanceProfile;
import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.hardware.Gpu;
import io.fleetsim.hardware.Precision;
import io.fleetsim.kernels.KernelIndex;
import io.fleetsim.spec.EngineSpec;
import io.fleetsim.spec.PerformanceSpec;
import java.util.List;
import java.util.Optional;

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
    EngineParameters parameters(Gpu gpu, EngineSpec engine, int tp, Precision precision);

    /** Why {@link #parameters} gave none. */
    String whyNone(Gpu gpu, EngineSpec engine, int tp, Precision precision);

    /** Label of parameters fleetsim's defaults give a pool with no calibrated profile. */
    String UNCALIBRATED = "uncalibrated defaults";

    /** Where {@link #parameters} come from: a profile's name, or {@link #UNCALIBRATED}. */
    String label(Gpu gpu, EngineSpec engine, int tp, Precision precision);

    /**
     * What a scenario pool of that GPU, degree, engine and precision gets by default: the kernel
     * model (the roofline, flagged uncalibrated, where no kernel tables exist for the GPU) with the
     * engine overheads and request latency of the shipped end-to-end profile of its GPU, engine (the
     * one pinned to the row's version first) and precision where one ships (then the rows it was
     * fitted on are scored in sample), else the defaults; the roofline factors of its default
     * profile; and that profile's multi-token-prediction acceptance, where it has one.
     */
    record PoolDefaults(PerformanceProfiles profiles) implements ParameterSource {
        @Override
        public EngineParameters parameters(Gpu gpu, EngineSpec engine, int tp, Precision precision) {
            PerformanceSpec s = profiles.poolDefault(gpu.name(), tp, precision, engine);
            double acceptance = profiles.fittedKernels(gpu.name(), engine, precision)
                    .map(EndToEndProfile::mtpAcceptance).orElse(Double.NaN);
            return new EngineParameters(s, s.requestLatencySeconds(), acceptance);
        }

        @Override
        public String whyNone(Gpu gpu, EngineSpec engine, int tp, Precision precision) {
            throw new IllegalStateException("pool defaults always apply");
        }

        @Override
        public String label(Gpu gpu, EngineSpec engine, int tp, Precision precision) {
            KernelIndex index = KernelIndex.builtIn();
            String overheads = profiles.fittedKernels(gpu.name(), engine, precision)
                    .map(p -> "engine overheads of " + p.name() + " (fitted end to end)")
                    .orElse("default engine overheads");
            Optional<KernelIndex.Entry> own = index.closest(engine.name(), "", gpu.name());
            if (own.isPresent()) {
                return own.get().standsIn() ? own.get().measuredOn() + " kernel tables standing in, " + overheads
                        : "kernel tables, " + overheads;
            }
            return index.newest(EngineSpec.DEFAULT_NAME, gpu.name())
                    .map(e -> (e.standsIn() ? e.measuredOn() + " " : "") + "vllm kernel tables standing in, " + overheads)
                    .orElse(UNCALIBRATED);
        }
    }

    /** One step-time profile for every row of its GPU. */
    record Named(PerformanceProfile profile) implements ParameterSource {
        @Override
        public EngineParameters parameters(Gpu gpu, EngineSpec engine, int tp, Precision precision) {
            return profile.gpu().equals(gpu.name()) ? new EngineParameters(profile.performance(), 0) : null;
        }

        @Override
        public String whyNone(Gpu gpu, EngineSpec engine, int tp, Precision precision) {
            return "profile " + profile.name() + " was fitted on " + profile.gpu() + ", not " + gpu.name();
        }

        @Override
        public String label(Gpu gpu, EngineSpec engine, int tp, Precision precision) {
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
        public EngineParameters parameters(Gpu gpu, EngineSpec engine, int tp, Precision precision) {
            return profileOf(gpu, engine, precision)
                    .map(p -> new EngineParameters(p.performance(), p.requestLatencySeconds(), p.mtpAcceptance()))
                    .orElse(null);
        }

        /** The profile of the GPU, engine (its version's first) and precision family, if the file has one. */
        private Optional<EndToEndProfile> profileOf(Gpu gpu, EngineSpec engine, Precision precision) {
            return PerformanceProfiles.forPool(profiles, gpu.name(), engine, precision);
        }

        @Override
        public String whyNone(Gpu gpu, EngineSpec engine, int tp, Precision precision) {
            return "no profile in " + file + " for " + gpu.name() + ", " + engine.name() + ", "
                    + precision.family().id();
        }

        @Override
        public String label(Gpu gpu, EngineSpec engine, int tp, Precision precision) {
            return profileOf(gpu, engine, precision).map(EndToEndProfile::name).orElse(UNCALIBRATED);
        }
    }
}
