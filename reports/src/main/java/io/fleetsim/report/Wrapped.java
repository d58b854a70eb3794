package io.fleetsim.report;

/** Word-wrapping of prose for the terminal, so long sentences stay inside its width. */
final class Wrapped {

    private Wrapped() {
    }

    /** {@code text} broken at spaces into lines of at most {@code width} characters, each ending in a newline. */
    static String text(String text, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append("  ");
            }
            if (line.length() > 0 && !line.toString().isBlank()) {
                line.append(' ');
            }
            line.append(word);
        }
        return out.append(line).append('\n').toString();
    }
}
