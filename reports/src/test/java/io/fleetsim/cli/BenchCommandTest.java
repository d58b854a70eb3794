package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code fleetsim bench} at a tiny scale: every case runs and prints a row in CPU seconds with
 * its ratio to the reference (the reference's own ratio is 1), and both fleets of the scaling
 * pair see the same number of requests. Speed itself is never asserted: benchmarks are commands.
 */
@Tag("scenario")
class BenchCommandTest {

    @Test
    void everyCasePrintsCpuSecondsAndItsRatioToTheReference() {
        CliRunner.Result r = CliRunner.fleetsim("bench", "--scale", "0.002", "--no-end-to-end");
        assertEquals(0, r.code(), r.describe());
        for (String name : List.of("reference", "engine", "day", "fleet-50", "fleet-2500", "blis-sim")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(name + " ")), name + " row missing:\n" + r.out());
        }
        String reference = r.out().lines().filter(l -> l.startsWith("reference ")).findFirst().orElseThrow();
        assertTrue(reference.trim().endsWith("1.00"), reference);
        assertEquals(requests(r.out(), "fleet-50"), requests(r.out(), "fleet-2500"), r.out());
        assertTrue(r.out().contains("fleet scaling: fleet-2500 / fleet-50 = "), r.out());
    }

    @Test
    void scaleOutsideItsRangeIsAnInputError() {
        CliRunner.Result r = CliRunner.fleetsim("bench", "--scale", "2");
        assertEquals(FleetsimCommand.EXIT_INVALID_INPUT, r.code(), r.describe());
        assertTrue(r.err().contains("--scale"), r.describe());
    }

    private static String requests(String out, String name) {
        String row = out.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow();
        String[] cells = row.trim().split("\\s+");
        return cells[cells.length - 4];
    }
}
