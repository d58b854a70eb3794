package io.fleetsim.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A report folder written whole or not at all. Files go into a hidden staging folder beside the
 * target ({@code .NAME.staging-ID}); {@link #commit} then moves the target aside
 * ({@code .NAME.old-ID}), renames the staging folder to the target and deletes the old one.
 * Whatever the moment a writer is killed, the target is the previous complete report or the new
 * one; only in the instant between the two renames is it absent, with the previous report beside
 * it as {@code .NAME.old-ID}. The next write of the same target puts such a report back first and
 * removes staging folders that killed writers left.
 */
public final class StagedFolder {

    private final Path target;
    private final Path staging;

    private StagedFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Starts a staged write of {@code target}, tidying what an interrupted earlier write left. */
    public static StagedFolder beside(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        recover(absolute);
        Path staging = parent.resolve(hidden(absolute, "staging"));
        Files.createDirectory(staging);
        return new StagedFolder(absolute, staging);
    }

    /** Where to write the files. */
    public Path path() {
        return staging;
    }

    /**
     * Swaps the staged folder in for the target. A target holding anything fleetsim did not write
     * there ({@code --out .}, a folder of one's own files) is not swapped, so as not to move those
     * files away: the staged files are moved into it one by one instead, each replacing its
     * namesake atomically.
     */
    public void commit() throws IOException {
        if (Files.exists(target) && !onlyReports(target, staging)) {
            mergeInto(target);
            return;
        }
        Path old = null;
        if (Files.exists(target)) {
            old = target.getParent().resolve(hidden(target, "old"));
            move(target, old);
        }
        move(staging, target);
        if (old != null) {
            deleteTree(old);
        }
    }

    /**
     * True when every entry of {@code target} is one the staged folder replaces, or an earlier
     * report folder (one holding a report.json, as a strategy of an earlier compare).
     */
    private static boolean onlyReports(Path target, Path staging) throws IOException {
        if (!Files.isDirectory(target)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path e : entries) {
                boolean replaced = Files.exists(staging.resolve(e.getFileName().toString()));
                boolean report = Files.isDirectory(e) && Files.exists(e.resolve("report.json"));
                if (!replaced && !report) {
                    return false;
                }
            }
        }
        return true;
    }

    private void mergeInto(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
            for (Path e : entries) {
                Path to = folder.resolve(e.getFileName().toString());
                if (Files.isDirectory(e)) {
                    deleteTree(to);
                    move(e, to);
                } else {
                    Files.move(e, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
        deleteTree(staging);
    }

    /** Deletes the staging folder (after a failure, before {@link #commit}). */
    public void abandon() throws IOException {
        deleteTree(staging);
    }

    private static String hidden(Path target, String kind) {
        return "." + target.getFileName() + "." + kind + "-" + UUID.randomUUID();
    }

    /** Puts back a previous report a killed commit left aside, and removes abandoned staging folders. */
    private static void recover(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        List<Path> olds = new ArrayList<>();
        List<Path> stagings = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), prefix + "*")) {
            for (Path p : siblings) {
                String name = p.getFileName().toString().substring(prefix.length());
                if (name.startsWith("old-")) {
                    olds.add(p);
                } else if (name.startsWith("staging-")) {
                    stagings.add(p);
                }
            }
        }
        for (Path old : olds) {
            if (!Files.exists(target)) {
                move(old, target);
            } else {
                deleteTree(old);
            }
        }
        for (Path s : stagings) {
            deleteTree(s);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
