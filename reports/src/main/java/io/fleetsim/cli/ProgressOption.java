package io.fleetsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --progress/--no-progress}: whether a long run shows its progress line on stderr. By
 * default it does when stderr is a terminal, so that {@code run X > out.txt} still shows it and
 * {@code run X 2> run.log} does not fill the log with rewritten lines.
 */
final class ProgressOption {

    /** System property the launcher sets to what {@code [ -t 2 ]} said about stderr. */
    static final String STDERR_TTY_PROPERTY = "fleetsim.stderr.tty";

    @Option(names = "--progress", negatable = true,
            description = "Show progress on stderr (default: only when stderr is a terminal).")
    Boolean progress;

    /** True when the progress line should be shown. */
    boolean enabled() {
        return enabled(progress, System.getProperty(STDERR_TTY_PROPERTY), Path.of("/proc/self/fd/2"));
    }

    /**
     * The decision: the option when given; else the launcher's word on stderr; else, on Linux,
     * where file descriptor 2 leads. Java 17 cannot ask about stderr itself ({@code System.console()}
     * looks at stdin and stdout).
     */
    static boolean enabled(Boolean option, String launcherSaid, Path stderrLink) {
        if (option != null) {
            return option;
        }
        if (launcherSaid != null && !launcherSaid.isBlank()) {
            return Boolean.parseBoolean(launcherSaid.trim());
        }
        try {
            if (Files.isSymbolicLink(stderrLink)) {
                String target = Files.readSymbolicLink(stderrLink).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
        return false;
    }
}
