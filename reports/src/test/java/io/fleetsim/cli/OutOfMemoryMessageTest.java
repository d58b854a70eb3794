package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Running out of memory, even on a worker thread, ends in one line that says what to do. */
class OutOfMemoryMessageTest {

    @CommandLine.Command(name = "oom")
    static final class RunsOutOfMemory implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            throw new ExecutionException(new OutOfMemoryError("Java heap space"));
        }
    }

    @Test
    void anOutOfMemoryErrorInsideAnotherIsFound() {
        assertTrue(FleetsimCommand.outOfMemory(new ExecutionException(new OutOfMemoryError())));
        assertFalse(FleetsimCommand.outOfMemory(new ExecutionException(new IllegalStateException())));
    }

    @Test
    void theMessageIsOneLineWithTheRemedy() {
        CommandLine cl = FleetsimCommand.newCommandLine();
        cl.addSubcommand(new RunsOutOfMemory());
        CliRunner.Result r = CliRunner.execute(cl, "oom");
        assertEquals(FleetsimCommand.EXIT_FAILURE, r.code(), r.describe());
        assertEquals(1, r.err().lines().count(), r.describe());
        assertTrue(r.err().contains("out of memory") && r.err().contains("FLEETSIM_JAVA_OPTS=-Xmx"), r.describe());
    }
}
