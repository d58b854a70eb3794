package io.fleetsim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.spec.PerformanceSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An end-to-end profile written as text and read back is the same profile, number for number. */
class EndToEndProfileTextTest {

    private static final EndToEndProfile PROFILE = new EndToEndProfile("aic-h200-sxm-vllm-fp8", "H200-SXM-141GB",
            "vllm", List.of("0.12.0", "0.19.0"), "fp8", new PerformanceSpec(0.7201, 0.7868, 0.005285), 0.0475,
            List.of("llama-3.1-70b", "llama-3.1-8b"), 6, "calibration/aiconfigurator-silicon.csv.gz",
            "./fleetsim calibrate calibration/aiconfigurator-silicon.csv.gz --folds 5 --name-prefix aic",
            new LatencyError(61, 0.2125, 0.5, 0.1398, 0.31), Optional.of(new EndToEndProfile.CrossValidated(5,
                    new LatencyError(61, 0.3288, 0.7634, 0.327, 0.73),
                    Optional.of(new CapacityRatio(12, 0.642, 1.05, 1.713)))));

    private static List<EndToEndProfile> read(String text) {
        return EndToEndProfileReader.read(SpecDocument.parse(text, "p.yaml", false));
    }

    @Test
    void aKernelProfileRoundTrips() {
        EndToEndProfile kernels = new EndToEndProfile("k", "H100-SXM-80GB", "trtllm", List.of("1.0.0"), "fp8",
                PerformanceSpec.kernels(0.001234, 12.345e-6, 0.678e-6, 0), 0.0875, List.of("llama-3.1-8b"), 3,
                "d.csv", "cmd", new LatencyError(10, 0.1, 0.2, 0.05, 0.1), Optional.empty());
        String text = EndToEndProfileText.file(List.of(kernels), "");
        assertTrue(text.contains("step_time: kernels"), text);
        EndToEndProfile back = read(text).get(0);
        assertEquals(kernels, back);
        assertEquals(0.0875, back.performance().requestLatencySeconds());
        assertEquals(12.345e-6, back.performance().engineSequenceSeconds());
    }

    @Test
    void aRequestLatencyGrowingWithTheRequestsInFlightRoundTripsAndIsLeftOutWhereItIsZero() {
        EndToEndProfile growing = new EndToEndProfile("k", "H100-SXM-80GB", "vllm", List.of("0.19.0"), "fp8",
                PerformanceSpec.kernels(0.001234, 12.345e-6, 0.678e-6, 0.0875, 843.217e-6), 0.0875,
                List.of("llama-3.1-8b"), 3, "d.csv", "cmd", new LatencyError(10, 0.1, 0.2, 0.05, 0.1), Optional.empty());
        String text = EndToEndProfileText.file(List.of(growing), "");
        assertTrue(text.contains("    request_latency_per_in_flight: 843.217us\n"), text);
        EndToEndProfile back = read(text).get(0);
        assertEquals(growing, back);
        assertEquals(843.217e-6, back.performance().requestLatencyPerInFlightSeconds());
        assertTrue(!EndToEndProfileText.file(List.of(PROFILE), "").contains("per_in_flight"));
        assertEquals(0, read(EndToEndProfileText.file(List.of(PROFILE), "")).get(0).performance()
                .requestLatencyPerInFlightSeconds());
    }

    /** A profile fitted on rows that decoded with multi-token prediction keeps its fitted acceptance. */
    @Test
    void aFittedMtpAcceptanceRoundTripsAndIsLeftOutWhereNoneWasFitted() {
        EndToEndProfile fitted = new EndToEndProfile("k", "B200-180GB", "trtllm", List.of("1.2.0rc6.post3"), "fp4",
                PerformanceSpec.kernels(0.001234, 12.345e-6, 0.678e-6, 0), 0.0875, List.of("deepseek-r1"), 3,
                "d.csv", "cmd", new LatencyError(10, 0.1, 0.2, 0.05, 0.1), Optional.empty(), 0.637);
        String text = EndToEndProfileText.file(List.of(fitted), "");
        assertTrue(text.contains("    mtp_acceptance: 0.637\n"), text);
        assertEquals(fitted, read(text).get(0));
        assertEquals(0.637, read(text).get(0).mtpAcceptance());
        assertTrue(!EndToEndProfileText.file(List.of(PROFILE), "").contains("mtp_acceptance"));
        assertTrue(Double.isNaN(read(EndToEndProfileText.file(List.of(PROFILE), "")).get(0).mtpAcceptance()));
    }

