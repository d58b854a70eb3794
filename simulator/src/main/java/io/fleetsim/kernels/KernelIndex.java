package io.fleetsim.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which kernel tables ship ({@code kernels/index.csv}): one entry per engine version and GPU.
 * Loaded tables are kept, so every pool on the same engine version and GPU shares one.
 *
 * <p>A GPU without measured tables of its own may borrow a sibling's ({@code kernels/stand-ins.csv}):
 * Blackwell Ultra (B300, GB300) has its Blackwell sibling's HBM bandwidth, bf16 and fp8 tensor
 * throughput and NVLink, so the sibling's measured kernels are nearer the truth than a roofline
 * with guessed efficiencies. Such entries name the GPU the tables were measured on
 * ({@link Entry#measuredOn}), and reports say so.
 */
public final class KernelIndex {

    /**
     * One shipped table set.
     *
     * @param directory folder under {@code kernels/}
     * @param system    the database's system name
     * @param engine    {@code vllm}, {@code trtllm} or {@code sglang}
     * @param version   engine version as the data names it
     * @param gpu       catalog GPU name the entry serves
     * @param measuredOn catalog GPU the tables were measured on: {@code gpu}, or the sibling whose
     *                  tables stand in for it
     */
    public record Entry(String directory, String system, String engine, String version, String gpu,
                        String measuredOn) {

        /** Tables measured on the GPU they serve. */
        public Entry(String directory, String system, String engine, String version, String gpu) {
            this(directory, system, engine, version, gpu, gpu);
        }

        /** Whether the tables were measured on another GPU than the one they serve. */
        public boolean standsIn() {
            return !measuredOn.equals(gpu);
        }
    }

    private static final class BuiltIn {
        static final KernelIndex INDEX = load();
    }

    private final List<Entry> entries;
    private final Map<String, KernelSet> loaded = new ConcurrentHashMap<>();

    KernelIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The tables shipped in the jar. */
    public static KernelIndex builtIn() {
        return BuiltIn.INDEX;
    }

    /** All entries in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Directory names of all shipped table sets (each once, borrowed ones not repeated). */
    public List<String> directories() {
        return entries.stream().filter(e -> !e.standsIn()).map(Entry::directory).toList();
    }

    /** The entry of {@code engine} {@code version} on {@code gpu}. */
    public Optional<Entry> find(String engine, String version, String gpu) {
        return entries.stream().filter(e -> e.engine().equals(engine) && e.version().equals(version)
                && e.gpu().equals(gpu)).findFirst();
    }

    /** The newest version of {@code engine} with tables for {@code gpu}. */
    public Optional<Entry> newest(String engine, String gpu) {
        return entries.stream().filter(e -> e.engine().equals(engine) && e.gpu().equals(gpu))
                .max(Comparator.comparing(Entry::version, KernelIndex::compareVersions));
    }

    /**
     * The tables of {@code engine} on {@code gpu} closest to {@code version}: the newest version
     * not after it, else the oldest after it; empty when the engine has no tables for the GPU.
     * For measured points of an engine version without tables (the caller should say which
     * version stood in for it).
     */
    public Optional<Entry> closest(String engine, String version, String gpu) {
        List<Entry> same = entries.stream().filter(e -> e.engine().equals(engine) && e.gpu().equals(gpu))
                .sorted(Comparator.comparing(Entry::version, KernelIndex::compareVersions)).toList();
        Optional<Entry> notAfter = same.stream().filter(e -> compareVersions(e.version(), version) <= 0)
                .reduce((a, b) -> b);
        return notAfter.isPresent() ? notAfter : same.stream().findFirst();
    }

    /**
     * The version a pool of {@code engine} on {@code gpu} runs when it names none: the newest with
     * tables for the GPU, else the newest with tables anywhere, else {@code unknown}.
     */
    public String defaultVersion(String engine, String gpu) {
        return newest(engine, gpu).map(Entry::version).orElseGet(() -> {
            List<String> all = versions(engine);
            return all.isEmpty() ? "unknown" : all.get(all.size() - 1);
        });
    }

    /** Versions of {@code engine} with tables on any GPU, oldest first. */
    public List<String> versions(String engine) {
        return entries.stream().filter(e -> e.engine().equals(engine)).map(Entry::version).distinct()
                .sorted(KernelIndex::compareVersions).toList();
    }

    /** The loaded tables of {@code entry}. */
    public KernelSet tables(Entry entry) {
        return loaded.computeIfAbsent(entry.directory(), KernelSet::load);
    }

    /** Compares dotted versions numerically part by part ({@code 0.9 < 0.24.0 < 1.3.0rc20}). */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("[.]");
        String[] y = b.split("[.]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = Long.compare(leadingNumber(p), leadingNumber(q));
            if (c == 0) {
                c = p.compareTo(q);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long leadingNumber(String s) {
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        return i == 0 ? 0 : Long.parseLong(s.substring(0, Math.min(i, 18)));
    }

    private static KernelIndex load() {
        List<Entry> out = new ArrayList<>();
        for (String[] f : rows("kernels/index.csv")) {
            out.add(new Entry(f[0], f[1], f[2], f[3], f[4]));
        }
        List<Entry> borrowed = new ArrayList<>();
        for (String[] f : rows("kernels/stand-ins.csv")) {
            String gpu = f[0];
            String sibling = f[1];
            for (Entry e : out) {
                if (e.gpu().equals(sibling)) {
                    borrowed.add(new Entry(e.directory(), e.system(), e.engine(), e.version(), gpu, sibling));
                }
            }
        }
        out.addAll(borrowed);
        return new KernelIndex(out);
    }

    /** The comma-separated rows of a shipped CSV resource after its header; none when it is absent. */
    private static List<String[]> rows(String resource) {
        try (InputStream in = KernelIndex.class.getClassLoader().getResourceAsStream(resource)) {
            List<String[]> out = new ArrayList<>();
            if (in == null) {
                return out;
            }
            boolean header = true;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                out.add(line.trim().split(","));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
