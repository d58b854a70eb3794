package io.fleetsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The check of a report folder before anything is simulated, so that a long run does not end in
 * an error about where to write it: the folder must be a folder (or not exist yet) and the
 * nearest existing folder above it writable.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * {@code folder}, when it can be written.
     *
     * @throws CommandLine.ParameterException naming {@code --out} and what is wrong (exit 2)
     */
    static Path writable(CommandLine cl, Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(cl, "--out " + folder + ": exists and is not a folder");
        }
        Path existing = folder.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new CommandLine.ParameterException(cl, "--out " + folder + ": " + existing
                    + " is a file, so no folder can be made in it");
        }
        if (!Files.isWritable(existing)) {
            throw new CommandLine.ParameterException(cl, "--out " + folder + ": cannot write in " + existing
                    + " (read-only)");
        }
        return folder;
    }
}