    @Test
    void aProfilePinnedToOneEngineVersionRoundTripsAndAppliesToThatVersionOnly() {
        EndToEndProfile pinned = new EndToEndProfile("k-0.18.0", "H100-SXM-80GB", "vllm", List.of("0.18.0"), "fp8",
                PerformanceSpec.kernels(0.001234, 12.345e-6, 0.678e-6, 0), 0.0875, List.of("llama-3.1-8b"), 3,
                "d.csv", "cmd", new LatencyError(10, 0.1, 0.2, 0.05, 0.1), Optional.empty(), Double.NaN, "0.18.0");
        String text = EndToEndProfileText.file(List.of(pinned), "");
        assertTrue(text.contains("    engine_version: \"0.18.0\"\n"), text);
        assertEquals(pinned, read(text).get(0));
        assertTrue(pinned.appliesTo("vllm", "0.18.0"));
        assertTrue(!pinned.appliesTo("vllm", "0.19.0") && !pinned.appliesTo("vllm", "")
                && !pinned.appliesTo("sglang", "0.18.0"));
        assertTrue(PROFILE.appliesTo("vllm", "0.18.0") && PROFILE.appliesTo("vllm", ""));
        assertTrue(!EndToEndProfileText.file(List.of(PROFILE), "").contains("engine_version:"));
    }

    @Test
    void aPinnedVersionNotAloneInTheVersionsFittedIsAnErrorNamingItsField() {
        String message = errorWith("    engine_version: \"0.12.0\"\n", "    precision:", "profiles[0].engine_version");
        assertTrue(message.contains("0.19.0"), message);
    }

    @Test
    void anMtpAcceptanceAboveOneIsAnErrorNamingItsField() {
        errorWith("    mtp_acceptance: 1.2\n", "    models:", "profiles[0].mtp_acceptance");
    }

    /**
     * The error of reading {@link #PROFILE}'s text with {@code line} inserted before the line
     * starting {@code before}: it names the file and {@code field}; its message is returned.
     */
    private static String errorWith(String line, String before, String field) {
        String text = EndToEndProfileText.file(List.of(PROFILE), "").replace(before, line + before);
        ScenarioException e = assertThrows(ScenarioException.class, () -> read(text));
        assertTrue(e.getMessage().startsWith("p.yaml:"), e.getMessage());
        assertTrue(e.getMessage().contains(field), e.getMessage());
        return e.getMessage();
    }

    @Test
    void aProfileRoundTrips() {
        String text = EndToEndProfileText.file(List.of(PROFILE), "fitted for a test");
        EndToEndProfile back = read(text).get(0);
        assertEquals(PROFILE.performance(), back.performance());
        assertEquals(PROFILE.requestLatencySeconds(), back.requestLatencySeconds());
        assertEquals(PROFILE.training(), back.training());
        assertEquals(PROFILE.crossValidated(), back.crossValidated());
        assertEquals(PROFILE, back);
        assertEquals(text, EndToEndProfileText.file(List.of(back), "fitted for a test"));
    }

    @Test
    void aCapacityBandOutOfOrderIsAnErrorNamingItsField() {
        String text = EndToEndProfileText.file(List.of(PROFILE), "").replace("median: 1.05", "median: 0.5");
        ScenarioException e = assertThrows(ScenarioException.class, () -> read(text));
        assertTrue(e.getMessage().contains("knee_capacity_ratio.median"), e.getMessage());
        assertTrue(e.getMessage().contains("p.yaml:"), e.getMessage());
    }

    @Test
    void roundedErrorsAreWhatTheFileHolds() {
        LatencyError raw = new LatencyError(10, 0.123456, 0.5, 0.0987654, 1.23456789);
        EndToEndProfile p = new EndToEndProfile("x", "H100-SXM-80GB", "sglang", List.of(), "bf16",
                PerformanceSpec.DEFAULT, 0, List.of("llama-3.1-8b"), 1, "d.csv", "cmd", raw.rounded(),
                Optional.empty());
        assertEquals(p, read(EndToEndProfileText.file(List.of(p), "")).get(0));
        assertEquals(0.1235, raw.rounded().ttftMedian());
    }

    @Test
    void badFieldsAreRefusedWithTheirPath() {
        String text = EndToEndProfileText.file(List.of(PROFILE), "").replace("engine: vllm", "engine: tgi");
        ScenarioException e = assertThrows(ScenarioException.class, () -> read(text));
        assertEquals("p.yaml:4: profiles[0].engine: must be one of vllm, sglang, trtllm (got \"tgi\")", e.getMessage());
    }
}
