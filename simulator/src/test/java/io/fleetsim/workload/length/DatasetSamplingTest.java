package io.fleetsim.workload.length;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.scenario.ScenarioLoader;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.spec.RequestShapeSpec;
import io.fleetsim.spec.RouteSpec;
import io.fleetsim.workload.LengthSampler;
import io.fleetsim.workload.RequestShape;
import io.fleetsim.workload.RequestShapeSampler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resampling the shipped datasets: a column resampled on its own keeps the file's mean and
 * quantiles; pairs resampled together keep the file's prompt/output correlation, which
 * resampling the same two columns independently destroys. Reference figures are computed here
 * from the CSV text directly, not through the scenario loader.
 */
@Tag("statistical")
class DatasetSamplingTest {

    private TestReporter reporter;

    @BeforeEach
    void keepReporter(TestReporter testReporter) {
        reporter = testReporter;
    }

    /** Measured values go to the test report (target/surefire-reports), not to the console. */
    private void report(String format, Object... args) {
        reporter.publishEntry(String.format(Locale.ROOT, format, args).strip());
    }

    private static final Path SCENARIOS = Path.of("..", "scenarios").toAbsolutePath().normalize();
    private static final String SHAREGPT = "datasets/sharegpt_first_turn_lengths_opt_tokenizer.csv";
    private static final String ARXIV = "datasets/arxiv_summarization_stats_llama2_tokenizer_filtered_v2.csv";

    /** 50,000 pairs: the standard error of a sample correlation is about 0.005. */
    private static final int PAIRS = 50_000;
    private static final double CORRELATION_TOLERANCE = 0.02;

    private static Columns sharegpt;
    private static Columns arxiv;

    @TempDir
    Path tmp;

    /** A dataset's two columns, as the file has them. */
    private record Columns(double[] prompts, double[] outputs) {
    }

    @BeforeAll
    static void readFiles() throws IOException {
        sharegpt = readCsv(SCENARIOS.resolve(SHAREGPT), 0, 1);
        arxiv = readCsv(SCENARIOS.resolve(ARXIV), 0, 1);
        assertEquals(84_226, sharegpt.prompts().length);
        assertEquals(28_257, arxiv.prompts().length);
    }

