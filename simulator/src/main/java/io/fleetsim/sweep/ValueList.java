package io.fleetsim.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code VALUES} of a {@code --vary}: a comma-separated list whose items are single values
 * ({@code 4}, {@code H100-SXM-80GB}, {@code 500ms}) or ranges {@code FROM..TO[:STEP]} of numbers
 * ({@code 2..10:2} is 2, 4, 6, 8, 10; the step defaults to 1), or lists in brackets
 * ({@code [spot,api]}, one value: a route's overflow list). Ranges are computed in decimal, so
 * {@code 0.1..0.3:0.1} is exactly 0.1, 0.2, 0.3.
 */
final class ValueList {

    /** Most values one {@code --vary} may expand to, so a typo cannot ask for a billion runs. */
    static final int MAX_VALUES = 10_000;

    private ValueList() {
    }

    /** The values of {@code text}, in order; an error names what is wrong. */
    static List<String> expand(String text) {
        List<String> out = new ArrayList<>();
        for (String item : items(text)) {
            String v = item.strip();
            if (v.startsWith("[")) {
                v = v.replaceAll("\\s*,\\s*", ",");
            }
            if (v.isEmpty()) {
                throw new IllegalArgumentException("empty value in \"" + text + "\"");
            }
            int dots = v.indexOf("..");
            if (dots >= 0) {
                String[] toAndStep = v.substring(dots + 2).split(":", -1);
                if (toAndStep.length > 2) {
                    throw new IllegalArgumentException("\"" + v + "\" is not a range FROM..TO[:STEP], e.g. 2..10:2");
                }
                out.addAll(range(v, v.substring(0, dots), toAndStep[0], toAndStep.length == 2 ? toAndStep[1] : null));
            } else {
                out.add(v);
            }
            if (out.size() > MAX_VALUES) {
                throw new IllegalArgumentException("more than " + MAX_VALUES + " values");
            }
        }
        if (out.stream().distinct().count() < out.size()) {
            throw new IllegalArgumentException("a value is given twice in \"" + text + "\"");
        }
        return out;
    }

    /** The comma-separated items of {@code text}; commas inside a {@code [...]} list belong to it. */
    private static List<String> items(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    private static List<String> range(String item, String fromText, String toText, String stepText) {
        BigDecimal from = number(item, fromText);
        BigDecimal to = number(item, toText);
        BigDecimal step = stepText == null ? BigDecimal.ONE : number(item, stepText);
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("range " + item + ": the step must be > 0");
        }
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("range " + item + ": TO must not be less than FROM");
        }
        BigDecimal count = to.subtract(from).divideToIntegralValue(step);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) >= 0) {
            throw new IllegalArgumentException("range " + item + " has more than " + MAX_VALUES + " values");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= count.intValue(); i++) {
            BigDecimal v = from.add(step.multiply(BigDecimal.valueOf(i)));
            out.add(v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString());
        }
        return out;
    }

    private static BigDecimal number(String item, String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("range " + item + ": \"" + text.strip() + "\" is not a number");
        }
    }
}
