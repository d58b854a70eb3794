package io.fleetsim.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Line numbers of every field path in a parsed document. Jackson's tree model drops locations, so
 * the document is read once more as a token stream to recover them for error messages; only when
 * an error needs a line ({@link #onDemand}), as a valid document never does.
 */
final class SourceMap {

    private final Map<String, Integer> lines = new HashMap<>();
    private final JsonFactory factory;
    private final String text;
    private volatile boolean read;

    private SourceMap(JsonFactory factory, String text) {
        this.factory = factory;
        this.text = text;
        this.read = factory == null;
    }

    /** The lines of {@code text}, a document {@code factory} has already parsed, read at the first question. */
    static SourceMap onDemand(JsonFactory factory, String text) {
        return new SourceMap(factory, text);
    }

    /** Reads the whole token stream of {@code parser} and records the line of each path. */
    static SourceMap read(JsonParser parser) throws IOException {
        SourceMap map = new SourceMap(null, null);
        map.record(parser);
        return map;
    }

    private void record(JsonParser parser) throws IOException {
        Deque<Frame> stack = new ArrayDeque<>();
        String pendingField = null;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            int line = parser.currentLocation().getLineNr();
            if (token == JsonToken.FIELD_NAME) {
                pendingField = parser.currentName();
                Frame top = stack.peek();
                lines.putIfAbsent(SpecNode.childPath(top == null ? "" : top.path, pendingField),
                        parser.currentTokenLocation().getLineNr());
                continue;
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                stack.pop();
                continue;
            }
            String path = valuePath(stack, pendingField);
            pendingField = null;
            if (token.isNumeric()) {
                try {
                    parser.getNumberValue();
                } catch (JsonParseException e) {
                    throw new UnreadableValue(path, e);
                }
            }
            if (!stack.isEmpty() && stack.peek().isArray) {
                lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
            }
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                lines.putIfAbsent(path, line);
                stack.push(new Frame(path, token == JsonToken.START_ARRAY));
            }
        }
    }

    /** A value the parser could not read, with the field path it was the value of. */
    static final class UnreadableValue extends IOException {
        private static final long serialVersionUID = 1L;
        final String path;
        final transient JsonParseException cause;

        UnreadableValue(String path, JsonParseException cause) {
            super(cause.getOriginalMessage(), cause);
            this.path = path;
            this.cause = cause;
        }
    }

    private static String valuePath(Deque<Frame> stack, String field) {
        Frame top = stack.peek();
        if (top == null) {
            return "";
        }
        if (top.isArray) {
            return top.path + "[" + top.nextIndex++ + "]";
        }
        return SpecNode.childPath(top.path, field);
    }

    /** Line of {@code path}, or of its nearest ancestor that has one, or 0. */
    int lineOf(String path) {
        readIfNeeded();
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
    }

    private synchronized void readIfNeeded() {
        if (read) {
            return;
        }
        read = true;
        try (JsonParser parser = factory.createParser(text)) {
            record(parser);
        } catch (IOException e) {
            // the document parsed as a tree: keep the lines recorded before a value the stream cannot read
        }
    }

    private static final class Frame {
        final String path;
        final boolean isArray;
        int nextIndex;

        Frame(String path, boolean isArray) {
            this.path = path;
            this.isArray = isArray;
        }
    }
}
