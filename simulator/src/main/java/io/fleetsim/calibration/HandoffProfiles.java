package io.fleetsim.calibration;

import io.fleetsim.input.SpecDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The handoff profiles a disaggregated deployment takes its handoff latency from by default: the
 * shipped ones ({@value #RESOURCE}, fitted by {@code fleetsim calibrate --mode disagg}), one per
 * (GPU, engine) at most.
 */
public final class HandoffProfiles {

    /** The shipped profiles, a resource of the simulator. */
    public static final String RESOURCE = "profiles/disaggregated.yaml";
    /** No profiles: every deployment hands over at no cost. */
    public static final HandoffProfiles NONE = new HandoffProfiles(List.of());

    private static volatile HandoffProfiles builtIn;
    private final List<HandoffProfile> profiles;

    /** These profiles (at most one per GPU and engine, as the reader checks). */
    public HandoffProfiles(List<HandoffProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    /** The shipped profiles, read once. */
    public static HandoffProfiles builtIn() {
        HandoffProfiles b = builtIn;
        if (b == null) {
            try (InputStream in = HandoffProfiles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing built-in resource " + RESOURCE);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                b = new HandoffProfiles(HandoffProfileReader.read(SpecDocument.parse(text, RESOURCE, false)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtIn = b;
        }
        return b;
    }

    /** The profile of {@code gpu} (a catalog name) under {@code engine}, if there is one. */
    public Optional<HandoffProfile> of(String gpu, String engine) {
        return profiles.stream().filter(p -> p.gpu().equals(gpu) && p.engine().equals(engine)).findFirst();
    }

    /** Every profile, in file order. */
    public List<HandoffProfile> all() {
        return profiles;
    }
}
