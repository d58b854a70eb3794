package io.fleetsim.economics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.input.SpecDocument;
import io.fleetsim.metrics.TokenCounts;
import io.fleetsim.run.PoolResult;
import io.fleetsim.run.RouteResult;
import io.fleetsim.run.RunResult;
import io.fleetsim.run.Simulation;
import io.fleetsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Quality, cascades and mid-stream disconnects against truth computed by hand: the articles' worked
 * example from its own inputs, a cascade with known acceptance rates, re-asks billed token by token,
 * and disconnects whose waste is known exactly; and tokens conserve in every run.
 */
class UsefulTokenEconomicsTest {

    private static RunResult run(String yaml) {
        return Simulation.run(new ScenarioLoader().bind(SpecDocument.parse(yaml, "test.yaml", false)));
    }

    private static RouteResult route(RunResult r, String name) {
        return r.routes().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    private static PoolResult pool(RunResult r, String name) {
        return r.pools().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    /** Completed requests' tokens = useful + outside SLO + rejected on quality - rejected answers asked again. */
    private static void assertConserved(TokenCounts t) {
        assertEquals(t.input() + t.output(), t.useful() + t.wasted().get("outside_slo")
                + t.wasted().get("rejected_quality") - t.reasked(), "token conservation: " + t);
    }

    @Test
    void theArticlesWorkedExampleGivesItsUsefulTokensPerSecond() throws Exception {
        Path file = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && file == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scenarios/economics/useful-tokens-worked-example.yaml");
            file = Files.exists(candidate) ? candidate : null;
        }
        RunResult r = Simulation.run(new ScenarioLoader().load(file));
        double seconds = r.simulatedSeconds();
        RouteResult a = route(r, "deployment-a");
        RouteResult b = route(r, "deployment-b");
        // The article: raw output tokens/s x SLO success x acceptance.
        double articleA = 10_000 * 0.70 * 0.95;
        double articleB = 8_000 * 0.96 * 0.97;
        assertEquals(6_650, articleA, 1e-9);
        assertEquals(7_450, articleB, 0.5);
        // Poisson arrivals and random TTFTs: within 2 % of the article's figures.
        assertEquals(articleA, a.tokens().usefulOutput() / seconds, 0.02 * articleA);
        assertEquals(articleB, b.tokens().usefulOutput() / seconds, 0.02 * articleB);
        assertTrue(b.tokens().usefulOutput() > a.tokens().usefulOutput(), "B delivers more useful tokens");
        for (RouteResult x : r.routes()) {
            // Exactly: every useful answer has 500 output tokens and is within SLO and accepted.
            assertEquals((x.requests().withinSlo() - x.rejectedAnswers()) * 500, x.tokens().usefulOutput());
            assertConserved(x.tokens());
        }
        // The measured acceptance is the configured one (binomial, 3 sigma).
        double acceptedA = 1 - (double) a.rejectedAnswers() / a.requests().withinSlo();
        assertEquals(0.95, acceptedA, 3 * Math.sqrt(0.95 * 0.05 / a.requests().withinSlo()));
    }

    private static final String API_POOL = """
              - name: %s
                kind: api
                %s
                api:
                  usd_per_mtok_input: 1
                  usd_per_mtok_output: 2
                  ttft: {dist: fixed, value: 100ms}
                  output_tokens_per_s: 1000
            """;

    private static String scenario(String route, String pools) {
        return """
            name: t
            seed: 7
            horizon: 20m
            workload:
              arrivals: {process: poisson, rate_per_s: 5}
              routes:
                - name: r
                  prompt_tokens: {dist: fixed, tokens: 50}
                  output_tokens: {dist: fixed, tokens: 500}
                  slo: {ttft: 60s, tpot: 50ms}
            %s
            pools:
            %s""".formatted(route.indent(6), pools);
    }

    @Test
    void aCascadeEscalatesRejectedAnswersAndWastesTheFirstAttempt() {
        RunResult r = run(scenario("""
                pool: small
                quality: {acceptance: {small: 0.6, large: 0.9}, on_reject: escalate, escalate_to: large}
                """, API_POOL.formatted("small", "") + API_POOL.formatted("large", "")));
        RouteResult route = r.routes().get(0);
        long done = route.requests().completed();
        PoolResult small = pool(r, "small");
        PoolResult large = pool(r, "large");
        // Every request asks the small model; exactly its rejected answers go to the large one.
        long escalated = large.routedRequests();
        assertEquals(done + r.requests().inFlightAtEnd(), small.routedRequests(), 3);
        double rejectedSmall = 0.4 * small.routedRequests();
        assertEquals(rejectedSmall, escalated, 3 * Math.sqrt(small.routedRequests() * 0.24));
        // Useful share of requests: 0.6 + 0.4 x 0.9 = 0.96.
        double usefulShare = (double) route.tokens().useful() / 550 / done;
        assertEquals(0.96, usefulShare, 3 * Math.sqrt(0.96 * 0.04 / done));
        // Waste: each rejected answer's 550 tokens, first attempts included; useful tokens all came from someone.
        assertEquals(route.rejectedAnswers() * 550, route.tokens().wasted().get("rejected_quality"));
        assertEquals(route.tokens().reasked(), escalated * 550, 550 * 3);
        assertEquals(route.tokens().useful(), small.usefulTokens() + large.usefulTokens());
        assertConserved(route.tokens());
        // The bill is per token: the small pool billed every first attempt's 500 output tokens.
        assertEquals(small.costByStateUsd().get("api_output"), small.routedRequests() * 500 * 2 / 1e6, 500 * 2 * 3 / 1e6);
    }

    @Test
    void reAskingRepeatsTheAnswerUpToMaxAsksAndBillsEveryAnswer() {
        RunResult r = run(scenario("""
                pool: api
                quality: {acceptance: 0.5, on_reject: reask, max_asks: 3}
                """, API_POOL.formatted("api", "")));
        RouteResult route = r.routes().get(0);
        long done = route.requests().completed();
        PoolResult api = r.pools().get(0);
        long answers = api.routedRequests();
        // Answers asked for = completed + rejected answers asked again (+ those still in flight).
        long reaskedAnswers = route.tokens().reasked() / 550;
        assertEquals(answers, done + reaskedAnswers, r.requests().inFlightAtEnd() * 3);
        // Expected answers per request 1 + 0.5 + 0.25 = 1.75; final rejection 0.125.
        assertEquals(1.75, (double) answers / done, 0.05);
        long finalRejected = route.rejectedAnswers() - reaskedAnswers;
        assertEquals(0.125, (double) finalRejected / done, 3 * Math.sqrt(0.125 * 0.875 / done));
        assertEquals(answers * 500 * 2 / 1e6, api.costByStateUsd().get("api_output"), 2 * 3 * 500 * 2 / 1e6);
        assertConserved(route.tokens());
    }

    @Test
    void anAbortingServerStopsAtTheDisconnectAndOneThatDoesNotMakesConfetti() {
        String route = """
                pool: api
                disconnect: {share: 1, after_tokens: {dist: fixed, tokens: 100}}
                """;
        for (boolean abort : new boolean[] {true, false}) {
            RunResult r = run(scenario(route, API_POOL.formatted("api", "abort_on_disconnect: " + abort)));
            RouteResult x = r.routes().get(0);
            long left = x.disconnected();
            assertTrue(left > 5000, "left " + left);
            assertEquals(0, x.requests().completed());
            assertEquals(left, x.requests().cancelled());
            assertEquals(left * 150, x.tokens().wasted().get("cancelled"), "prompt + 100 tokens received");
            assertEquals(abort ? 0 : left * 400, x.tokens().wasted().get("after_disconnect"));
            assertEquals(left * (abort ? 100 : 500), r.pools().get(0).costByStateUsd().get("api_output") / 2 * 1e6,
                    1e-3);
            assertEquals(100, x.receivedBeforeDisconnect().p50());
            assertEquals(0, x.tokens().useful());
        }
    }

    @Test
    void easyRequestsGoToTheSmallModelByPromptLengthOrByShare() {
        String pools = API_POOL.formatted("small", "") + API_POOL.formatted("large", "");
        // Every prompt has 50 tokens: all easy below 51, none below 50.
        RunResult all = run(scenario("pool: large\nsplit: {prompt_tokens_below: 51, to: small}\n", pools));
        assertEquals(0, pool(all, "large").routedRequests());
        assertEquals(all.requests().arrived(), pool(all, "small").routedRequests());
        RunResult none = run(scenario("pool: large\nsplit: {prompt_tokens_below: 50, to: small}\n", pools));
        assertEquals(0, pool(none, "small").routedRequests());
        // A share of easy requests: binomial, 3 sigma.
        RunResult share = run(scenario("pool: large\nsplit: {easy_share: 0.3, to: small}\n", pools));
        long n = share.requests().arrived();
        assertEquals(n, pool(share, "small").routedRequests() + pool(share, "large").routedRequests());
        assertEquals(0.3 * n, pool(share, "small").routedRequests(), 3 * Math.sqrt(n * 0.21));
        // Easy requests on a cascade: the rejected small answers escalate, nothing else does.
        RunResult cascade = run(scenario("""
                pool: large
                split: {easy_share: 0.5, to: small}
                quality: {acceptance: {small: 0.0}, on_reject: escalate, escalate_to: large}
                """, pools));
        PoolResult small = pool(cascade, "small");
        PoolResult large = pool(cascade, "large");
        assertEquals(0, small.usefulTokens(), "the small model's answers are all rejected");
        long inFlight = cascade.requests().inFlightAtEnd();
        // Every request reaches the large model once: directly (hard) or escalated (easy, rejected).
        assertEquals(cascade.requests().arrived(), large.routedRequests(), inFlight);
        assertEquals(small.routedRequests() * 550, cascade.tokens().wasted().get("rejected_quality"), inFlight * 550);
        assertConserved(cascade.routes().get(0).tokens());
    }
}
