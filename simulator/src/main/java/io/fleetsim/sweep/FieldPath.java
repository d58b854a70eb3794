package io.fleetsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A field of a scenario document named on the command line: dotted field names, list elements by
 * index or by name, e.g. {@code workload.arrivals.rate_per_s}, {@code pools[0].replicas},
 * {@code pools[reserved].batching.max_num_seqs}, {@code workload.routes[chat].slo.ttft}. A name
 * selects the element whose {@code name} field has that value.
 *
 * @param text     the path as written
 * @param segments its parts, in order
 */
public record FieldPath(String text, List<Segment> segments) {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[[^\\[\\]]+\\])*)");
    private static final Pattern SELECTOR = Pattern.compile("\\[([^\\[\\]]+)\\]");

    public FieldPath {
        segments = List.copyOf(segments);
    }

    /**
     * One field of an object followed by zero or more list selectors.
     *
     * @param field     field name
     * @param selectors list elements, each an index ({@code 0}) or an element name
     */
    public record Segment(String field, List<String> selectors) {
        public Segment {
            selectors = List.copyOf(selectors);
        }
    }

    /** Parses {@code text}; throws a {@link SweepInputException} naming it when it is not a path. */
    public static FieldPath parse(String text) {
        List<Segment> segments = new ArrayList<>();
        for (String part : text.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new SweepInputException(SweepInput.VARIATION, text, "not a field path; write field names "
                        + "separated by dots, list elements by index or name, e.g. pools[0].replicas, "
                        + "pools[reserved].replicas, workload.arrivals.rate_per_s");
            }
            List<String> selectors = new ArrayList<>();
            Matcher s = SELECTOR.matcher(m.group(2));
            while (s.find()) {
                selectors.add(s.group(1).strip());
            }
            segments.add(new Segment(m.group(1), selectors));
        }
        return new FieldPath(text, segments);
    }

    /** True when this path is a pool's replica count, {@code pools[...].replicas}: a capacity. */
    public boolean isPoolReplicas() {
        return segments.size() == 2 && segments.get(0).field().equals("pools")
                && segments.get(0).selectors().size() == 1 && segments.get(1).field().equals("replicas")
                && segments.get(1).selectors().isEmpty();
    }

    /**
     * The name of the pool a {@code pools[...]} path selects in {@code root}: the selector itself
     * when it is a name, the element's {@code name} when it is an index.
     */
    public String poolName(ObjectNode root) {
        JsonNode pools = root.get("pools");
        String selector = segments.get(0).selectors().get(0);
        if (!(pools instanceof ArrayNode list)) {
            throw new PathException("the scenario has no pools");
        }
        JsonNode name = list.get(elementIndex(list, selector, "pools")).get("name");
        return name == null ? selector : name.asText();
    }

    /**
     * A short column label: {@code reserved.replicas} for {@code pools[reserved].replicas},
     * {@code pools[0].replicas} for itself, the last two fields otherwise.
     */
    public String label() {
        if (segments.size() == 1) {
            return text;
        }
        Segment parent = segments.get(segments.size() - 2);
        Segment last = segments.get(segments.size() - 1);
        String selector = parent.selectors().isEmpty() ? null : parent.selectors().get(parent.selectors().size() - 1);
        // a name says which element; an index says little without the list's name
        String parentName = selector == null ? parent.field()
                : selector.chars().allMatch(Character::isDigit) ? parent.field() + "[" + selector + "]" : selector;
        return parentName + "." + last.field() + last.selectors().stream().map(s -> "[" + s + "]")
                .reduce("", String::concat);
    }

    /**
     * Sets the field in {@code root} to {@code value}, creating missing objects on the way (the
     * scenario's validation then says whether the field may be there). Returns the path with every
     * element named by its index, as validation errors name it, e.g. {@code pools[0].replicas}.
     * Throws {@link PathException} when the path leads nowhere in this document.
     */
    public String set(ObjectNode root, String value) {
        JsonNode current = root;
        StringBuilder resolved = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            Segment seg = segments.get(i);
            boolean leaf = i == segments.size() - 1 && seg.selectors().isEmpty();
            if (resolved.length() > 0) {
                resolved.append('.');
            }
            resolved.append(seg.field());
            if (!(current instanceof ObjectNode object)) {
                throw new PathException(resolvedParent(resolved) + " is not a mapping of fields, so it has no field '"
                        + seg.field() + "'");
            }
            JsonNode child = object.get(seg.field());
            if (leaf) {
                object.set(seg.field(), FieldValue.toNode(value, child));
                return resolved.toString();
            }
            if (child == null || child.isNull()) {
                if (!seg.selectors().isEmpty()) {
                    throw new PathException("the scenario has no " + resolved);
                }
                child = object.putObject(seg.field());
            }
            for (int s = 0; s < seg.selectors().size(); s++) {
                String selector = seg.selectors().get(s);
                if (!(child instanceof ArrayNode list)) {
                    throw new PathException(resolved + " is not a list, so it has no element [" + selector + "]");
                }
                int index = elementIndex(list, selector, resolved.toString());
                resolved.append('[').append(index).append(']');
                child = list.get(index);
                if (i == segments.size() - 1 && s == seg.selectors().size() - 1) {
                    throw new PathException(resolved + " is a whole list element; name one of its fields, "
                            + "e.g. " + text + ".replicas");
                }
            }
            current = child;
        }
        throw new AssertionError("a path has at least one segment");
    }

    private static String resolvedParent(StringBuilder resolved) {
        int cut = resolved.lastIndexOf(".");
        return cut < 0 ? "the document" : resolved.substring(0, cut);
    }

    private static int elementIndex(ArrayNode list, String selector, String listPath) {
        if (selector.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(selector);
            if (index >= list.size()) {
                throw new PathException(listPath + " has " + list.size() + " element" + (list.size() == 1 ? "" : "s")
                        + " (index 0" + (list.size() > 1 ? " to " + (list.size() - 1) : "") + "), no [" + index + "]");
            }
            return index;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode name = list.get(i).get("name");
            if (name != null && name.isTextual()) {
                if (name.textValue().equals(selector)) {
                    return i;
                }
                names.add(name.textValue());
            }
        }
        throw new PathException("no element of " + listPath + " is named '" + selector + "'"
                + (names.isEmpty() ? "" : "; names: " + String.join(", ", names)));
    }

    /** A path that does not lead to a field of the document; the message says why. */
    public static final class PathException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PathException(String problem) {
            super(problem);
        }
    }
}