    private static Columns readCsv(Path file, int promptColumn, int outputColumn) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        double[] prompts = new double[lines.size() - 1];
        double[] outputs = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            prompts[i - 1] = Double.parseDouble(cells[promptColumn]);
            outputs[i - 1] = Double.parseDouble(cells[outputColumn]);
        }
        return new Columns(prompts, outputs);
    }

    /** The one route of a scenario whose workload is {@code routeYaml}, read from the scenarios folder. */
    private static RouteSpec route(String routeYaml, Path folder) {
        String text = """
                name: t
                horizon: 1m
                workload:
                  arrivals: {process: poisson, rate_per_s: 1}
                  routes:
                    - name: r
                      slo: {ttft: 1s, tpot: 50ms}
                """ + routeYaml.indent(6) + """
                pools:
                  - {name: p, kind: reserved, replicas: 1, gpu: H100-SXM-80GB, model: llama-3.1-8b,
                     usd_per_gpu_hour: 2.5}
                """;
        return new ScenarioLoader().bind(SpecDocument.parse(text, "t.yaml", false, folder)).workload().routes().get(0);
    }

    private static Columns drawPairs(RequestShapeSpec spec, long seed) {
        RequestShapeSampler sampler = RequestShapeSampler.of(spec, "r", new RandomStreams(seed));
        double[] prompts = new double[PAIRS];
        double[] outputs = new double[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            RequestShape shape = sampler.sample();
            prompts[i] = shape.promptTokens();
            outputs[i] = shape.outputTokens();
        }
        return new Columns(prompts, outputs);
    }

    private static double spearman(Columns c) {
        return new SpearmansCorrelation().correlation(c.prompts(), c.outputs());
    }

    private static double pearson(Columns c) {
        return new PearsonsCorrelation().correlation(c.prompts(), c.outputs());
    }

    /** Pearson of the log lengths: ShareGPT's plain Pearson is dominated by a few huge prompts. */
    private static double logPearson(Columns c) {
        DoubleUnaryOperator log = Math::log;
        return new PearsonsCorrelation().correlation(Arrays.stream(c.prompts()).map(log).toArray(),
                Arrays.stream(c.outputs()).map(log).toArray());
    }

    private static String pairs(String file, String prompt, String output) {
        return "lengths: {dist: dataset, file: " + file + ", prompt_column: " + prompt + ", output_column: "
                + output + "}";
    }

    private static String independent(String file, String prompt, String output) {
        return "prompt_tokens: {dist: empirical, file: " + file + ", column: " + prompt + "}\n"
                + "output_tokens: {dist: empirical, file: " + file + ", column: " + output + "}";
    }

    @Test
    void sharegptPairsKeepTheirCorrelation() {
        RouteSpec joint = route(pairs(SHAREGPT, "input_tokens", "output_tokens"), SCENARIOS);
        assertInstanceOf(RequestShapeSpec.JointDataset.class, joint.lengths());
        Columns drawn = drawPairs(joint.lengths(), 7);
        Columns apart = drawPairs(route(independent(SHAREGPT, "input_tokens", "output_tokens"), SCENARIOS).lengths(), 7);

        double fileSpearman = spearman(sharegpt);
        double fileLogPearson = logPearson(sharegpt);
        report("ShareGPT file: Spearman %.4f, Pearson %.4f, Pearson of logs %.4f%n",
                fileSpearman, pearson(sharegpt), fileLogPearson);
        report("ShareGPT pairs drawn: Spearman %.4f, Pearson of logs %.4f; independent: %.4f, %.4f%n",
                spearman(drawn), logPearson(drawn), spearman(apart), logPearson(apart));
        assertEquals(0.228, fileSpearman, 0.001, "the file itself");
        assertEquals(fileSpearman, spearman(drawn), CORRELATION_TOLERANCE);
        assertEquals(fileLogPearson, logPearson(drawn), CORRELATION_TOLERANCE);
        assertEquals(0, spearman(apart), CORRELATION_TOLERANCE);
        assertEquals(0, logPearson(apart), CORRELATION_TOLERANCE);
    }

    @Test
    void arxivPairsKeepTheirCorrelation() {
        Columns drawn = drawPairs(route(pairs(ARXIV, "num_prefill_tokens", "num_decode_tokens"), SCENARIOS).lengths(), 8);
        Columns apart = drawPairs(
                route(independent(ARXIV, "num_prefill_tokens", "num_decode_tokens"), SCENARIOS).lengths(), 8);

        double fileSpearman = spearman(arxiv);
        double filePearson = pearson(arxiv);
        report("arXiv file: Spearman %.4f, Pearson %.4f%n", fileSpearman, filePearson);
        report("arXiv pairs drawn: Spearman %.4f, Pearson %.4f; independent: %.4f, %.4f%n",
                spearman(drawn), pearson(drawn), spearman(apart), pearson(apart));
        assertEquals(-0.463, filePearson, 0.001, "the file itself");
        assertEquals(fileSpearman, spearman(drawn), CORRELATION_TOLERANCE);
        assertEquals(filePearson, pearson(drawn), CORRELATION_TOLERANCE);
        assertEquals(0, spearman(apart), CORRELATION_TOLERANCE);
        assertEquals(0, pearson(apart), CORRELATION_TOLERANCE);
    }

    @Test
    void columnResampledAloneKeepsMeanAndQuantiles() {
        RouteSpec r = route(independent(SHAREGPT, "input_tokens", "output_tokens"), SCENARIOS);
        int n = 200_000;
        for (int side = 0; side < 2; side++) {
            LengthSpec spec = side == 0 ? r.promptTokens() : r.outputTokens();
            double[] file = side == 0 ? sharegpt.prompts() : sharegpt.outputs();
            LengthSampler sampler = LengthSampler.of(spec, new RandomStreams(11).stream("column" + side));
            double[] sample = new double[n];
            for (int i = 0; i < n; i++) {
                sample[i] = sampler.sample();
            }
            double standardError = new StandardDeviation().evaluate(file) / Math.sqrt(n);
            assertEquals(StatUtils.mean(file), spec.mean(), 1e-9);
            assertEquals(StatUtils.mean(file), StatUtils.mean(sample), 4 * standardError, "mean, side " + side);
            for (double p : new double[] {10, 50, 90, 99}) {
                double q = StatUtils.percentile(file, p);
                // The share of values <= the file's quantile, in the file and in the sample.
                double inFile = Arrays.stream(file).filter(x -> x <= q).count() / (double) file.length;
                double inSample = Arrays.stream(sample).filter(x -> x <= q).count() / (double) n;
                assertEquals(inFile, inSample, 0.005, "share <= p" + p + " (" + q + "), side " + side);
            }
        }
    }

    @Test
    void histogramDrawsEachValueByItsWeight() throws IOException {
        Files.writeString(tmp.resolve("h.csv"), "tokens,count\n10,1\n20,0\n30,3\n40,6\n");
        RouteSpec r = route("prompt_tokens: {dist: empirical, file: h.csv, column: tokens, weight_column: count}\n"
                + "output_tokens: {dist: fixed, tokens: 1}", tmp);
        assertEquals(34, r.promptTokens().mean(), 1e-12);
        LengthSampler sampler = LengthSampler.of(r.promptTokens(), new RandomStreams(3).stream("h"));
        int n = 100_000;
        int[] counts = new int[5];
        for (int i = 0; i < n; i++) {
            counts[sampler.sample() / 10]++;
        }
        assertEquals(0, counts[2], "a row of weight 0 is never drawn");
        assertEquals(0.1, counts[1] / (double) n, 0.005);
        assertEquals(0.3, counts[3] / (double) n, 0.005);
        assertEquals(0.6, counts[4] / (double) n, 0.005);
    }

    @Test
    void independentLengthsKeepTheirStreamNames() {
        // Existing scenarios must draw the same numbers as before pairs existed.
        RouteSpec r = route("prompt_tokens: {dist: lognormal, median: 700, p99: 6000}\n"
                + "output_tokens: {dist: uniform, min: 1, max: 500}", SCENARIOS);
        RandomStreams streams = new RandomStreams(42);
        RequestShapeSampler shapes = RequestShapeSampler.of(r.lengths(), "chat", streams);
        LengthSampler prompts = LengthSampler.of(r.promptTokens(), streams.stream("route/chat/prompt"));
        LengthSampler outputs = LengthSampler.of(r.outputTokens(), streams.stream("route/chat/output"));
        for (int i = 0; i < 1000; i++) {
            assertEquals(new RequestShape(prompts.sample(), outputs.sample()), shapes.sample());
        }
    }

    @Test
    void pairsAreDeterministicPerSeed() {
        RequestShapeSpec spec = route(pairs(ARXIV, "num_prefill_tokens", "num_decode_tokens"), SCENARIOS).lengths();
        Columns a = drawPairs(spec, 5);
        Columns b = drawPairs(spec, 5);
        Columns c = drawPairs(spec, 6);
        assertTrue(Arrays.equals(a.prompts(), b.prompts()) && Arrays.equals(a.outputs(), b.outputs()));
        assertTrue(!Arrays.equals(a.prompts(), c.prompts()));
    }
}
