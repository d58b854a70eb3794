package io.fleetsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.calibration.EndToEndProfile;
import io.fleetsim.calibration.LatencyError;
import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.hardware.HardwareCatalog;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.scenario.CatalogReader;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ServerSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end profiles shipped in {@code profiles/end-to-end.yaml}: each names catalog entries,
 * carries a cross-validated error where it had two deployments, reproduces its documented
 * training error on the shipped data, and a scenario pool can name it.
 */
class ShippedEndToEndProfilesTest {

    private static final HardwareCatalog CATALOG = CatalogReader.builtIn();
    private static final Path SILICON = Path.of("..", "calibration", "aiconfigurator-silicon.csv.gz");

    @Test
    void everyProfileNamesCatalogEntriesAndItsErrors() {
        List<EndToEndProfile> profiles = PerformanceProfiles.builtIn().endToEnd();
        assertFalse(profiles.isEmpty());
        for (EndToEndProfile p : profiles) {
            assertNotNull(CATALOG.gpu(p.gpu()), p.name());
            p.models().forEach(m -> assertNotNull(CATALOG.model(m), p.name() + ": " + m));
            assertEquals(p.deployments() >= 2, p.crossValidated().isPresent(), p.name());
            assertEquals("calibration/aiconfigurator-silicon.csv.gz", p.data());
        }
    }

    @Test
    void aProfileReproducesItsTrainingErrorOnTheShippedData() {
        EndToEndProfile p = PerformanceProfiles.builtIn().namedEndToEnd("aic-h100-sxm-vllm-fp8").orElseThrow();
        ParameterSource source = new ParameterSource.EndToEnd(List.of(p), "test");
        DeploymentPlanner planner = new DeploymentPlanner(CATALOG, source);
        List<MeasuredPoint> rows = PointsFile.read(SILICON, "silicon", CATALOG).stream()
                .filter(m -> m.deployment().system().equals("h100_sxm") && m.deployment().backend().equals("vllm"))
                // the points it was fitted on: models the catalog gained since are not among them
                .filter(m -> CatalogNames.modelCandidates(m.deployment().model()).stream().anyMatch(p.models()::contains))
                .toList();
        List<PointOutcome> outcomes = ModelValidation.run(rows, planner, 2, done -> { }).stream()
                .filter(o -> o.status() == PointOutcome.Status.OK).toList();
        LatencyError e = EndToEndCalibration.error(outcomes);
        assertEquals(p.training(), e);
    }

    @Test
    void aScenarioPoolCanNameAnEndToEndProfile() {
        ServerSpec.Llm llm = pool("    performance: {profile: aic-h100-sxm-vllm-fp8}\n");
        assertEquals(PerformanceProfiles.builtIn().namedEndToEnd("aic-h100-sxm-vllm-fp8").orElseThrow().performance(),
                llm.performance());
        assertTrue(llm.performance().computeEfficiency() > 0);
    }

    @Test
    void aKernelPoolNamingNoOverheadsRunsWithItsFittedProfile() {
        ServerSpec.Llm llm = pool("");
        EndToEndProfile fitted = PerformanceProfiles.builtIn().fittedKernels("H100-SXM-80GB",
                new io.fleetsim.spec.EngineSpec("vllm", "0.24.0"), io.fleetsim.hardware.Precision.FP8).orElseThrow();
        assertEquals(fitted.performance().engineIterationSeconds(), llm.performance().engineIterationSeconds());
        assertEquals(fitted.performance().engineSequenceSeconds(), llm.performance().engineSequenceSeconds());
        assertEquals(fitted.performance().engineTokenSeconds(), llm.performance().engineTokenSeconds());
        assertEquals(fitted.requestLatencySeconds(), llm.performance().requestLatencySeconds());
        assertEquals(fitted, PerformanceProfiles.builtIn().endToEndUsedBy(llm).orElseThrow());
        // a pool that states its own overheads is no longer backed by the profile
        ServerSpec.Llm own = pool("    performance: {engine_iteration_overhead: 7ms}\n");
        assertEquals(0.007, own.performance().engineIterationSeconds());
        assertTrue(PerformanceProfiles.builtIn().endToEndUsedBy(own).isEmpty());
        assertEquals(fitted.performance().requestLatencyPerInFlightSeconds(),
                llm.performance().requestLatencyPerInFlightSeconds());
        // nor one that states its own growth of the request latency with the requests in flight
        ServerSpec.Llm growing = pool("    performance: {request_latency_per_in_flight: 3ms}\n");
        assertEquals(0.003, growing.performance().requestLatencyPerInFlightSeconds());
        assertTrue(PerformanceProfiles.builtIn().endToEndUsedBy(growing).isEmpty());
    }

    @Test
    void aPoolOfAnEngineVersionWithItsOwnFitRunsWithIt() {
        PerformanceProfiles shipped = PerformanceProfiles.builtIn();
        EndToEndProfile pinned = shipped.namedEndToEnd("aic-h100-sxm-vllm-fp8-0.18.0").orElseThrow();
        assertEquals("0.18.0", pinned.pinnedVersion());
        ServerSpec.Llm llm = pool("    engine: {name: vllm, version: \"0.18.0\"}\n");
        assertEquals(pinned.performance().engineIterationSeconds(), llm.performance().engineIterationSeconds());
        assertEquals(pinned.requestLatencySeconds(), llm.performance().requestLatencySeconds());
        assertEquals(pinned, shipped.endToEndUsedBy(llm).orElseThrow());
        // the tables' own version has no fit of its own: the profile fitted on every version
        EndToEndProfile any = shipped.namedEndToEnd("aic-h100-sxm-vllm-fp8").orElseThrow();
        assertEquals(any, shipped.endToEndUsedBy(pool("")).orElseThrow());
        assertTrue(any.performance().engineIterationSeconds() != pinned.performance().engineIterationSeconds());
    }

    @Test
    void anEngineVersionWithNeitherTablesNorAFitIsAnErrorListingBoth() {
        io.fleetsim.input.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.fleetsim.input.ScenarioException.class,
                () -> pool("    engine: {name: vllm, version: \"0.10.0\"}\n"));
        assertTrue(e.getMessage().contains("pools[0].engine.version"), e.getMessage());
        assertTrue(e.getMessage().contains("versions with kernel tables: ") && e.getMessage().contains("0.24.0"),
                e.getMessage());
        assertTrue(e.getMessage().contains("with a fitted profile on H100-SXM-80GB at fp8: 0.18.0 ("), e.getMessage());
    }

    /** The server of a one-pool scenario: Llama 3.1 70B fp8 on 4 H100s, with {@code extra} lines in the pool. */
    private static ServerSpec.Llm pool(String extra) {
        String scenario = """
                name: t
                horizon: 10m
                workload:
                  arrivals: {process: poisson, rate_per_s: 2}
                  routes:
                    - name: chat
                      prompt_tokens: {dist: fixed, tokens: 100}
                      output_tokens: {dist: fixed, tokens: 50}
                      slo: {ttft: 1s, tpot: 50ms}
                pools:
                  - name: p1
                    kind: reserved
                    replicas: 1
                    gpu: H100-SXM-80GB
                    model: llama-3.1-70b
                    tensor_parallel: 4
                    precision: fp8
                    usd_per_gpu_hour: 2.5
                """ + extra;
        return (ServerSpec.Llm) new ScenarioLoader().bind(SpecDocument.parse(scenario, "t.yaml", false))
                .pools().get(0).server();
    }
}
