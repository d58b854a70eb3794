package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.calibration.EndToEndProfile;
import io.fleetsim.calibration.EndToEndProfileReader;
import io.fleetsim.input.SpecDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetsim calibrate} on measured end-to-end points (the shipped silicon sample, its vLLM
 * rows on H100): one profile per (system, engine, precision), with its training and
 * cross-validated error, written as a profiles file that reads back.
 */
@Tag("scenario")
class CalibrateEndToEndTest {

    @TempDir
    Path tmp;

    @Test
    void fitsAProfileWithItsCrossValidatedErrorAndWritesAReadableFile() throws IOException {
        CliRunner.Result r = CliRunner.fleetsim("calibrate", "calibration/aiconfigurator-silicon.csv.gz", "--gpu",
                "H100-SXM-80GB", "--engine", "vllm", "--model", "llama-3.1-70b", "--name-prefix", "t", "--out",
                tmp.toString());
        assertEquals(0, r.code(), r.describe());
        Path file = tmp.resolve("profiles.yaml");
        List<EndToEndProfile> profiles = EndToEndProfileReader.read(SpecDocument.parse(Files.readString(file),
                file.toString(), false));
        assertEquals(1, profiles.size());
        EndToEndProfile p = profiles.get(0);
        assertEquals("t-h100-sxm-vllm-fp8", p.name());
        assertEquals("H100-SXM-80GB", p.gpu());
        assertEquals("vllm", p.engine());
        assertEquals(List.of("llama-3.1-70b"), p.models());
        assertEquals(2, p.deployments());
        assertEquals(30, p.training().points());
        assertEquals(2, p.crossValidated().orElseThrow().folds());
        assertEquals(30, p.crossValidated().orElseThrow().error().points());
        List<String> cv = Files.readAllLines(tmp.resolve("cross-validation.csv"));
        assertEquals(31, cv.size());
        assertTrue(cv.get(0).startsWith("id,status,measured_ttft_ms,predicted_ttft_ms,measured_tpot_ms,"
                + "predicted_tpot_ms"), cv.get(0));
        assertTrue(r.out().contains("Cross-validated by deployment"), r.describe());
    }

    @Test
    void fitsTheJsonResultsOfVllmGuidellmAndAiperfGivenTheDeployment() throws IOException {
        CliRunner.Result r = CliRunner.fleetsim("calibrate", "calibration/examples/vllm-bench-serve.json",
                "calibration/examples/guidellm-benchmarks.json", "calibration/examples/aiperf-profile_export_aiperf.json",
                "--gpu", "H100-SXM-80GB", "--model", "llama-3.1-8b", "--engine", "trtllm", "--tensor-parallel", "2",
                "--out", tmp.toString());
        assertEquals(0, r.code(), r.describe());
        EndToEndProfile p = EndToEndProfileReader.read(tmp.resolve("profiles.yaml")).get(0);
        assertEquals(4, p.training().points());
        assertEquals(1, p.deployments());
        assertTrue(p.crossValidated().isEmpty(), "one deployment: nothing to cross-validate on");
        assertEquals("trtllm", p.engine());
    }

    @Test
    void jsonWithoutTheDeploymentIsExitCodeTwo() {
        CliRunner.Result r = CliRunner.fleetsim("calibrate", "calibration/examples/vllm-bench-serve.json", "--out",
                tmp.toString());
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("give --gpu, --model and --engine"), r.describe());
    }

    @Test
    void selectingNothingSimulatableIsExitCodeTwo() {
        CliRunner.Result r = CliRunner.fleetsim("calibrate", "calibration/aiconfigurator-silicon.csv.gz", "--gpu",
                "L40S", "--out", tmp.toString());
        assertEquals(2, r.code(), r.describe());
        assertTrue(r.err().contains("no row selected can be simulated"), r.describe());
    }
}
