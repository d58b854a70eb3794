package io.fleetsim.scenario;

import io.fleetsim.input.SpecNode;
import io.fleetsim.spec.ClientSpec;
import io.fleetsim.spec.DisconnectSpec;
import io.fleetsim.spec.DurationSpec;
import io.fleetsim.spec.LengthSpec;
import io.fleetsim.spec.TenantSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates how clients behave ({@code patience}, {@code retries}, {@code prefix} and
 * {@code session} on a route) and the workload's tenants.
 */
final class ClientReader {

    private ClientReader() {
    }

    static ClientSpec read(SpecNode route) {
        SpecNode patience = route.get("patience");
        DurationSpec patienceSpec = patience.isMissing() ? null : DurationReader.read(patience);
        int attempts = 1;
        double backoff = 0;
        SpecNode retries = route.get("retries");
        if (!retries.isMissing()) {
            retries.allowOnly("max_attempts", "backoff");
            attempts = (int) retries.required("max_attempts").integerIn(1, 100);
            backoff = retries.get("backoff").durationSeconds(1);
        }
        int prefixTokens = 0;
        double prefixShare = 0;
        int variants = 1;
        SpecNode prefix = route.get("prefix");
        if (!prefix.isMissing()) {
            prefix.allowOnly("tokens", "share", "variants");
            prefixTokens = (int) prefix.required("tokens").integerIn(1, 10_000_000);
            prefixShare = prefix.get("share").isMissing() ? 1 : prefix.get("share").numberIn(0, 1);
            variants = prefix.get("variants").intIn(1, 1_000_000, 1);
        }
        LengthSpec turns = null;
        DurationSpec think = null;
        SpecNode session = route.get("session");
        if (!session.isMissing()) {
            session.allowOnly("turns", "think_time");
            turns = LengthReader.read(session.required("turns"));
            think = DurationReader.read(session.required("think_time"));
        }
        DisconnectSpec disconnect = null;
        SpecNode d = route.get("disconnect");
        if (!d.isMissing()) {
            d.allowOnly("share", "after_tokens");
            disconnect = new DisconnectSpec(d.required("share").numberIn(0, 1), LengthReader.read(d.required("after_tokens")));
        }
        return new ClientSpec(patienceSpec, attempts, backoff, prefixTokens, prefixShare, variants, turns, think,
                disconnect);
    }

    static List<TenantSpec> tenants(SpecNode list) {
        List<TenantSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        double sum = 0;
        for (SpecNode t : list.elements()) {
            t.allowOnly("name", "share", "monthly_budget_usd");
            String name = t.required("name").text();
            if (!names.add(name)) {
                throw t.get("name").error("duplicate tenant name '" + name + "'");
            }
            double share = t.required("share").positiveNumber();
            sum += share;
            out.add(new TenantSpec(name, share,
                    t.get("monthly_budget_usd").isMissing() ? 0 : t.get("monthly_budget_usd").numberIn(0, 1e12)));
        }
        List<TenantSpec> normalized = new ArrayList<>();
        for (TenantSpec t : out) {
            normalized.add(new TenantSpec(t.name(), t.share() / sum, t.monthlyBudgetUsd()));
        }
        return normalized;
    }
}
