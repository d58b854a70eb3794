package io.fleetsim.cli;

import static io.fleetsim.cli.CliRunner.fleetsim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.calibration.PerformanceProfile;
import io.fleetsim.calibration.PerformanceProfiles;
import io.fleetsim.cli.CliRunner.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetsim calibrate} driven in-process from the repository root (where surefire runs this
 * module): it prints the shipped profile's factors for the shipped data, and bad input is exit
 * code 2 with one line naming the file, line, row and column.
 */
@Tag("scenario")
class CalibrateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void printsTheShippedProfileForTheShippedData() {
        PerformanceProfile shipped = PerformanceProfiles.builtIn().named("splitwise-h100-tp4").orElseThrow();
        Result r = fleetsim("calibrate", "calibration/splitwise-h100.csv", "--gpu", "H100-SXM-80GB",
                "--tensor-parallel", "4", "--profile-name", "splitwise-h100-tp4");
        assertEquals(0, r.code(), r.describe());
        assertTrue(r.out().contains("    performance:\n      compute_efficiency: "
                + shipped.performance().computeEfficiency() + "\n"), r.describe());
        assertTrue(r.out().contains("held-out points"), r.describe());
        assertTrue(r.out().contains("    fitted_by: " + shipped.fittedBy() + "\n"), r.describe());
    }

    @Test
    void aMalformedRowIsExitCodeTwoNamingFileLineRowAndColumn() throws IOException {
        Path csv = tmp.resolve("mine.csv");
        Files.writeString(csv, "batch_size,prompt_tokens,output_tokens,prefill_ms,per_token_ms\n"
                + "1,512,128,60,30\n1,1024,128,105,n/a\n", StandardCharsets.UTF_8);
        Result r = fleetsim("calibrate", csv.toString(), "--gpu", "H100-SXM-80GB", "--model", "llama-2-70b",
                "--tensor-parallel", "4");
        assertEquals(2, r.code(), r.describe());
        assertEquals("error: " + csv + ":3: row 2, column per_token_ms: must be a number (got \"n/a\")",
                r.oneErrorLine());
    }

    @Test
    void badOptionsAreExitCodeTwo() {
        Result gpu = fleetsim("calibrate", "calibration/splitwise-h100.csv", "--gpu", "H999");
        assertEquals(2, gpu.code(), gpu.describe());
        assertTrue(gpu.err().startsWith("error: --gpu: unknown GPU 'H999'; known: "), gpu.describe());
        Result every = fleetsim("calibrate", "calibration/splitwise-h100.csv", "--gpu", "H100-SXM-80GB",
                "--hold-out-every", "1");
        assertEquals(2, every.code(), every.describe());
        Result by = fleetsim("calibrate", "calibration/aiconfigurator-silicon-sample.csv", "--cross-validate-by",
                "layout");
        assertEquals(2, by.code(), by.describe());
        assertTrue(by.err().contains("must be deployment or model (got 'layout')"), by.describe());
        Result disagg = fleetsim("calibrate", "calibration/aiconfigurator-silicon-sample.csv", "--mode", "disagg",
                "--cross-validate-by", "model");
        assertEquals(2, disagg.code(), disagg.describe());
        assertTrue(disagg.err().contains("--cross-validate-by model: for --mode agg only"), disagg.describe());
        Result missing = fleetsim("calibrate", tmp.resolve("none.csv").toString(), "--gpu", "H100-SXM-80GB");
        assertEquals(2, missing.code(), missing.describe());
        assertTrue(missing.oneErrorLine().endsWith("none.csv: file not found"), missing.describe());
    }
}
