package io.fleetsim.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.input.SpecNode;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.ScenarioSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed scenario from which variants are made: each variant applies {@link Setting}s to a deep
 * copy of the document tree and is then validated exactly like a file, so a bad value is refused
 * with the file's line and field path, plus the variation that set it ({@link VariantException}). Thread-safe: the
 * parsed tree is only ever copied.
 */
public final class ScenarioVariant {

    /** The loader is immutable once built, and building it reads the catalog: share one. */
    private static final ScenarioLoader LOADER = new ScenarioLoader();

    private final ScenarioText scenario;
    private final SpecNode root;

    private ScenarioVariant(ScenarioText scenario, SpecNode root) {
        this.scenario = scenario;
        this.root = root;
    }

    /** Parses {@code scenario}; a syntax error is a {@link ScenarioException}. */
    public static ScenarioVariant of(ScenarioText scenario) {
        SpecNode root = SpecDocument.parse(scenario.text(), scenario.displayName(), scenario.json());
        if (!root.isObject()) {
            throw root.error("must be a mapping of fields");
        }
        return new ScenarioVariant(scenario, root);
    }

    /** The scenario as written, validated. */
    public ScenarioSpec base() {
        return bind(List.of());
    }

    /** The document with {@code settings} applied, for reading values of a variant. */
    public ObjectNode tree(List<Setting> settings) {
        return edit(settings, new LinkedHashMap<>());
    }

    /** The variant with {@code settings} applied, validated; a bad one is a {@link VariantException}. */
    public ScenarioSpec bind(List<Setting> settings) {
        Map<String, Setting> byResolvedPath = new LinkedHashMap<>();
        ObjectNode tree = edit(settings, byResolvedPath);
        try {
            return LOADER.bind(root.withTree(tree));
        } catch (ScenarioException e) {
            throw VariantException.refused(e, blame(e.fieldPath(), byResolvedPath),
                    settings.isEmpty() ? null : Configuration.keyOf(settings));
        }
    }

    private ObjectNode edit(List<Setting> settings, Map<String, Setting> byResolvedPath) {
        ObjectNode tree = (ObjectNode) root.copyTree();
        for (Setting s : settings) {
            try {
                byResolvedPath.put(FieldPath.parse(s.path()).set(tree, s.value()), s);
            } catch (FieldPath.PathException e) {
                throw VariantException.pathRefused(scenario.displayName(), s, e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(scenario.displayName(), 0, "", e.getMessage());
            }
        }
        return tree;
    }

    /** The setting that set the field the error is about, or null when none did. */
    private static Setting blame(String errorPath, Map<String, Setting> byResolvedPath) {
        for (Map.Entry<String, Setting> e : byResolvedPath.entrySet()) {
            String p = e.getKey();
            // the field itself, something inside the value it was given, or the block holding it
            if (errorPath.equals(p) || errorPath.startsWith(p + ".") || errorPath.startsWith(p + "[")
                    || p.startsWith(errorPath + ".") || p.startsWith(errorPath + "[")) {
                return e.getValue();
            }
        }
        return null;
    }
}
