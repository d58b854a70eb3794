package io.fleetsim.cost;

import io.fleetsim.spec.PoolKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Default GPU-hour prices by GPU and pool kind, each with where it comes from. Immutable. */
public final class PriceBook {

    /**
     * One default price.
     *
     * @param gpu           catalog GPU name
     * @param kind          pool kind it applies to
     * @param usdPerGpuHour the price
     * @param source        where it comes from
     */
    public record GpuHourPrice(String gpu, PoolKind kind, double usdPerGpuHour, String source) {
    }

    private final Map<String, GpuHourPrice> prices = new LinkedHashMap<>();

    /** A book of these prices (a later entry for the same GPU and kind wins). */
    public PriceBook(List<GpuHourPrice> entries) {
        entries.forEach(p -> prices.put(key(p.gpu(), p.kind()), p));
    }

    /** The default price of {@code gpu} bought as {@code kind}, or null. */
    public GpuHourPrice find(String gpu, PoolKind kind) {
        return prices.get(key(gpu, kind));
    }

    private static String key(String gpu, PoolKind kind) {
        return gpu + "/" + kind.id();
    }
}
