package io.fleetsim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A handoff profile written as text reads back the same; bad fields are named. */
class HandoffProfileTextTest {

    private static final HandoffProfile PROFILE = new HandoffProfile("aic-disagg-gb200-trtllm", "GB200-NVL72",
            "trtllm", 0.123456, 12, "calibration/aiconfigurator-silicon.csv.gz", "./fleetsim calibrate x --mode disagg",
            new LatencyError(200, 0.2125, 0.5, 0.1398, 0.31), Optional.of(new EndToEndProfile.CrossValidated(5,
                    new LatencyError(200, 0.3288, 0.7634, 0.327, 0.73))));

    private static List<HandoffProfile> read(String text) {
        return HandoffProfileReader.read(SpecDocument.parse(text, "h.yaml", false));
    }

    @Test
    void aProfileRoundTrips() {
        String text = HandoffProfileText.file(List.of(PROFILE), "fitted for a test");
        assertTrue(text.contains("handoff_latency: 123.456ms"), text);
        HandoffProfile back = read(text).get(0);
        assertEquals(PROFILE, back);
        assertEquals(text, HandoffProfileText.file(List.of(back), "fitted for a test"));
        assertEquals("handoff of aic-disagg-gb200-trtllm (cross-validated TTFT p50 32.9%, TPOT p50 32.7%)",
                back.describe());
    }

    @Test
    void badFieldsAreNamed() {
        String text = HandoffProfileText.file(List.of(PROFILE), "");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> read(text.replace("handoff_latency: 123.456ms", "handoff_latency: -1ms")));
        assertEquals("handoff_profiles[0].handoff_latency", e.fieldPath(), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> read(text.replace("engine: trtllm", "engine: tgi")));
        assertEquals("handoff_profiles[0].engine", e.fieldPath(), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> read(text.replace("deployments: 12", "deploymets: 12")));
        assertTrue(e.getMessage().contains("deploymets"), e.getMessage());
        String twice = HandoffProfileText.file(List.of(PROFILE, new HandoffProfile("other", "GB200-NVL72", "trtllm",
                0, 1, "d", "c", PROFILE.training(), Optional.empty())), "");
        e = assertThrows(ScenarioException.class, () -> read(twice));
        assertTrue(e.getMessage().contains("a second profile for GB200-NVL72 and trtllm"), e.getMessage());
    }

    @Test
    void theShippedProfilesRead() {
        for (HandoffProfile p : HandoffProfiles.builtIn().all()) {
            assertTrue(p.latencySeconds() >= 0, p.name());
        }
    }
}
