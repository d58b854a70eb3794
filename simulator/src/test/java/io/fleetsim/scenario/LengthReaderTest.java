package io.fleetsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.ScenarioException;
import io.fleetsim.input.SpecDocument;
import io.fleetsim.spec.LengthColumn;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.spec.RequestShapeSpec;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.spec.ScenarioSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Length distributions in scenario files: each {@code dist} binds to its spec, bad parameters
 * are errors naming the field and what is allowed, and dataset files are checked when loaded,
 * errors about their contents naming the data file, its line and the row.
 */
class LengthReaderTest {

    /** The scenario's name in errors: dataset files are shown relative to its folder. */
    private static final String FILE = "scenarios/test.yaml";

    @TempDir
    Path tmp;

    /** A scenario whose only route has the given length fields (on lines 8 and on). */
    private static String scenario(String lengthFields) {
        return """
                name: t
                horizon: 1m
                workload:
                  arrivals: {process: poisson, rate_per_s: 1}
                  routes:
                    - name: chat
                      slo: {ttft: 1s, tpot: 50ms}
                """ + lengthFields.indent(6) + """
                pools:
                  - {name: p, kind: reserved, replicas: 1, gpu: H100-SXM-80GB, model: llama-3.1-8b,
                     usd_per_gpu_hour: 2.5}
                """;
    }

    private RouteSpec bind(String lengthFields) {
        return new ScenarioLoader().bind(SpecDocument.parse(scenario(lengthFields), FILE, false, tmp))
                .workload().routes().get(0);
    }

    private LengthSpec prompt(String promptFields) {
        return bind("prompt_tokens: " + promptFields + "\noutput_tokens: {dist: fixed, tokens: 1}").promptTokens();
    }

    private ScenarioException promptFails(String promptFields) {
        return assertThrows(ScenarioException.class, () -> prompt(promptFields));
    }

    private ScenarioException fails(String lengthFields) {
        return assertThrows(ScenarioException.class, () -> bind(lengthFields));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(tmp.resolve(name), text);
    }

