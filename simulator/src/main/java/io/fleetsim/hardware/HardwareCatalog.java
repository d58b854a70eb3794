package io.fleetsim.hardware;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The GPUs and models a scenario can name, looked up by catalog name. Immutable. */
public final class HardwareCatalog {

    private final Map<String, Gpu> gpus;
    private final Map<String, LlmModel> models;

    /** Builds a catalog; later entries with the same name replace earlier ones. */
    public HardwareCatalog(Collection<Gpu> gpus, Collection<LlmModel> models) {
        Map<String, Gpu> g = new LinkedHashMap<>();
        gpus.forEach(x -> g.put(x.name(), x));
        Map<String, LlmModel> m = new LinkedHashMap<>();
        models.forEach(x -> m.put(x.name(), x));
        this.gpus = Collections.unmodifiableMap(g);
        this.models = Collections.unmodifiableMap(m);
    }

    /** This catalog with {@code extra} entries added or replacing same-named ones. */
    public HardwareCatalog with(Collection<Gpu> extraGpus, Collection<LlmModel> extraModels) {
        List<Gpu> g = new ArrayList<>(gpus.values());
        g.addAll(extraGpus);
        List<LlmModel> m = new ArrayList<>(models.values());
        m.addAll(extraModels);
        return new HardwareCatalog(g, m);
    }

    /** The GPU with this name, or null. */
    public Gpu gpu(String name) {
        return gpus.get(name);
    }

    /** The model with this name, or null. */
    public LlmModel model(String name) {
        return models.get(name);
    }

    /** All GPUs in catalog order. */
    public Collection<Gpu> gpus() {
        return gpus.values();
    }

    /** All models in catalog order. */
    public Collection<LlmModel> models() {
        return models.values();
    }
}
