package io.fleetsim.input;

import java.nio.file.Path;

/**
 * A data file a scenario refers to (a dataset of request lengths, say), found relative to the
 * scenario file's folder.
 *
 * @param path        where it is read from
 * @param displayName how errors name it: the path as seen from where the scenario was named
 */
public record DataFile(Path path, String displayName) {
}
