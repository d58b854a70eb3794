package io.fleetsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process with captured output, as a user would from a shell. */
final class CliRunner {

    /** What a command printed and returned. */
    record Result(int code, String out, String err) {
        String describe() {
            return "exit " + code + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private CliRunner() {
    }

    static Result fleetsim(String... args) {
        var cl = FleetsimCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
