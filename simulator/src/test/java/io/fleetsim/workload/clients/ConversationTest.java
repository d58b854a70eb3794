package io.fleetsim.workload.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetsim.workload.Request;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Multi-turn conversations ({@code session} on a route): each turn comes a think time after the
 * previous answer, its prompt is the conversation so far plus a new message, and a replica that
 * served the previous turn has that context cached.
 */
class ConversationTest {

    /**
     * One user whose think time is so long that it starts exactly one conversation before 100,000 s:
     * 3 turns, each a 100-token message and a 50-token answer, 5 s apart.
     */
    private static final String SCENARIO = """
            name: conversations
            seed: 5
            horizon: 1h
            workload:
              arrivals: {process: closed_loop, users: 1, think_time: {dist: fixed, value: 100000s}}
              routes:
                - name: chat
                  prompt_tokens: {dist: fixed, tokens: 100}
                  output_tokens: {dist: fixed, tokens: 50}
                  slo: {ttft: 1h, tpot: 1h}
                  session: {turns: {dist: fixed, tokens: 3}, think_time: {dist: fixed, value: 5s}}
            pools:
              - name: llm
                kind: reserved
                replicas: 1
                gpu: H100-SXM-80GB
                model: llama-3.1-8b
                usd_per_gpu_hour: 2
            """;

    /** Tokens of the whole 16-token blocks of {@code tokens}. */
    private static long wholeBlocks(long tokens) {
        return tokens / 16 * 16;
    }

    @Test
    void aConversationSendsItsTurnsAThinkTimeAfterEachAnswerWithTheContextSoFar() {
        ClientWorld w = ClientWorld.withTraffic(SCENARIO, 1e6);
        w.runUntil(100_000);
        assertEquals(3, w.sent.size(), "one conversation of exactly 3 turns");
        assertEquals(3, w.outcomes.size());
        Request[] turn = w.sent.toArray(new Request[0]);
        assertEquals(List.of(100, 250, 400), Arrays.stream(turn).map(Request::promptTokens).toList(),
                "previous prompt + previous answer + a new message");
        for (int k = 0; k < 3; k++) {
            assertEquals(50, turn[k].outputTokens());
            // Each turn carries the chain of the whole context it ends with, which serving it caches.
            assertEquals(wholeBlocks(turn[k].totalTokens()), turn[k].prefix().tokens());
            assertEquals(turn[0].tenant(), turn[k].tenant());
            assertTrue(w.outcome(turn[k].id()).delivered());
        }
        assertEquals(3, Arrays.stream(turn).mapToLong(Request::id).distinct().count());
        for (int k = 1; k < 3; k++) {
            assertEquals(w.outcome(turn[k - 1].id()).time() + 5.0, turn[k].arrivalTime(), 0,
                    "turn " + (k + 1) + " comes the think time after the answer to turn " + k);
            // Its prefix covers the whole blocks of the conversation so far, and extends the previous turn's.
            long context = turn[k - 1].promptTokens() + turn[k - 1].outputTokens();
            assertTrue(turn[k].prefix().tokens() >= wholeBlocks(context), "turn " + (k + 1) + " prefix");
            long[] previous = turn[k - 1].prefix().blockHashes();
            long[] now = turn[k].prefix().blockHashes();
            assertTrue(now.length >= previous.length);
            assertArrayEquals(previous, Arrays.copyOf(now, previous.length), "the chain of turn " + (k + 1));
        }
    }

    @Test
    void eachTurnFindsThePreviousContextInThePrefixCache() {
        ClientWorld w = ClientWorld.withTraffic(SCENARIO, 1e6);
        long[] cachedAfter = new long[3];
        for (int k = 0; k < 3; k++) {
            int turns = k + 1;
            double t = w.sim.now();
            while (w.outcomes.size() < turns) {
                w.runUntil(t += 0.25);
            }
            cachedAfter[k] = w.tokens().cachedInput();
        }
        // Turn 2 reuses turn 1's 150 tokens (9 whole blocks), turn 3 the 300 of turns 1-2 (18 blocks).
        assertEquals(0, cachedAfter[0]);
        assertEquals(wholeBlocks(150), cachedAfter[1] - cachedAfter[0], "turn 2 hits");
        assertEquals(wholeBlocks(300), cachedAfter[2] - cachedAfter[1], "turn 3 hits");
    }

