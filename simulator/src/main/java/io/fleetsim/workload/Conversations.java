package io.fleetsim.workload;

import io.fleetsim.engine.EventHandler;
import io.fleetsim.engine.Simulator;
import io.fleetsim.random.RandomStream;
import io.fleetsim.random.RandomStreams;
import io.fleetsim.spec.ClientSpec;
import io.fleetsim.spec.DurationSpec;
import io.fleetsim.spec.RouteSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Multi-turn conversations: after each answer a client thinks, then sends the next turn, whose
 * prompt is the whole conversation so far plus a new message. Every turn carries, as its prompt
 * prefix, the chain of block hashes of the whole context it ends with (its prompt and its answer):
 * the first turn's shared system prompt, if any, then blocks unique to the conversation. A replica
 * caches a turn's chain when it serves it, so the next turn, whose chain extends it, skips the
 * prefill of the conversation so far (a lookup never goes past the prompt). A conversation ends
 * after its turns, when a turn is not delivered, or at the horizon. Only conversations in progress
 * are kept.
 */
final class Conversations implements EventHandler, OutcomeListener {

    private static final int BLOCK_TOKENS = 16;

    private final Simulator sim;
    private final int handlerId;
    private final List<RouteSpec> routes;
    private final RequestShapeSampler[] shapes;
    private final LengthSampler[] turns;
    private final RandomStream[] think;
    private final double horizon;
    private final RequestSink sink;
    private final LongSupplier ids;
    private final Map<Long, Conversation> byRequest = new HashMap<>();
    private final Map<Long, Conversation> scheduled = new HashMap<>();
    private long nextConversation;
    private long nextEvent;

    private static final class Conversation {
        final long chain;
        final int tenant;
        /** Block hashes of the first turn's shared system prompt (empty when none). */
        final long[] systemPrompt;
        int turnsLeft;
        long contextTokens;

        Conversation(long chain, int tenant, long[] systemPrompt, int turnsLeft, long contextTokens) {
            this.chain = chain;
            this.tenant = tenant;
            this.systemPrompt = systemPrompt;
            this.turnsLeft = turnsLeft;
            this.contextTokens = contextTokens;
        }
    }

    Conversations(Simulator sim, List<RouteSpec> routes, RequestShapeSampler[] shapes, RandomStreams streams,
                  double horizon, RequestSink sink, LongSupplier ids) {
        this.sim = sim;
        this.routes = routes;
        this.shapes = shapes;
        this.horizon = horizon;
        this.sink = sink;
        this.ids = ids;
        this.turns = new LengthSampler[routes.size()];
        this.think = new RandomStream[routes.size()];
        for (int i = 0; i < routes.size(); i++) {
            ClientSpec c = routes.get(i).clients();
            if (c.sessionTurns() != null && shapes[i] != null) {
                String prefix = "route/" + routes.get(i).name() + "/session";
                turns[i] = LengthSampler.of(c.sessionTurns(), streams.stream(prefix + "/turns"));
                think[i] = streams.stream(prefix + "/think");
            }
        }
        this.handlerId = sim.register(this);
    }

    /**
     * A first turn arrived: start a conversation if its route has them and more turns follow. Returns
     * the request to send: {@code first} itself, or for a conversation the same request carrying the
     * conversation's chain, so that serving it caches the context the next turn begins with.
     */
    Request started(Request first) {
        int route = first.route();
        if (turns[route] == null) {
            return first;
        }
        int total = turns[route].sample();
        if (total <= 1) {
            return first;
        }
        PromptPrefix system = first.prefix();
        Conversation c = new Conversation(nextConversation++, first.tenant(),
                system.blockTokens() == BLOCK_TOKENS ? system.blockHashes() : new long[0], total - 1,
                first.totalTokens());
        byRequest.put(first.id(), c);
        return new Request(first.id(), route, first.arrivalTime(), first.promptTokens(), first.outputTokens(),
                history(c, c.contextTokens), first.tenant());
    }

    @Override
    public void finished(Request request, boolean delivered, double time) {
        if (byRequest.isEmpty()) {
            return;
        }
        Conversation c = byRequest.remove(request.id());
        if (c == null || !delivered) {
            return;
        }
        DurationSpec t = routes.get(request.route()).clients().thinkTime();
        double next = time + (t instanceof DurationSpec.Exponential e
                ? think[request.route()].nextExponential(e.meanSeconds()) : t.meanSeconds());
        if (next >= horizon) {
            return;
        }
        long event = nextEvent++;
        scheduled.put(event, c);
        sim.schedule(next, handlerId, (event << 8) | request.route());
    }

    @Override
    public void handle(long payload) {
        int route = (int) (payload & 0xFF);
        Conversation c = scheduled.remove(payload >>> 8);
        RequestShape message = shapes[route].sample();
        long prompt = c.contextTokens + message.promptTokens();
        long context = prompt + message.outputTokens();
        Request next = new Request(ids.getAsLong(), route, sim.now(), (int) Math.min(Integer.MAX_VALUE, prompt),
                message.outputTokens(), history(c, context), c.tenant);
        c.contextTokens = context;
        if (--c.turnsLeft > 0) {
            byRequest.put(next.id(), c);
        }
        sink.accept(next);
    }

    /**
     * The first {@code tokens} tokens of the conversation as whole blocks: the system prompt's, then
     * blocks of a hash chain unique to the conversation.
     */
    private static PromptPrefix history(Conversation c, long tokens) {
        int blocks = (int) Math.min(1 << 20, tokens / BLOCK_TOKENS);
        long[] hashes = new long[blocks];
        for (int b = 0; b < blocks; b++) {
            hashes[b] = b < c.systemPrompt.length ? c.systemPrompt[b] : (0x5E55L << 48) ^ (c.chain << 20) ^ b;
        }
        return new PromptPrefix(hashes, BLOCK_TOKENS);
    }
}
