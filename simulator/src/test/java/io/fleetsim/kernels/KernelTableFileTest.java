package io.fleetsim.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Reading a table a dtype at a time gives exactly what reading it whole with {@link WideCsv#read} gives. */
class KernelTableFileTest {

    private static final List<String> STEMS = List.of("gemm", "context_attention", "generation_attention", "moe",
            "allreduce", "nccl");

    @Test
    void everyShippedTableReadsTheSameByGroupAsWhole() throws Exception {
        int tables = 0;
        for (String directory : KernelIndex.builtIn().directories()) {
            String base = "kernels/" + directory + "/";
            for (String stem : STEMS) {
                KernelTableFile file = KernelTableFile.find(base, stem);
                if (file == null) {
                    continue;
                }
                WideCsv whole = wholeTable(base, stem);
                assertEquals(whole.keys(), file.header().keys());
                assertArrayEquals(whole.axis(), file.header().axis());
                List<WideCsv.Row> byGroup = new ArrayList<>();
                for (String group : file.groups()) {
                    List<WideCsv.Row> rows = file.rows(group);
                    rows.forEach(r -> assertEquals(group, r.key().get(0)));
                    byGroup.addAll(rows);
                }
                // groups are contiguous in the shipped files, so the order is the file's
                assertEquals(whole.rows().size(), byGroup.size(), base + stem);
                for (int i = 0; i < byGroup.size(); i++) {
                    assertEquals(whole.rows().get(i).key(), byGroup.get(i).key());
                    // bit for bit, NaN (not measured) included
                    assertArrayEquals(whole.rows().get(i).microseconds(), byGroup.get(i).microseconds(),
                            base + stem + " row " + i);
                }
                tables++;
            }
        }
        assertTrue(tables >= 30, tables + " tables");
    }

    @Test
    void aDtypeNotInTheTableHasNoRowsAndNoGrid() {
        KernelSet set = KernelSet.load("h100_sxm-vllm-0.24.0");
        assertEquals(List.of(), KernelTableFile.find("kernels/h100_sxm-vllm-0.24.0/", "gemm").rows("no-such-dtype"));
        assertEquals(null, set.gemm("no-such-dtype"));
        assertNotNull(set.gemm("bfloat16"));
        assertTrue(set.contextShapes("no-such-dtype").isEmpty());
        assertEquals(set.contextShapes().stream().filter(s -> s.kvDtype().equals("fp8")).count(),
                set.contextShapes("fp8").size());
    }

    private static WideCsv wholeTable(String base, String stem) throws Exception {
        ClassLoader loader = KernelTableFileTest.class.getClassLoader();
        String name = base + stem + ".csv.gz";
        InputStream raw = loader.getResourceAsStream(name);
        boolean gz = raw != null;
        if (!gz) {
            name = base + stem + ".csv";
            raw = loader.getResourceAsStream(name);
        }
        try (InputStream in = gz ? new GZIPInputStream(raw) : raw) {
            return WideCsv.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), name);
        }
    }
}