    @Test
    void manyUsersConversationsEachFollowTheirOwnAnswers() {
        // 6 users starting a conversation every ~60 s, turns 5 s after each answer; two tenants.
        String yaml = SCENARIO.replace("users: 1, think_time: {dist: fixed, value: 100000s}",
                        "users: 6, think_time: {dist: exponential, mean: 60s}")
                .replace("  routes:", "  tenants:\n    - {name: a, share: 0.5}\n    - {name: b, share: 0.5}\n  routes:");
        ClientWorld w = ClientWorld.withTraffic(ClientWorld.scenario(yaml), 1200);
        w.runUntil(2000);
        assertEquals(0, w.requests().inFlightAtEnd());
        w.assertConserved("end");
        List<Request> first = w.sent.stream().filter(r -> r.promptTokens() == 100).toList();
        assertTrue(first.size() > 50, first.size() + " conversations");
        assertTrue(w.sent.stream().allMatch(r -> List.of(100, 250, 400).contains(r.promptTokens())),
                "no conversation goes past 3 turns");
        long expectedFollowUps = 0;
        long expectedCached = 0;
        for (Request r : w.sent) {
            if (r.promptTokens() == 400) {
                continue;
            }
            ClientWorld.Outcome o = w.outcome(r.id());
            double next = o.time() + 5.0;
            List<Request> follow = w.sent.stream()
                    .filter(x -> x.arrivalTime() == next && x.promptTokens() == r.promptTokens() + 150).toList();
            if (next >= 1200) {
                assertEquals(0, follow.size(), "no turn after the arrivals horizon");
                continue;
            }
            assertEquals(1, follow.size(), "the next turn of request " + r.id());
            assertEquals(r.tenant(), follow.get(0).tenant(), "a conversation keeps its tenant");
            expectedFollowUps++;
            expectedCached += wholeBlocks(r.promptTokens() + 50L);
        }
        assertEquals(w.sent.size() - first.size(), expectedFollowUps);
        assertTrue(w.sent.stream().map(Request::tenant).distinct().count() == 2);
        // One replica with a large cache: every later turn finds its conversation so far.
        assertEquals(expectedCached, w.tokens().cachedInput());
    }

    @Test
    void conversationsKeepTheSharedSystemPromptAtTheHeadOfTheirChain() {
        // Every first turn begins with the same 64-token system prompt: two conversations share those
        // 4 blocks and nothing else.
        String yaml = SCENARIO.replace("users: 1, think_time: {dist: fixed, value: 100000s}",
                        "users: 2, think_time: {dist: fixed, value: 100000s}")
                .replace("      session:", "      prefix: {tokens: 64, share: 1}\n      session:");
        ClientWorld w = ClientWorld.withTraffic(yaml, 1e6);
        w.runUntil(100_000);
        assertEquals(6, w.sent.size(), "two conversations of 3 turns");
        List<Request> firsts = w.sent.stream().filter(r -> r.promptTokens() == 100).toList();
        assertEquals(2, firsts.size());
        long[] a = firsts.get(0).prefix().blockHashes();
        long[] b = firsts.get(1).prefix().blockHashes();
        assertArrayEquals(Arrays.copyOf(a, 4), Arrays.copyOf(b, 4), "the system prompt's blocks");
        for (int i = 4; i < a.length; i++) {
            assertTrue(a[i] != b[i], "block " + i + " belongs to one conversation");
        }
        for (Request r : w.sent) {
            assertArrayEquals(Arrays.copyOf(a, 4), Arrays.copyOf(r.prefix().blockHashes(), 4));
        }
        // The users start at independent instants over 100,000 s, so the conversations do not overlap.
        assertTrue(firsts.get(1).arrivalTime() > w.outcomes.get(2).time() + 1);
        // Each conversation's later turns find it so far (144 and 288 tokens), and the second
        // conversation's first turn finds the system prompt the first one left in the cache (64).
        assertEquals(64 + 2 * (wholeBlocks(150) + wholeBlocks(300)), w.tokens().cachedInput());
    }
}
