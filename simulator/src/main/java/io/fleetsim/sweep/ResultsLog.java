package io.fleetsim.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The results file of a sweep: one JSON line per finished unit of work ({@link PointResult}),
 * appended and flushed as each finishes, so an interrupted sweep loses only the runs in progress.
 * Opening an existing file reads what is there so a rerun can skip it; a half-written last line
 * (the process was killed while writing it) is cut off first, so appends start on a fresh line.
 * Lines that do not read as a result are skipped.
 */
public final class ResultsLog implements Closeable {

    private final Path file;
    private final Map<PointKey, PointResult> finished;
    private final int skippedLines;
    private final FileChannel channel;

    private ResultsLog(Path file, Map<PointKey, PointResult> finished, int skippedLines, FileChannel channel) {
        this.file = file;
        this.finished = finished;
        this.skippedLines = skippedLines;
        this.channel = channel;
    }

    /** Opens (or creates) {@code file}, reading the results already in it. */
    public static ResultsLog open(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        int complete = 0;
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                complete = i + 1;
                break;
            }
        }
        Map<PointKey, PointResult> finished = new HashMap<>();
        int skipped = 0;
        String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                PointResult r = SweepJson.read(line, PointResult.class);
                finished.put(r.key(), r);
            } catch (JsonProcessingException | RuntimeException e) {
                skipped++;
            }
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.truncate(complete);
        channel.position(complete);
        return new ResultsLog(file, finished, skipped + (complete < bytes.length ? 1 : 0), channel);
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The result of {@code key} if it is in the file, else null. */
    public synchronized PointResult find(PointKey key) {
        return finished.get(key);
    }

    /** Results in the file. */
    public synchronized int size() {
        return finished.size();
    }

    /** Lines that could not be read when the file was opened (a cut-off last line included). */
    public int skippedLines() {
        return skippedLines;
    }

    /** Appends {@code result} as one line, handed to the operating system before returning. */
    public synchronized void append(PointResult result) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((SweepJson.write(result) + "\n").getBytes(StandardCharsets.UTF_8));
        // one write call per line: a kill leaves at worst one partial line, which open() cuts off
        while (line.hasRemaining()) {
            channel.write(line);
        }
        finished.put(result.key(), result);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