    private static void assertError(ScenarioException e, String file, int line, String path, String... says) {
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(path, e.fieldPath(), e.getMessage());
        for (String s : says) {
            assertTrue(e.problem().contains(s), "expected '" + s + "' in: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- valid distributions

    @Test
    void everyDistributionBinds() throws IOException {
        assertEquals(new LengthSpec.Fixed(512), prompt("{dist: fixed, tokens: 512}"));
        assertEquals(new LengthSpec.Uniform(100, 2000), prompt("{dist: uniform, min: 100, max: 2000}"));
        assertEquals(new LengthSpec.TruncatedNormal(300, 120, 20, 1024),
                prompt("{dist: normal, mean: 300, sd: 120, min: 20, max: 1024}"));
        assertEquals(new LengthSpec.TruncatedNormal(300, 120, 1, LengthSpec.MAX_TOKENS),
                prompt("{dist: normal, mean: 300, sd: 120}"));
        assertEquals(new LengthSpec.Lognormal(6.5, 0.9, 1, LengthSpec.MAX_TOKENS),
                prompt("{dist: lognormal, mu: 6.5, sigma: 0.9}"));
        assertEquals(new LengthSpec.Pareto(200, 1.5, 100_000), prompt("{dist: pareto, scale: 200, alpha: 1.5, max: 100000}"));
        assertEquals(new LengthSpec.Pareto(200, 1.5, LengthSpec.MAX_TOKENS), prompt("{dist: pareto, scale: 200, alpha: 1.5}"));

        write("d.csv", "\uFEFFtokens,\"count\"\r\n5,1\r\n\"7\",2.5\r\n9.0,0\r\n\r\n");
        LengthSpec.Empirical plain = assertInstanceOf(LengthSpec.Empirical.class,
                prompt("{dist: empirical, file: d.csv, column: tokens}"));
        assertEquals(LengthColumn.of("scenarios/d.csv, column tokens", new int[] {5, 7, 9}), plain.column());
        assertEquals(7, plain.mean(), 1e-12);
        LengthSpec.Empirical histogram = assertInstanceOf(LengthSpec.Empirical.class,
                prompt("{dist: empirical, file: d.csv, column: tokens, weight_column: count}"));
        assertEquals((5 + 7 * 2.5) / 3.5, histogram.mean(), 1e-12);
    }

    @Test
    void datasetPairsBindBothLengths() throws IOException {
        write("pairs.csv", "in,out,other\n100,10,x\n200,20,y\n");
        RouteSpec r = bind("lengths: {dist: dataset, file: pairs.csv, prompt_column: in, output_column: out}");
        RequestShapeSpec.JointDataset pairs = assertInstanceOf(RequestShapeSpec.JointDataset.class, r.lengths());
        assertEquals(2, pairs.size());
        assertEquals(200, pairs.prompts().tokens(1));
        assertEquals(20, pairs.outputs().tokens(1));
        assertEquals(150, r.promptTokens().mean(), 1e-12);
        assertEquals(15, r.outputTokens().mean(), 1e-12);
    }

    @Test
    void meansOfTheTruncatedDistributions() {
        // Symmetric truncation leaves the mean; the bounded Pareto's has a closed form.
        assertEquals(300, new LengthSpec.TruncatedNormal(300, 100, 100, 500).mean(), 1e-9);
        assertEquals(1050, new LengthSpec.Uniform(100, 2000).mean(), 1e-12);
        double kept = 1 - Math.pow(100.0 / 2000, 2);
        assertEquals(2 * 100 * (1 - 100.0 / 2000) / kept, new LengthSpec.Pareto(100, 2, 2000).mean(), 1e-9);
        assertEquals(100 * Math.log(20) / (1 - 100.0 / 2000), new LengthSpec.Pareto(100, 1, 2000).mean(), 1e-9);
    }

    // ---------------------------------------------------------------- bad parameters

    @Test
    void uniformMaxBelowMin() {
        assertError(promptFails("{dist: uniform, min: 500, max: 100}"), FILE, 8, "workload.routes[0].prompt_tokens.max",
                "must be >= min (500)");
    }

    @Test
    void normalNeedsPositiveSd() {
        assertError(promptFails("{dist: normal, mean: 300, sd: 0}"), FILE, 8, "workload.routes[0].prompt_tokens.sd",
                "must be > 0 (got 0)");
        assertError(promptFails("{dist: normal, mean: 300, sd: -5}"), FILE, 8, "workload.routes[0].prompt_tokens.sd",
                "must be > 0");
    }

    @Test
    void normalMaxBelowMin() {
        assertError(promptFails("{dist: normal, mean: 300, sd: 10, min: 400, max: 200}"), FILE, 8,
                "workload.routes[0].prompt_tokens.max", "must be >= min (400)");
    }

    @Test
    void normalWithBoundsHoldingAlmostNothing() {
        assertError(promptFails("{dist: normal, mean: 10, sd: 2, min: 100}"), FILE, 8, "workload.routes[0].prompt_tokens",
                "at least 1% must fall inside", "[100, 100000000]");
    }

    @Test
    void paretoNeedsPositiveAlphaAndScaleOfAtLeastOne() {
        assertError(promptFails("{dist: pareto, scale: 100, alpha: 0}"), FILE, 8, "workload.routes[0].prompt_tokens.alpha",
                "must be > 0 (got 0)");
        assertError(promptFails("{dist: pareto, scale: 0.5, alpha: 1}"), FILE, 8, "workload.routes[0].prompt_tokens.scale",
                "must be between 1 and 100000000");
        assertError(promptFails("{dist: pareto, scale: 100, alpha: 1, max: 50}"), FILE, 8,
                "workload.routes[0].prompt_tokens.max", "must be >= scale (100)");
    }

    @Test
    void unknownDistListsTheAllowedOnes() {
        assertError(promptFails("{dist: gamma, k: 2}"), FILE, 8, "workload.routes[0].prompt_tokens.dist",
                "must be one of fixed, uniform, normal, lognormal, pareto, empirical");
        assertError(promptFails("{dist: uniform, min: 1, max: 2, mean: 1}"), FILE, 8,
                "workload.routes[0].prompt_tokens.mean", "unknown field; allowed here: dist, min, max");
    }

    @Test
    void lengthsAndPromptTokensTogether() throws IOException {
        write("pairs.csv", "in,out\n1,2\n");
        ScenarioException e = fails("lengths: {dist: dataset, file: pairs.csv, prompt_column: in, output_column: out}\n"
                + "prompt_tokens: {dist: fixed, tokens: 1}");
        assertError(e, FILE, 9, "workload.routes[0].prompt_tokens", "not allowed together with 'lengths'");
    }

    @Test
    void noLengthsAtAll() {
        assertError(fails(""), FILE, 6, "workload.routes[0]", "'prompt_tokens' and 'output_tokens'", "'lengths'");
    }

    @Test
    void pairsNeedDistDataset() throws IOException {
        write("pairs.csv", "in,out\n1,2\n");
        assertError(fails("lengths: {dist: empirical, file: pairs.csv, prompt_column: in, output_column: out}"),
                FILE, 8, "workload.routes[0].lengths.dist", "must be one of dataset");
    }

    // ---------------------------------------------------------------- dataset files

    @Test
    void missingFile() {
        assertError(promptFails("{dist: empirical, file: nope.csv, column: x}"), FILE, 8,
                "workload.routes[0].prompt_tokens.file", "no such file: scenarios/nope.csv",
                "relative to the folder of " + FILE);
    }

    @Test
    void emptyFile() throws IOException {
        write("empty.csv", "\n\n");
        assertError(promptFails("{dist: empirical, file: empty.csv, column: x}"), FILE, 8,
                "workload.routes[0].prompt_tokens.file", "scenarios/empty.csv is empty");
    }

    @Test
    void headerWithoutRows() throws IOException {
        write("header.csv", "x,y\n");
        assertError(promptFails("{dist: empirical, file: header.csv, column: x}"), FILE, 8,
                "workload.routes[0].prompt_tokens.file", "scenarios/header.csv has a header row but no data rows");
    }

    @Test
    void missingColumnNamesTheColumnsThereAre() throws IOException {
        write("pairs.csv", "input_tokens,output_tokens\n1,2\n");
        ScenarioException e = fails("""
                lengths:
                  dist: dataset
                  file: pairs.csv
                  prompt_column: input_tokens
                  output_column: output
                """);
        assertError(e, FILE, 12, "workload.routes[0].lengths.output_column",
                "no column 'output' in scenarios/pairs.csv; its columns are: input_tokens, output_tokens");
    }

    @Test
    void malformedValueNamesFileLineRowAndColumn() throws IOException {
        write("bad.csv", "input_tokens,output_tokens\n10,20\n30,40\n50,n/a\n");
        ScenarioException e = fails("lengths: {dist: dataset, file: bad.csv, prompt_column: input_tokens, "
                + "output_column: output_tokens}");
        assertError(e, "scenarios/bad.csv", 4, "", "row 3, column output_tokens: must be a number (got \"n/a\")");
        assertEquals("scenarios/bad.csv:4: row 3, column output_tokens: must be a number (got \"n/a\")", e.getMessage());
    }

    @Test
    void lengthsMustBeWholeAndPositive() throws IOException {
        write("zero.csv", "t\n5\n0\n");
        assertError(promptFails("{dist: empirical, file: zero.csv, column: t}"), "scenarios/zero.csv", 3, "",
                "row 2, column t: must be a whole number from 1 to 100000000 (got \"0\")");
        write("half.csv", "t\n5\n2.5\n");
        assertError(promptFails("{dist: empirical, file: half.csv, column: t}"), "scenarios/half.csv", 3, "",
                "row 2", "whole number");
        write("hex.csv", "t\n12d\n");
        assertError(promptFails("{dist: empirical, file: hex.csv, column: t}"), "scenarios/hex.csv", 2, "",
                "row 1", "must be a number (got \"12d\")");
    }

    @Test
    void rowWithTheWrongNumberOfFields() throws IOException {
        write("short.csv", "a,b\n1,2\n3\n");
        assertError(promptFails("{dist: empirical, file: short.csv, column: a}"), "scenarios/short.csv", 3, "",
                "row 2 has 1 fields; the header has 2 (a, b)");
        write("gap.csv", "a\n1\n\n2\n");
        assertError(promptFails("{dist: empirical, file: gap.csv, column: a}"), "scenarios/gap.csv", 3, "",
                "row 2 is empty");
        write("quote.csv", "a\n\"1\n");
        assertError(promptFails("{dist: empirical, file: quote.csv, column: a}"), "scenarios/quote.csv", 2, "",
                "row 1: unclosed quote");
    }

    @Test
    void quotedFieldsMaySpanLinesAndErrorsNameTheLineTheRowStartsOn() throws IOException {
        write("notes.csv", "\uFEFF\"tokens\",note\n3,\"two\nlines, and a \"\"quote\"\"\"\n5,plain\n");
        LengthSpec.Empirical spec = assertInstanceOf(LengthSpec.Empirical.class,
                prompt("{dist: empirical, file: notes.csv, column: tokens}"));
        assertEquals(LengthColumn.of("scenarios/notes.csv, column tokens", new int[] {3, 5}), spec.column());
        // the second data row starts on line 4, after the first row's two lines
        write("bad-notes.csv", "tokens,note\n3,\"two\nlines\"\nx,plain\n");
        assertError(promptFails("{dist: empirical, file: bad-notes.csv, column: tokens}"), "scenarios/bad-notes.csv",
                4, "", "row 2, column tokens: must be a number (got \"x\")");
    }

    @Test
    void badWeights() throws IOException {
        write("w.csv", "t,w\n5,1\n6,-1\n");
        assertError(promptFails("{dist: empirical, file: w.csv, column: t, weight_column: w}"), "scenarios/w.csv", 3,
                "", "row 2, column w: must be a number >= 0 (got \"-1\")");
        write("z.csv", "t,w\n5,0\n6,0\n");
        assertError(promptFails("{dist: empirical, file: z.csv, column: t, weight_column: w}"), FILE, 8,
                "workload.routes[0].prompt_tokens.weight_column", "must have a finite total > 0");
    }

    @Test
    void duplicateHeader() throws IOException {
        write("dup.csv", "a,a\n1,2\n");
        assertError(promptFails("{dist: empirical, file: dup.csv, column: a}"), "scenarios/dup.csv", 1, "",
                "must name each column once");
    }

    @Test
    void filesResolveAgainstTheScenarioFolder() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("scenarios"));
        Files.writeString(folder.resolve("data.csv"), "t\n42\n");
        Path scenario = folder.resolve("s.yaml");
        Files.writeString(scenario, scenario("prompt_tokens: {dist: empirical, file: data.csv, column: t}\n"
                + "output_tokens: {dist: fixed, tokens: 1}"));
        ScenarioSpec s = new ScenarioLoader().load(scenario, "elsewhere/s.yaml");
        LengthSpec.Empirical e = assertInstanceOf(LengthSpec.Empirical.class, s.workload().routes().get(0).promptTokens());
        assertEquals("elsewhere/data.csv, column t", e.column().source());
    }
}
