package io.fleetsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.metrics.RequestCounts;
import io.fleetsim.metrics.TimeSeries;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.PoolSpec;
import io.fleetsim.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Traffic far beyond capacity is bounded: quickstart's fleet (about 15 requests/s) offered 200 per
 * second queues at most {@link PoolSpec#DEFAULT_MAX_QUEUE} requests and rejects the rest as
 * {@code queue_full}, instead of queueing until the heap runs out.
 */
@Tag("scenario")
class OverloadTest {

    @Test
    void queuesStopAtTheDefaultLimitAndTheRestIsQueueFull() throws IOException {
        String text = Files.readString(Path.of("../scenarios/quickstart.yaml"));
        assertTrue(text.contains("rate_per_s: 6"), "quickstart's rate changed");
        ScenarioSpec s = new ScenarioLoader().bind(SpecDocument.parse(text.replace("rate_per_s: 6", "rate_per_s: 200"),
                "../scenarios/quickstart.yaml", false)).withHorizon(1200);
        RunResult r = Simulation.run(s);
        RequestCounts req = r.requests();
        long queueFull = req.rejectedByCause().getOrDefault("queue_full", 0L);
        // 240,000 arrive, about 18,000 are served, 100,000 wait: the rest is refused
        assertTrue(queueFull > 100_000, "queue_full " + queueFull + " of " + req.arrived());
        assertEquals(0L, req.rejectedByCause().getOrDefault("shed", 0L), "shed is for max_queue a scenario sets");
        TimeSeries ts = r.timeSeries();
        int queued = ts.column("queued");
        double peak = ts.rows().stream().mapToDouble(row -> row[queued]).max().orElse(0);
        assertTrue(peak <= PoolSpec.DEFAULT_MAX_QUEUE, "queue peaked at " + peak);
        assertTrue(peak > 0.9 * PoolSpec.DEFAULT_MAX_QUEUE, "the limit was reached: " + peak);
        assertEquals(req.arrived(), req.completed() + req.cancelled() + req.rejected() + req.inFlightAtEnd());
    }
}
