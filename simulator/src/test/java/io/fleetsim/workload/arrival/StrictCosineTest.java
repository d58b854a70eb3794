package io.fleetsim.workload.arrival;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** StrictCosine must give StrictMath.cos's bits exactly: arrivals, and so every report, depend on them. */
class StrictCosineTest {

    private static void same(double x) {
        assertEquals(Double.doubleToRawLongBits(StrictMath.cos(x)), Double.doubleToRawLongBits(StrictCosine.cos(x)),
                () -> "cos(" + x + ")");
    }

    @Test
    void randomArgumentsOverTwoFullTurnsAndBeyondTheReducedRange() {
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 1_000_000; i++) {
            same((random.nextDouble() * 2 - 1) * 8);
        }
    }

    @Test
    void argumentsNearEveryMultipleOfHalfPiWhereTheReductionCancels() {
        for (int k = -5; k <= 5; k++) {
            double base = k * (Math.PI / 2);
            double up = base;
            double down = base;
            for (int s = 0; s < 20_000; s++) {
                same(up = Math.nextUp(up));
                same(down = Math.nextDown(down));
            }
            for (int e = -70; e < 2; e++) {
                same(base + Math.scalb(1.0, e));
                same(base - Math.scalb(1.0, e));
            }
        }
    }

    @Test
    void edgesOfEachBranch() {
        double[] xs = {0.0, -0.0, Double.MIN_VALUE, 1e-300, 1e-9, 0x1p-27, 0.3, Math.nextDown(0.3), 0.78125,
            Math.nextUp(0.78125), Math.PI / 4, Math.nextUp(Math.PI / 4), 3 * Math.PI / 4, Math.nextUp(3 * Math.PI / 4),
            9 * Math.PI / 4, Math.nextDown(9 * Math.PI / 4), 10, 1e6, 1e300, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (double x : xs) {
            same(x);
            same(-x);
        }
    }
}
