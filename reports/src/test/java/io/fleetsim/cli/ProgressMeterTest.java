package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line: simulated time, percent and ETA from the pace so far; nothing when switched off. */
class ProgressMeterTest {

    @Test
    void lineShowsSimulatedTimePercentAndEta() {
        AtomicLong clock = new AtomicLong();
        ProgressMeter meter = new ProgressMeter(new PrintWriter(new StringWriter()), 1, false, clock::get);
        meter.listener(0).progress(900, 3600);
        clock.set(10_000_000_000L);
        assertEquals("simulated 15m of 1h   25%  ETA 0:30", meter.line(clock.get()));
    }

    @Test
    void severalRunsShowTheirMeanProgress() {
        AtomicLong clock = new AtomicLong();
        ProgressMeter meter = new ProgressMeter(new PrintWriter(new StringWriter()), 2, false, clock::get);
        meter.listener(0).progress(3600, 3600);
        meter.listener(1).progress(0, 3600);
        clock.set(3_600_000_000_000L);
        assertEquals("2 runs   50%  ETA 1:00:00", meter.line(clock.get()));
    }

    @Test
    void writesAndClearsOneLineWhenEnabled() {
        AtomicLong clock = new AtomicLong();
        StringWriter err = new StringWriter();
        ProgressMeter meter = new ProgressMeter(new PrintWriter(err), 1, true, clock::get);
        meter.listener(0).progress(60, 3600);
        assertEquals("", err.toString(), "nothing in the first second");
        clock.set(2_000_000_000L);
        meter.listener(0).progress(1800, 3600);
        assertTrue(err.toString().startsWith("\rsimulated 30m of 1h   50%  ETA 0:02"), err.toString());
        meter.finish();
        assertTrue(err.toString().endsWith("\r"), "line not cleared");
    }

    @Test
    void silentWhenDisabled() {
        AtomicLong clock = new AtomicLong();
        StringWriter err = new StringWriter();
        ProgressMeter meter = new ProgressMeter(new PrintWriter(err), 1, false, clock::get);
        clock.set(5_000_000_000L);
        meter.listener(0).progress(1800, 3600);
        meter.finish();
        assertEquals("", err.toString());
    }

    @Test
    void progressFollowsTheOptionThenWhatTheLauncherSaidAboutStderr(@org.junit.jupiter.api.io.TempDir
                                                                     java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path tty = tmp.resolve("fd2-tty");
        java.nio.file.Files.createSymbolicLink(tty, java.nio.file.Path.of("/dev/pts/3"));
        java.nio.file.Path file = tmp.resolve("fd2-file");
        java.nio.file.Files.createSymbolicLink(file, tmp.resolve("run.log"));
        java.nio.file.Path none = tmp.resolve("missing");
        assertTrue(ProgressOption.enabled(true, "false", file), "--progress wins");
        assertFalse(ProgressOption.enabled(false, "true", tty), "--no-progress wins");
        assertTrue(ProgressOption.enabled(null, "true", none), "stderr a terminal, stdout redirected");
        assertFalse(ProgressOption.enabled(null, "false", tty), "stderr redirected to a log");
        assertTrue(ProgressOption.enabled(null, null, tty), "without the launcher: fd 2 on a terminal");
        assertFalse(ProgressOption.enabled(null, null, file), "without the launcher: fd 2 to a file");
        assertFalse(ProgressOption.enabled(null, null, none));
    }

    @Test
    void runAcceptsProgressAndNoProgress(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        for (String flag : new String[] {"--progress", "--no-progress"}) {
            CliRunner.Result r = CliRunner.fleetsim("run", "scenarios/quickstart.yaml", "--horizon", "10s", flag,
                    "--out", tmp.resolve(flag).toString());
            assertEquals(0, r.code(), r.describe());
        }
    }
}
