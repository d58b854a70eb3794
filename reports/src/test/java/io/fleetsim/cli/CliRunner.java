package io.fleetsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the command line in-process with captured stdout and stderr, as a user would from a shell:
 * the one way every CLI test drives {@code fleetsim}.
 */
final class CliRunner {

    /** What a command printed and returned. */
    record Result(int code, String out, String err) {

        /** Exit code and both streams, for an assertion message. */
        String describe() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }

        /**
         * The one line of a clean error: stderr holds exactly one non-blank line, starting with
         * {@code error: }, and no stack trace or exception name; returns that line.
         */
        String oneErrorLine() {
            List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
            assertEquals(1, lines.size(), "expected one error line:\n" + describe());
            assertTrue(lines.get(0).startsWith("error: "), describe());
            assertFalse(err.contains("\tat "), "stack trace:\n" + describe());
            assertFalse(err.contains("Exception"), "exception name:\n" + describe());
            return lines.get(0);
        }
    }

    private CliRunner() {
    }

    /** {@code fleetsim args...} on the shipped command line. */
    static Result fleetsim(String... args) {
        return execute(FleetsimCommand.newCommandLine(), args);
    }

    /** {@code args...} on a given command line (the shipped one with a test subcommand added, say). */
    static Result execute(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
