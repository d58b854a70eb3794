package io.fleetsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * How a value typed on the command line becomes a value of the scenario document, as if it had
 * been written in the file: whole numbers and decimals are numbers, {@code true}/{@code false}
 * are flags, {@code [a,b]} is a list of such values, anything else ({@code 500ms}, {@code H100-SXM-80GB}) is text. Where the field
 * already holds text, the value stays text, so a numeric-looking name is not turned into a number.
 */
final class FieldValue {

    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private FieldValue() {
    }

    /** {@code text} as a document value, given what the field held before ({@code null} if absent). */
    static JsonNode toNode(String text, JsonNode previous) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (text.startsWith("[") && text.endsWith("]")) {
            ArrayNode list = f.arrayNode();
            String inside = text.substring(1, text.length() - 1).strip();
            if (!inside.isEmpty()) {
                for (String item : inside.split(",", -1)) {
                    list.add(toNode(item.strip(), null));
                }
            }
            return list;
        }
        if (previous != null && previous.isTextual()) {
            return f.textNode(text);
        }
        if (WHOLE.matcher(text).matches()) {
            BigInteger v = new BigInteger(text);
            return v.bitLength() < 32 ? f.numberNode(v.intValue())
                    : v.bitLength() < 64 ? f.numberNode(v.longValue()) : f.numberNode(v);
        }
        if (DECIMAL.matcher(text).matches()) {
            return f.numberNode(Double.parseDouble(text));
        }
        if (text.equals("true") || text.equals("false")) {
            return f.booleanNode(Boolean.parseBoolean(text));
        }
        return f.textNode(text);
    }
}
